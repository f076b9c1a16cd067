// The network every analysis stage runs on: accounts as integer indices with their attributes, and
// one entry per edge in typed arrays; built from a dataset by the builders, or from a graphology graph.
import { INTERACTION_TYPES } from '@kolmap/model';
import {
  DirectedGraph,
  MultiDirectedGraph,
  MultiGraph,
  MultiUndirectedGraph,
  UndirectedGraph,
} from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { TYPE_CODES } from '../build/aggregate-edges.js';
import { InvalidInputError } from '../errors.js';
import type { EdgeWeightGetter } from './communities/weighted-network.js';

/** Reads a validated edge weight from a `forEachEdge` entry. */
export type WeightReader = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sourceAttributes: Attributes,
  targetAttributes: Attributes,
  undirected: boolean,
) => number;

/** The weight reader of a getter: 1 for missing values; `InvalidInputError` on negative, NaN or infinite ones. */
export function weightReader(getEdgeWeight: EdgeWeightGetter): WeightReader {
  const read: WeightReader =
    getEdgeWeight === null
      ? () => 1
      : typeof getEdgeWeight === 'string'
        ? (_edge, attributes) => attributes[getEdgeWeight]
        : getEdgeWeight;
  return (edge, attributes, source, target, sourceAttributes, targetAttributes, undirected) => {
    const weight = read(
      edge,
      attributes,
      source,
      target,
      sourceAttributes,
      targetAttributes,
      undirected,
    );
    if (typeof weight !== 'number') return 1;
    if (weight >= 0 && weight < Number.POSITIVE_INFINITY) return weight;
    throw new InvalidInputError({
      field: 'weight',
      message: `edge "${edge}" (${source} ${undirected ? '--' : '->'} ${target}) has weight ${weight}; weights must be finite and >= 0`,
    });
  };
}

/** The kind of graph a network is, as graphology's `graph.type`. */
export type NetworkType = 'directed' | 'undirected' | 'mixed';

/**
 * Node `i` is `keys[i]` with the attributes `nodes[i]` (an account's fields, as the map's nodes hold
 * them). Edge `e` goes from `source[e]` to `target[e]` with `weight[e]` (finite, ≥ 0; 0 for an edge
 * that carries no attention). Edges are undirected in an undirected network, directed in a directed
 * one, and each as `undirected[e]` says in a mixed one. Edges stay in the order they were built or
 * read, which every derived row set keeps, so that a network and the graph it came from give the
 * same numbers.
 */
export interface AccountNetwork {
  keys: string[];
  /** Index of each key. */
  index: Map<string, number>;
  nodes: Attributes[];
  type: NetworkType;
  /** Whether two edges may join the same two nodes (a multi graph); builders aggregate pairs, so never. */
  multi: boolean;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** Mixed networks only: 1 for an undirected edge. `null` otherwise. */
  undirected: Uint8Array | null;
  /** Records aggregated into each edge (its `count`), 0 when unknown. */
  count: ArrayLike<number>;
  /** Records of each type code (see TYPE_CODES) per edge, `TYPE_CODES` entries per edge (0 when unknown). */
  typeCounts: ArrayLike<number>;
  /** The attributes edge `e` has in the map's graph (weight, counts, dates, layer weights). */
  edgeAttributes: (edge: number) => Attributes;
}

/** Number of edges of a network. */
export function edgeCount(network: AccountNetwork): number {
  return network.source.length;
}

/** Whether edge `e` is undirected. */
export function isUndirectedEdge(network: AccountNetwork, edge: number): boolean {
  return network.undirected === null
    ? network.type === 'undirected'
    : network.undirected[edge] === 1;
}

/**
 * The network of a graphology graph: its nodes in graph order with their attributes (the graph's own
 * objects), its edges in graph order with the weight `getEdgeWeight` reads (see weightReader: 1 when
 * missing), their `count` and per-type counts (`mention`, `reply`…) when numeric.
 *
 * @param getEdgeWeight edge attribute name, function or `null` (every edge weighs 1). Default `'weight'`.
 * @throws InvalidInputError (field `weight`) on a negative, NaN or infinite weight.
 */
export function networkOfGraph(
  graph: AbstractGraph,
  getEdgeWeight: EdgeWeightGetter = 'weight',
): AccountNetwork {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i] as string, i);
  const nodes = keys.map((key) => graph.getNodeAttributes(key));
  const m = graph.size;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  const undirected = graph.type === 'mixed' ? new Uint8Array(m) : null;
  const count = new Float64Array(m);
  const typeCounts = new Float64Array(m * TYPE_CODES);
  const edgeKeys: string[] = new Array(m);
  const weightOf = weightReader(getEdgeWeight);
  let e = 0;
  graph.forEachEdge((edge, attributes, s, t, sourceAttributes, targetAttributes, isUndirected) => {
    edgeKeys[e] = edge;
    source[e] = index.get(s) as number;
    target[e] = index.get(t) as number;
    weight[e] = weightOf(edge, attributes, s, t, sourceAttributes, targetAttributes, isUndirected);
    if (undirected !== null && isUndirected) undirected[e] = 1;
    readCounts(attributes, e, count, typeCounts);
    e++;
  });
  return {
    keys,
    index,
    nodes,
    type: graph.type,
    multi: graph.multi,
    source,
    target,
    weight,
    undirected,
    count,
    typeCounts,
    edgeAttributes: (edge) => graph.getEdgeAttributes(edgeKeys[edge] as string),
  };
}

