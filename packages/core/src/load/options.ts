// Options shared by every loader, and the input formats kolmap reads.
import type { Platform } from '@kolmap/model';
import type { InputLimits } from './input-limits.js';

export const INPUT_FORMATS = [
  'jsonl',
  'csv',
  'edgelist',
  'snap',
  'gml',
  'gexf',
  'graphml',
] as const;
/**
 * - `jsonl`: kolmap records, one JSON object per line with a `kind` field.
 * - `csv`: kolmap records; the kind comes from the file name (accounts/follows/posts/interactions.csv).
 * - `edgelist`: comma-separated `source,target[,weight][,type][,timestamp]`, header optional.
 * - `snap`: whitespace-separated `a b [w]` with `#` comments, as SNAP publishes them.
 * - `gml`, `gexf`, `graphml`: graph files; node attributes are kept.
 */
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface LoadProgress {
  file: string;
  bytesRead: number;
  /** Size of the file on disk (compressed size for .gz files). */
  bytesTotal: number;
}

export interface LoadOptions {
  /** Format of every input; by default told from each file's extension (and name for CSV). */
  format?: InputFormat;
  /**
   * Keep the good records, report the bad ones in `report.rejected`. Default false: bad records
   * fail the load, with the problems found (up to 50 per load).
   */
  skipInvalid?: boolean;
  /** Platform given to records that do not name one. Default `other`. */
  platform?: Platform;
  /** Treat links as having no direction, whatever the file says. Default false. */
  undirected?: boolean;
  /** Lines to skip at the top of edge lists (e.g. 1 for a "nodes edges" count header). Default 0. */
  skipLines?: number;
  /** Called now and then while a file is read. */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Bounds on bytes per file, line length and records (see `InputLimits`); a load that goes beyond
   * one fails with InputLimitError (code TOO_LARGE). Default `DEFAULT_INPUT_LIMITS`.
   */
  limits?: Partial<InputLimits>;
}
