// graphology's JSON serialisation of a graph, yielded node by node and edge by edge, so that a large
// map is never one string. The bytes are those of `JSON.stringify(graph.export())`.
import type { Attributes, AbstractGraph as Graph } from 'graphology-types';

/** Nodes or edges gathered into one yielded chunk. */
const CHUNK_ELEMENTS = 1000;

/**
 * graphology's JSON serialisation (`graph.export()`), the format sigma.js and graphology read back
 * (`graph.import(JSON.parse(text))`), yielded piece by piece: options, graph attributes, then each
 * node (`{key, attributes}`) and each edge (`{key, source, target, attributes}`, `undirected` for an
 * undirected edge of a mixed graph); empty attributes are left out, as `export()` does.
 */
export function* toGraphologyJson(graph: Graph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`;
  yield* joined(graph.nodeEntries(), ({ node, attributes }) =>
    JSON.stringify(hasAny(attributes) ? { key: node, attributes } : { key: node }),
  );
  yield '],"edges":[';
  const mixed = graph.type === 'mixed';
  yield* joined(graph.edgeEntries(), ({ edge, source, target, attributes, undirected }) =>
    JSON.stringify({
      key: edge,
      source,
      target,
      ...(hasAny(attributes) && { attributes }),
      ...(mixed && undirected && { undirected: true }),
    }),
  );
  yield ']}';
}

/** Each entry as JSON, comma-separated, `CHUNK_ELEMENTS` to a chunk. */
function* joined<T>(entries: Iterable<T>, toJson: (entry: T) => string): Generator<string> {
  let chunk = '';
  let separator = '';
  let inChunk = 0;
  for (const entry of entries) {
    chunk += separator + toJson(entry);
    separator = ',';
    if (++inChunk === CHUNK_ELEMENTS) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/** Whether `attributes` has any property (graphology leaves out empty attributes). */
function hasAny(attributes: Attributes): boolean {
  for (const _ in attributes) return true;
  return false;
}
