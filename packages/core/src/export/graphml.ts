// GraphML writer (graphology-graphml only parses). Attribute types are inferred per attribute:
// boolean, long, double or string; lists and objects are written as JSON strings.
import type { Attributes, AbstractGraph as Graph } from 'graphology-types';
import { escapeXml } from './xml-text.js';

type KeyType = 'boolean' | 'long' | 'double' | 'string';

interface KeySpec {
  id: string;
  name: string;
  type: KeyType;
}

/** Serialises a graphology graph as GraphML, yielding the document piece by piece. */
export function* toGraphml(graph: Graph): Generator<string> {
  const nodeKeys = inferKeys(graph, 'node');
  const edgeKeys = inferKeys(graph, 'edge');
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [scope, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const) {
    for (const key of keys.values()) {
      yield `  <key id="${key.id}" for="${scope}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`;
    }
  }
  const edgedefault = graph.type === 'undirected' ? 'undirected' : 'directed';
  yield `  <graph id="G" edgedefault="${edgedefault}">\n`;
  const chunk: string[] = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    chunk.push(`    <node id="${escapeXml(node)}">${dataElements(attributes, nodeKeys)}</node>\n`);
    if (chunk.length >= 1000) yield chunk.splice(0).join('');
  }
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const direction = graph.type === 'mixed' ? ` directed="${!undirected}"` : '';
    chunk.push(
      `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${direction}>${dataElements(attributes, edgeKeys)}</edge>\n`,
    );
    if (chunk.length >= 1000) yield chunk.splice(0).join('');
  }
  yield chunk.join('');
  yield '  </graph>\n</graphml>\n';
}

function inferKeys(graph: Graph, scope: 'node' | 'edge'): Map<string, KeySpec> {
  const types = new Map<string, KeyType>();
  const visit = (attributes: Attributes) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null) continue;
      types.set(name, widen(types.get(name), typeOfValue(value)));
    }
  };
  if (scope === 'node') graph.forEachNode((_node, attributes) => visit(attributes));
  else graph.forEachEdge((_edge, attributes) => visit(attributes));
  const prefix = scope === 'node' ? 'v' : 'e';
  return new Map(
    [...types].map(([name, type], index) => [name, { id: `${prefix}${index}`, name, type }]),
  );
}

function typeOfValue(value: unknown): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(known: KeyType | undefined, seen: KeyType): KeyType {
  if (known === undefined || known === seen) return seen;
  if ((known === 'long' && seen === 'double') || (known === 'double' && seen === 'long')) {
    return 'double';
  }
  return 'string';
}

function dataElements(attributes: Attributes, keys: Map<string, KeySpec>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    const key = keys.get(name);
    if (!key || value === undefined || value === null) continue;
    out += `<data key="${key.id}">${escapeXml(formatValue(value))}</data>`;
  }
  return out;
}

function formatValue(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
