// What community profiles and labels share: the members of each community of a network, the
// attention they receive, the values a node attribute takes among them, and the checks of their options.
import type { Attributes } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import { type AccountNetwork, isUndirectedEdge } from '../account-network.js';
import type { Partition } from './quality.js';

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
 * The community of each node of a network from a partition keyed by node. Partition keys that are not
 * nodes are ignored; a node without a finite numeric community throws `InvalidInputError` (field
 * `partition`).
 */
export function communityColumn(network: AccountNetwork, partition: Partition): Float64Array {
  return Float64Array.from(network.keys, (node) => {
    const id = Object.hasOwn(partition, node) ? partition[node] : undefined;
    if (typeof id !== 'number' || !Number.isFinite(id)) {
      throw new InvalidInputError({
        field: 'partition',
        message: `node "${node}" has no community`,
      });
    }
    return id;
  });
}

/** The members (node indices, in network order) of each community, ids ascending. */
export function communityMembers(communities: ArrayLike<number>): Map<number, number[]> {
  const byId = new Map<number, number[]>();
  for (let node = 0; node < communities.length; node++) {
    const id = communities[node] as number;
    const members = byId.get(id);
    if (members) members.push(node);
    else byId.set(id, [node]);
  }
  return new Map([...byId].sort((a, b) => a[0] - b[0]));
}

/**
 * The weight of the edges each node receives (the target of a directed edge; both ends of an
 * undirected one), self-loops aside: the attention it receives, indexed like the nodes.
 */
export function receivedWeights(network: AccountNetwork): Float64Array {
  const received = new Float64Array(network.keys.length);
  const m = network.source.length;
  for (let e = 0; e < m; e++) {
    const source = network.source[e] as number;
    const target = network.target[e] as number;
    if (source === target) continue;
    const weight = network.weight[e] as number;
    received[target]! += weight;
    if (isUndirectedEdge(network, e)) received[source]! += weight;
  }
  return received;
}

/**
 * Up to `count` of `nodes` by the attention they receive (`received`), most first, ties by key;
 * with `attendedOnly`, those receiving none are left out.
 */
export function mostAttended(
  network: AccountNetwork,
  nodes: readonly number[],
  received: Float64Array,
  count: number,
  attendedOnly = false,
): Array<{ node: number; key: string; weight: number }> {
  return nodes
    .map((node) => ({
      node,
      key: network.keys[node] as string,
      weight: received[node] as number,
    }))
    .filter(({ weight }) => !attendedOnly || weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
    .slice(0, count);
}

/** The name people know a node by: its `name`, else `@handle`, else its key. */
export function displayNameOf(attributes: Attributes, key: string): string {
  const { name, handle } = attributes;
  if (typeof name === 'string' && name !== '') return name;
  return typeof handle === 'string' && handle !== '' ? `@${handle}` : key;
}

/**
 * The values a node attribute takes among `members` (node indices), most frequent first (ties: value
 * order). A string attribute gives its value, a list attribute each distinct string it holds; empty
 * strings and other types are left out.
 */
export function valueShares(
  network: AccountNetwork,
  members: readonly number[],
  attribute: string,
): ValueShare[] {
  const counts = new Map<string, number>();
  for (const node of members) {
    const raw: unknown = (network.nodes[node] as Attributes)[attribute];
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
