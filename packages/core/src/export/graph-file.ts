// Writes a graph to disk as graphology JSON, GEXF or GraphML, chosen from the file extension.
import { write as writeGexf } from 'graphology-gexf';
import type { Attributes, AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError } from '../errors.js';
import { toGraphml } from './graphml.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { toXmlChars } from './xml-text.js';

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

/** graphology's JSON serialisation (`graph.export()`), the format sigma.js and graphology read back. */
export function toGraphologyJson(graph: Graph): string {
  return JSON.stringify(graph.export());
}

/**
 * GEXF 1.3 for Gephi, every attribute kept: lists and objects are written as JSON strings because
 * GEXF attribute values are scalars. The layout (`x`, `y`) and `size`, when numbers, are also
 * written as Gephi's viz position and size, so Gephi opens the map as laid out. (GEXF 1.2, the
 * writer's default, declares a malformed viz namespace, `http:///www.gexf.net/1.1draft/viz`.)
 * Characters XML 1.0 forbids (in keys, names, any text) are replaced by U+FFFD.
 */
export function toGexf(graph: Graph): string {
  const gexf = writeGexf(graph, {
    version: '1.3',
    formatNode: (key: string, attributes: Attributes) => ({
      label: String(attributes.name ?? attributes.handle ?? key),
      attributes: scalarAttributes(attributes),
      ...vizOf(attributes),
    }),
    formatEdge: (_key: string, attributes: Attributes) => ({
      weight: typeof attributes.weight === 'number' ? attributes.weight : 1,
      attributes: scalarAttributes(attributes),
    }),
  });
  return toXmlChars(gexf);
}

function vizOf(attributes: Attributes): { viz?: { x?: number; y?: number; size?: number } } {
  const viz: { x?: number; y?: number; size?: number } = {};
  for (const name of ['x', 'y', 'size'] as const) {
    const value = attributes[name];
    if (typeof value === 'number' && Number.isFinite(value)) viz[name] = value;
  }
  return Object.keys(viz).length > 0 ? { viz } : {};
}

function scalarAttributes(attributes: Attributes): Attributes {
  const scalars: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    scalars[name] = typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return scalars;
}

/** Writes `graph` to `file` (atomically) in the format its extension names, or `format`. */
export async function writeGraphFile(
  graph: Graph,
  file: string,
  format: GraphFileFormat = graphFileFormatOf(file),
): Promise<void> {
  if (format === 'json') return writeFileAtomic(file, toGraphologyJson(graph));
  if (format === 'gexf') return writeFileAtomic(file, toGexf(graph));
  return writeFileAtomic(file, toGraphml(graph));
}