/**
 * A network whose edges are given as attribute objects (`edges[e]`, from `source[e]` to `target[e]`):
 * weights, counts and per-type counts read from them as networkOfGraph reads a graph's edges with
 * the `weight` attribute.
 *
 * @throws InvalidInputError (field `weight`) on a negative, NaN or infinite weight.
 */
export function networkOfEdges(
  nodes: Pick<AccountNetwork, 'keys' | 'index' | 'nodes' | 'type' | 'multi'>,
  source: Int32Array,
  target: Int32Array,
  edges: Attributes[],
): AccountNetwork {
  const m = edges.length;
  const weight = new Float64Array(m);
  const count = new Float64Array(m);
  const typeCounts = new Float64Array(m * TYPE_CODES);
  const weightOf = weightReader('weight');
  const { keys, nodes: nodeAttributes } = nodes;
  const undirected = nodes.type === 'undirected';
  edges.forEach((attributes, e) => {
    const s = source[e] as number;
    const t = target[e] as number;
    weight[e] = weightOf(
      String(e),
      attributes,
      keys[s] as string,
      keys[t] as string,
      nodeAttributes[s] as Attributes,
      nodeAttributes[t] as Attributes,
      undirected,
    );
    readCounts(attributes, e, count, typeCounts);
  });
  return {
    ...nodes,
    source,
    target,
    weight,
    undirected: null,
    count,
    typeCounts,
    edgeAttributes: (edge) => edges[edge] as Attributes,
  };
}

function readCounts(
  attributes: Attributes,
  e: number,
  count: Float64Array,
  typeCounts: Float64Array,
): void {
  if (typeof attributes.count === 'number') count[e] = attributes.count;
  for (let code = 1; code < TYPE_CODES; code++) {
    const value = attributes[INTERACTION_TYPES[code - 1] as string];
    if (typeof value === 'number') typeCounts[e * TYPE_CODES + code] = value;
  }
}

/**
 * The graphology graph of a network: its nodes in order with `nodeAttributes(i)` (default their own
 * attributes), and its edges in order with the keys "0", "1"… and `edgeAttributes(e)`. Directed,
 * undirected or mixed and multi like the network.
 */
export function graphOfNetwork(
  network: AccountNetwork,
  nodeAttributes: (node: number) => Attributes = (node) => network.nodes[node] as Attributes,
): AbstractGraph {
  const graph = emptyGraph(network.type, network.multi);
  addNetworkTo(graph, network, nodeAttributes);
  return graph;
}

/** Adds the nodes and edges of a network to an empty graph, as graphOfNetwork does. */
export function addNetworkTo(
  graph: AbstractGraph,
  network: AccountNetwork,
  nodeAttributes: (node: number) => Attributes = (node) => network.nodes[node] as Attributes,
): void {
  const { keys } = network;
  for (let i = 0; i < keys.length; i++) graph.addNode(keys[i], nodeAttributes(i));
  useDictionaryIndexes(graph);
  const m = edgeCount(network);
  for (let e = 0; e < m; e++) {
    const source = keys[network.source[e] as number] as string;
    const target = keys[network.target[e] as number] as string;
    const attributes = network.edgeAttributes(e);
    if (network.type === 'mixed') {
      if (isUndirectedEdge(network, e))
        graph.addUndirectedEdgeWithKey(String(e), source, target, attributes);
      else graph.addDirectedEdgeWithKey(String(e), source, target, attributes);
    } else {
      graph.addEdgeWithKey(String(e), source, target, attributes);
    }
  }
}

function emptyGraph(type: NetworkType, multi: boolean): AbstractGraph {
  if (type === 'directed') return multi ? new MultiDirectedGraph() : new DirectedGraph();
  if (type === 'undirected') return multi ? new MultiUndirectedGraph() : new UndirectedGraph();
  return multi ? new MultiGraph() : new MultiGraph().nullCopy({ multi: false });
}

/**
 * graphology indexes each node's neighbours in plain objects (`in`, `out`, `undirected` of its
 * internal node data). Filled with many distinct keys, fresh objects make V8 create a hidden class
 * per key added: filling them for 1M edges over 100k nodes took ~5.3 s of CPU, ~2.0 s once they
 * are switched to dictionary mode first (adding then deleting two properties does it; iteration
 * order is unchanged). Call on a graph with nodes and no edges yet. Relies on graphology 0.26
 * internals (`_nodes`) and does nothing without them.
 */
export function useDictionaryIndexes(graph: AbstractGraph): void {
  const nodes: unknown = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values()) {
    for (const name of ['in', 'out', 'undirected']) {
      const index: unknown = data[name];
      if (typeof index !== 'object' || index === null) continue;
      const record = index as Record<string, unknown>;
      record['\0a'] = null;
      record['\0b'] = null;
      delete record['\0a'];
      delete record['\0b'];
    }
  }
}
