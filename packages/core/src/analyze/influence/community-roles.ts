// Guimerà & Amaral's (2005) role coordinates of each node in a partition, read on the attention it
// receives: within-community z-score (who is heard most inside its community) and participation
// coefficient (who is heard from many communities).
import type { AbstractGraph } from 'graphology-types';
import { check, checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import type { Partition } from '../communities/quality.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import {
  type InfluenceNetwork,
  toInfluenceNetwork,
  toNodeRecord,
  toReceivedView,
  type UndirectedView,
} from './influence-network.js';

export interface CommunityRoleOptions {
  /**
   * `false` (default): a link counts 1, as in Guimerà & Amaral, whose role thresholds (hubs at
   * z ≥ 2.5; connectors by P) were set on degrees, and so that one heavy pair cannot make a leader.
   * `true`: a link weighs the attention received through it, w(j→i).
   */
  weighted: boolean;
  /** Edge weight attribute name, function or `null` (every edge weighs 1). Default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_COMMUNITY_ROLE_OPTIONS: Readonly<CommunityRoleOptions> = Object.freeze({
  weighted: false,
  getEdgeWeight: 'weight',
});

/** Per node, indexed like the network's keys. */
export interface NetworkCommunityRoles {
  withinCommunityZ: Float64Array;
  participation: Float64Array;
}

/**
 * The community of each node of a network as dense ids 0..count-1 (labels numbered in order of first
 * appearance). Throws `InvalidInputError` (field `partition`) when a node has no finite community.
 */
export function toMembership(
  network: InfluenceNetwork,
  partition: Partition,
  field = 'partition',
): { membership: Int32Array; count: number } {
  const membership = new Int32Array(network.keys.length);
  const ids = new Map<number, number>();
  network.keys.forEach((key, i) => {
    const label = partition[key];
    check(
      typeof label === 'number' && Number.isFinite(label),
      field,
      `node "${key}" has no community (got ${label}); the partition must give every node a number`,
    );
    let id = ids.get(label as number);
    if (id === undefined) {
      id = ids.size;
      ids.set(label as number, id);
    }
    membership[i] = id;
  });
  return { membership, count: ids.size };
}

/**
 * Role coordinates on the rows of `view`: the attention each node receives (`toReceivedView`, what
 * `computeCommunityRoles` and the influence metrics use) or any other neighbour rows. See
 * `computeCommunityRoles`.
 */
export function networkCommunityRoles(
  view: UndirectedView,
  membership: Int32Array,
  count: number,
  weighted: boolean,
): NetworkCommunityRoles {
  const { offsets, neighbors, weights } = view;
  const n = membership.length;
  const inside = new Float64Array(n);
  const participation = new Float64Array(n);
  const perCommunity = new Float64Array(count);
  const touched = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const own = membership[i] as number;
    let total = 0;
    let touchedCount = 0;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const c = membership[neighbors[k] as number] as number;
      const link = weighted ? (weights[k] as number) : 1;
      if (perCommunity[c] === 0) touched[touchedCount++] = c;
      perCommunity[c]! += link;
      total += link;
    }
    inside[i] = perCommunity[own] as number;
    let concentration = 0;
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t] as number;
      const share = (perCommunity[c] as number) / total;
      concentration += share * share;
      perCommunity[c] = 0;
    }
    participation[i] = total > 0 ? 1 - concentration : 0;
  }

  const members = new Float64Array(count);
  const means = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    members[c]!++;
    means[c]! += inside[i] as number;
  }
  for (let c = 0; c < count; c++) means[c]! /= members[c] as number;
  const deviations = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    const d = (inside[i] as number) - (means[c] as number);
    deviations[c]! += d * d;
  }
  const withinCommunityZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    const sd = Math.sqrt((deviations[c] as number) / (members[c] as number));
    withinCommunityZ[i] = sd > 0 ? ((inside[i] as number) - (means[c] as number)) / sd : 0;
  }
  return { withinCommunityZ, participation };
}

/**
 * Guimerà & Amaral (2005), "Functional cartography of complex metabolic networks", Nature 433,
 * 895–900, read on the attention each account receives, so that both coordinates say who is heard,
 * not who talks: its links are the accounts giving it attention (in-links j → i; self-loops ignored;
 * on an undirected graph, every link):
 * - within-community z-score z_i = (κ_i − mean κ_{s_i}) / σ_{κ_{s_i}}, where κ_i is the number (or
 *   weight) of i's links from its own community s_i and the mean and population standard deviation
 *   run over the members of s_i; 0 when σ = 0 (all members alike);
 * - participation coefficient P_i = 1 − Σ_s (κ_is / k_i)², k_i being all of i's links: 0 when its
 *   attention comes from one community, towards 1 when it comes evenly from many; 0 for a node that
 *   receives none (an account retweeting everyone is not a bridge).
 *
 * @param partition the community of every node (any numbers); `InvalidInputError` (field
 *   `partition`) when a node has none.
 * @param options.weighted links counted (false, default, as the paper) or weighted (true).
 * @param options.getEdgeWeight attribute name, function or null; default `'weight'`. Edges of
 *   weight 0 are left out.
 * @throws InvalidInputError on a bad option or partition, or a negative, NaN or infinite weight.
 */
export function computeCommunityRoles(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<CommunityRoleOptions> = {},
): Record<keyof NetworkCommunityRoles, Record<string, number>> {
  const resolved = mergeOptions(DEFAULT_COMMUNITY_ROLE_OPTIONS, options);
  check(typeof resolved.weighted === 'boolean', 'weighted', 'weighted must be true or false');
  checkEdgeWeightGetter(resolved.getEdgeWeight);
  const network = toInfluenceNetwork(graph, resolved.getEdgeWeight);
  const { membership, count } = toMembership(network, partition);
  const roles = networkCommunityRoles(
    toReceivedView(network),
    membership,
    count,
    resolved.weighted,
  );
  return {
    withinCommunityZ: toNodeRecord(network.keys, roles.withinCommunityZ),
    participation: toNodeRecord(network.keys, roles.participation),
  };
}
