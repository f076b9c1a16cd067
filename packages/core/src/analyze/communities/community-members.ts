// What community profiles and labels share: the members of each community of a partition, the
// values a node attribute takes among them, and the checks of their options.
import type { AbstractGraph } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import type { Partition } from './quality.js';
import { type EdgeWeightGetter, forEachWeightedEdge } from './weighted-network.js';

/** How many members of a community have one value of an attribute, and their share of its size. */
export interface ValueShare {
  value: string;
  count: number;
  /**
   * `count` over the community's size. Members without the attribute count in the size, so shares
   * may add up to less than 1; for list attributes (`therapeuticAreas`) they may add up to more.
   */
  share: number;
}

/**
 * The members of each community, ids ascending, members in graph order. Partition keys that are
 * not nodes of the graph are ignored; a node without a finite numeric community throws
 * `InvalidInputError` (field `partition`).
 */
export function communityMembers(
  graph: AbstractGraph,
  partition: Partition,
): Map<number, string[]> {
  const byId = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const id = Object.hasOwn(partition, node) ? partition[node] : undefined;
    if (typeof id !== 'number' || !Number.isFinite(id)) {
      throw new InvalidInputError({
        field: 'partition',
        message: `node "${node}" has no community`,
      });
    }
    const members = byId.get(id);
    if (members) members.push(node);
    else byId.set(id, [node]);
  });
  return new Map([...byId].sort((a, b) => a[0] - b[0]));
}

/**
 * The weight of the edges each node receives (the target of a directed edge; both ends of an
 * undirected one), self-loops aside: the attention it receives. Nodes receiving none are absent.
 * Throws `InvalidInputError` (field `weight`) on a negative, NaN or infinite weight.
 */
export function receivedWeights(
  graph: AbstractGraph,
  getEdgeWeight: EdgeWeightGetter,
): Map<string, number> {
  const received = new Map<string, number>();
  const add = (node: string, weight: number) =>
    received.set(node, (received.get(node) ?? 0) + weight);
  forEachWeightedEdge(graph, getEdgeWeight, (source, target, weight, undirected) => {
    if (source === target) return;
    add(target, weight);
    if (undirected) add(source, weight);
  });
  return received;
}

/**
 * Up to `count` of `nodes` by the attention they receive (`received`), most first, ties by key;
 * with `attendedOnly`, those receiving none are left out.
 */
export function mostAttended(
  nodes: readonly string[],
  received: ReadonlyMap<string, number>,
  count: number,
  attendedOnly = false,
): Array<{ key: string; weight: number }> {
  return nodes
    .map((key) => ({ key, weight: received.get(key) ?? 0 }))
    .filter(({ weight }) => !attendedOnly || weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
    .slice(0, count);
}

/** The name people know a node by: its `name`, else `@handle`, else its key. */
export function displayNameOf(graph: AbstractGraph, key: string): string {
  const { name, handle } = graph.getNodeAttributes(key);
  if (typeof name === 'string' && name !== '') return name;
  return typeof handle === 'string' && handle !== '' ? `@${handle}` : key;
}

/**
 * The values a node attribute takes among `members`, most frequent first (ties: value order). A
 * string attribute gives its value, a list attribute each distinct string it holds; empty strings
 * and other types are left out.
 */
export function valueShares(
  graph: AbstractGraph,
  members: readonly string[],
  attribute: string,
): ValueShare[] {
  const counts = new Map<string, number>();
  for (const node of members) {
    const raw: unknown = graph.getNodeAttribute(node, attribute);
    const values = Array.isArray(raw) ? new Set(raw) : [raw];
    for (const value of values) {
      if (typeof value === 'string' && value !== '')
        counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([value, count]) => ({ value, count, share: count / members.length }))
    .sort(byCountThenValue);
}

/** Orders by decreasing count, then by value (code point order, independent of the locale). */
export function byCountThenValue(
  a: { value: string; count: number },
  b: { value: string; count: number },
): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Throws `InvalidInputError` naming `field` unless `value` is an integer ≥ `min`. */
export function checkInteger(field: string, value: number, min: number): void {
  if (!(Number.isSafeInteger(value) && value >= min)) {
    throw new InvalidInputError({
      field,
      message: `${field} must be an integer >= ${min}, got ${value}`,
    });
  }
}

/** Throws `InvalidInputError` naming `field` unless `value` is a share in [0, 1]. */
export function checkShare(field: string, value: number): void {
  if (!(value >= 0 && value <= 1)) {
    throw new InvalidInputError({
      field,
      message: `${field} must be a number in [0, 1], got ${value}`,
    });
  }
}
