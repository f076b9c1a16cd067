// GEXF 1.3 writer for Gephi that yields the document element by element, so that a large map is
// never one string. The bytes are those graphology-gexf's writer gives (version 1.3, pretty printed)
// for kolmap's node and edge formats below; GEXF is still read back with graphology-gexf.
import type { Attributes, AbstractGraph as Graph } from 'graphology-types';
import { toXmlChars } from './xml-text.js';

/** GEXF attribute types, as graphology-gexf infers them for scalar values. */
type GexfType = 'string' | 'double' | 'long' | 'integer' | 'boolean';

/** When values of one attribute differ in type, the lower number wins (graphology-gexf's order). */
const TYPE_PRIORITY: Readonly<Record<GexfType, number>> = {
  string: 5,
  double: 6,
  long: 7,
  integer: 8,
  boolean: 9,
};

/** Elements gathered into one yielded chunk. */
const CHUNK_ELEMENTS = 1000;

/** A name `<meta>` can take as an element name. */
const XML_NAME = /^[_A-Za-z][-._A-Za-z0-9]*$/;

/** Attribute name → GEXF type, in the order the names were first met. */
type Model = Record<string, GexfType>;

/**
 * GEXF 1.3 for Gephi, yielded piece by piece, every attribute kept: lists and objects are written
 * as JSON strings because GEXF attribute values are scalars. The node label is its `name`, else its
 * `handle`, else its key; the edge weight is its `weight` when a number, else 1. The layout (`x`,
 * `y`) and `size`, when finite numbers, are also written as Gephi's viz position and size, so Gephi
 * opens the map as laid out. Scalar graph attributes are written in `<meta>` (when their name is an
 * XML name). Characters XML 1.0 forbids (in keys, names, any text) are replaced by U+FFFD.
 */
export function* toGexf(graph: Graph): Generator<string> {
  const nodeModel = inferModel(graph, 'node');
  const edgeModel = inferModel(graph, 'edge');
  const nodeNames = Object.keys(nodeModel);
  const edgeNames = Object.keys(edgeModel);
  const defaultEdgeType = defaultEdgeTypeOf(graph);
  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">';
  head += metaElement(graph.getAttributes());
  head += `\n  <graph${attribute('defaultedgetype', defaultEdgeType)}>`;
  head += modelElement(nodeModel, 'node') + modelElement(edgeModel, 'edge');
  yield toXmlChars(head);

  yield* elementsOf('nodes', graph.order, graph.nodeEntries(), ({ node, attributes }) =>
    element(
      'node',
      `${attribute('id', node)}${attribute('label', String(attributes.name ?? attributes.handle ?? node))}`,
      attvalues(nodeNames, attributes) + vizElements(attributes),
    ),
  );
  yield* elementsOf(
    'edges',
    graph.size,
    graph.edgeEntries(),
    ({ edge, source, target, attributes, undirected }) => {
      const type = undirected ? 'undirected' : 'directed';
      const weight = typeof attributes.weight === 'number' ? attributes.weight : 1;
      return element(
        'edge',
        `${attribute('id', edge)}${type === defaultEdgeType ? '' : attribute('type', type)}${attribute('source', source)}${attribute('target', target)}${Number.isNaN(weight) ? '' : attribute('weight', weight)}`,
        attvalues(edgeNames, attributes),
      );
    },
  );
  yield '\n  </graph>\n</gexf>';
}

/** `<nodes>` or `<edges>` with each element, `CHUNK_ELEMENTS` to a chunk. */
function* elementsOf<T>(
  name: 'nodes' | 'edges',
  count: number,
  entries: Iterable<T>,
  write: (entry: T) => string,
): Generator<string> {
  if (count === 0) {
    yield `\n    <${name}/>`;
    return;
  }
  let chunk = `\n    <${name}>`;
  let inChunk = 0;
  for (const entry of entries) {
    chunk += write(entry);
    if (++inChunk === CHUNK_ELEMENTS) {
      yield toXmlChars(chunk);
      chunk = '';
      inChunk = 0;
    }
  }
  yield toXmlChars(`${chunk}\n    </${name}>`);
}

/** A node or an edge with its XML attributes: closed at once, or around its children. */
function element(tag: 'node' | 'edge', attributes: string, children: string): string {
  return children === ''
    ? `\n      <${tag}${attributes}/>`
    : `\n      <${tag}${attributes}>${children}\n      </${tag}>`;
}

