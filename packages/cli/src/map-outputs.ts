// The files `kolmap analyze` writes, chosen with --formats: the map as graphology JSON, GEXF or
// GraphML, the shortlist as CSV, the report as Markdown and HTML; each streamed to disk atomically.
import { join } from 'node:path';
import {
  InvalidInputError,
  type ReportOptions,
  type ShortlistRow,
  shortlistToCsv,
  toGexf,
  toGraphml,
  toGraphologyJson,
  toHtmlReport,
  toMarkdownReport,
  writeFileAtomic,
} from '@kolmap/core';
import type { AbstractGraph } from 'graphology-types';

/** The outputs `--formats` chooses among, in the order they are written. */
export const MAP_OUTPUT_FORMATS = ['json', 'gexf', 'graphml', 'csv', 'report'] as const;
export type MapOutputFormat = (typeof MAP_OUTPUT_FORMATS)[number];

/** Written when `--formats` is not given: GEXF and GraphML only on request. */
export const DEFAULT_MAP_OUTPUT_FORMATS: readonly MapOutputFormat[] = ['json', 'csv', 'report'];

/** What the outputs are written from. */
export interface MapOutputs {
  /** The analysed map. */
  graph: AbstractGraph;
  /** The shortlist's rows, best first. */
  shortlist: readonly ShortlistRow[];
  /** Options of the report (profiles, modularity, parameters). */
  report: ReportOptions;
  /** Write shortlist.csv for Excel. */
  excel: boolean;
}

type Write = (outputs: MapOutputs) => Iterable<string>;

/** Each format's files, and the text of each. */
const MAP_OUTPUT_FILES: Readonly<Record<MapOutputFormat, ReadonlyArray<[string, Write]>>> = {
  json: [['map.json', ({ graph }) => toGraphologyJson(graph)]],
  gexf: [['map.gexf', ({ graph }) => toGexf(graph)]],
  graphml: [['map.graphml', ({ graph }) => toGraphml(graph)]],
  csv: [['shortlist.csv', ({ shortlist, excel }) => shortlistToCsv(shortlist, { excel })]],
  report: [
    ['report.md', ({ graph, report }) => toMarkdownReport(graph, report)],
    ['report.html', ({ graph, report }) => toHtmlReport(graph, report)],
  ],
};

/** The help of `--formats`: each format and its files. */
export const MAP_OUTPUT_FORMATS_HELP = MAP_OUTPUT_FORMATS.map(
  (format) => `${format} (${MAP_OUTPUT_FILES[format].map(([file]) => file).join(', ')})`,
).join(', ');

/**
 * The formats of a comma-separated list (`json,gexf`), spaces ignored, in their writing order.
 * @throws InvalidInputError (field `formats`) naming each unknown format and the known ones.
 */
export function toMapOutputFormats(list: string): MapOutputFormat[] {
  const given = list.split(',').map((format) => format.trim());
  const unknown = given.filter(
    (format) => !(MAP_OUTPUT_FORMATS as readonly string[]).includes(format),
  );
  if (unknown.length > 0) {
    throw new InvalidInputError({
      field: 'formats',
      message: `unknown format ${unknown.map((format) => `"${format}"`).join(', ')}; expected some of ${MAP_OUTPUT_FORMATS.join(', ')}`,
    });
  }
  return MAP_OUTPUT_FORMATS.filter((format) => given.includes(format));
}

/**
 * Writes the files of each format into `folder`, one after the other, each chunk by chunk to a
 * temporary file renamed when complete; returns the names of the files written.
 */
export async function writeMapOutputs(
  folder: string,
  outputs: MapOutputs,
  formats: readonly MapOutputFormat[],
): Promise<string[]> {
  const written: string[] = [];
  for (const format of MAP_OUTPUT_FORMATS) {
    if (!formats.includes(format)) continue;
    for (const [file, write] of MAP_OUTPUT_FILES[format]) {
      await writeFileAtomic(join(folder, file), write(outputs));
      written.push(file);
    }
  }
  return written;
}
