// Writes a graph to disk as graphology JSON, GEXF or GraphML, chosen from the file extension, chunk
// by chunk.
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError } from '../errors.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toGraphologyJson } from './graphology-json.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const GRAPH_FILE_FORMATS = ['json', 'gexf', 'graphml'] as const;
export type GraphFileFormat = (typeof GRAPH_FILE_FORMATS)[number];

/** The graph file format told by a file name's extension. */
export function graphFileFormatOf(file: string): GraphFileFormat {
  const extension = file.toLowerCase().split('.').pop() ?? '';
  if ((GRAPH_FILE_FORMATS as readonly string[]).includes(extension)) {
    return extension as GraphFileFormat;
  }
  throw new InvalidInputError({
    field: 'out',
    message: `cannot tell the format of "${file}": expected a name ending in .json, .gexf or .graphml`,
  });
}

/** Each graph file format's writer: the file's text, piece by piece. */
const GRAPH_FILE_WRITERS: Readonly<Record<GraphFileFormat, (graph: Graph) => Generator<string>>> =
  Object.freeze({ json: toGraphologyJson, gexf: toGexf, graphml: toGraphml });

/**
 * Writes `graph` to `file` in the format its extension names, or `format`: chunk by chunk as it is
 * serialised, atomically (a temporary file renamed when complete).
 */
export function writeGraphFile(
  graph: Graph,
  file: string,
  format: GraphFileFormat = graphFileFormatOf(file),
): Promise<void> {
  return writeFileAtomic(file, GRAPH_FILE_WRITERS[format](graph));
}