/** The element's values of the model's attributes: none without a model, else `<attvalues>`. */
function attvalues(names: readonly string[], attributes: Attributes): string {
  if (names.length === 0) return '';
  let values = '';
  for (const name of names) {
    if (!Object.hasOwn(attributes, name)) continue;
    const value = scalarOf(attributes[name]);
    if (isEmpty(value)) continue;
    values += `\n          <attvalue${attribute('for', name)}${attribute('value', typeof value === 'number' ? value : String(value))}/>`;
  }
  return values === ''
    ? '\n        <attvalues/>'
    : `\n        <attvalues>${values}\n        </attvalues>`;
}

/** Gephi's size and position of a node, from its finite `size`, `x` and `y`. */
function vizElements(attributes: Attributes): string {
  const finite = (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value);
  const { x, y, size } = attributes;
  let viz = finite(size) ? `\n        <viz:size${attribute('value', size)}/>` : '';
  if (finite(x) || finite(y)) {
    viz += `\n        <viz:position${finite(x) ? attribute('x', x) : ''}${finite(y) ? attribute('y', y) : ''}/>`;
  }
  return viz;
}

/** `<meta>` with the graph's scalar attributes (`lastModifiedDate` as its attribute). */
function metaElement(attributes: Attributes): string {
  const modified = attributes.lastModifiedDate;
  const opening = `\n  <meta${
    modified && (typeof modified === 'string' || typeof modified === 'number')
      ? attribute('lastmodifieddate', modified)
      : ''
  }`;
  let children = '';
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'lastModifiedDate') continue;
    const name = key.replace(/["'<>&\s]/g, '');
    if (!XML_NAME.test(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      children += `\n    <${name}>${escapeText(String(value))}</${name}>`;
    }
  }
  return children === '' ? `${opening}/>` : `${opening}>${children}\n  </meta>`;
}

/** `<attributes class="node|edge">` declaring each attribute of the model, if any. */
function modelElement(model: Model, scope: 'node' | 'edge'): string {
  let declarations = '';
  for (const name in model) {
    declarations += `\n      <attribute${attribute('id', name)}${attribute('title', name)}${attribute('type', model[name] as GexfType)}/>`;
  }
  return declarations === ''
    ? ''
    : `\n    <attributes${attribute('class', scope)}>${declarations}\n    </attributes>`;
}

/** The type of each node (or edge) attribute over the whole graph, widened as values differ. */
function inferModel(graph: Graph, scope: 'node' | 'edge'): Model {
  const model: Model = Object.create(null);
  const visit = (_key: string, attributes: Attributes) => {
    for (const name in attributes) {
      const value = attributes[name];
      const type = typeof value === 'object' && value !== null ? 'string' : typeOf(value);
      if (type === null) continue;
      const known = model[name];
      if (known === undefined || TYPE_PRIORITY[type] < TYPE_PRIORITY[known]) model[name] = type;
    }
  };
  if (scope === 'node') graph.forEachNode(visit);
  else graph.forEachEdge(visit);
  return model;
}

/** The GEXF type of a scalar, null for an empty value (absent, null, `''` or NaN). */
function typeOf(value: unknown): GexfType | null {
  if (isEmpty(value)) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value !== (value | 0)) return 'double';
    return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
  }
  return 'string';
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || Number.isNaN(value);
}

/** An attribute value as GEXF holds it: objects and lists as JSON text. */
function scalarOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}

/** ` name="value"`, escaped; nothing for an empty text (as graphology-gexf's XML writer does). */
function attribute(name: string, value: string | number): string {
  if (typeof value === 'number') return ` ${name}="${value}"`;
  return value === '' ? '' : ` ${name}="${escapeAttribute(value)}"`;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

function escapeAttribute(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] as string);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => TEXT_ESCAPES[char] as string);
}

/** graphology-utils' `inferType`: a mixed graph with one kind of edge only is written as that kind. */
function defaultEdgeTypeOf(graph: Graph): 'directed' | 'undirected' {
  if (graph.type !== 'mixed') return graph.type;
  if (graph.undirectedSize > 0 && graph.directedSize === 0) return 'undirected';
  return 'directed';
}
