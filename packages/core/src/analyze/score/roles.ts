// One role per ranked account (leader, community leader, bridge, amplifier, peripheral) from its KOL
// score and Guimerà & Amaral's (2005) role coordinates; thresholds as options, precedence documented.

import {
  type InteractionType,
  interactionTypeSchema,
  KOL_ROLES,
  type KolRole,
} from '@kolmap/model';
import type { AbstractGraph } from 'graphology-types';
import { z } from 'zod';
import { TYPE_CODES } from '../../build/aggregate-edges.js';
import { typeCode } from '../../load/edge-table.js';
import { type AccountNetwork, isUndirectedEdge, networkOfGraph } from '../account-network.js';

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

export const roleOptionsSchema = z.strictObject({
  leaderShare: share.optional(),
  communityLeaders: count.optional(),
  hubZ: z.number().finite().optional(),
  minCommunitySize: count.optional(),
  bridgeParticipation: share.optional(),
  bridgeMinLinks: count.optional(),
  bridgeBetweennessPercentile: share.optional(),
  amplifierOutPercentile: share.optional(),
  amplifierShare: share.optional(),
  amplifierTypes: z.array(interactionTypeSchema).readonly().optional(),
});
/** Role options as given: every field optional (see `RoleOptions`). */
export type RoleOptionsInput = z.infer<typeof roleOptionsSchema>;

/** Thresholds of the roles. Percentiles and shares are in [0, 1]. */
export interface RoleOptions {
  /** `leader`: fewer than this share of the ranked accounts score higher. Default 0.01 (top 1 %). */
  leaderShare: number;
  /** `community_leader`: the first this many of a community by score. Default 1. */
  communityLeaders: number;
  /**
   * `community_leader` too: within-community degree z-score at least this. Default 2.5, Guimerà &
   * Amaral's threshold for hubs.
   */
  hubZ: number;
  /** Communities with fewer ranked members have no community leader. Default 10. */
  minCommunitySize: number;
  /**
   * `bridge`: participation coefficient at least this, with `bridgeMinLinks`. Default 0.62, Guimerà
   * & Amaral's boundary between peripheral and connector non-hubs (their roles R2/R3).
   */
  bridgeParticipation: number;
  /** Distinct accounts giving it attention a `bridge` by participation needs. Default 5. */
  bridgeMinLinks: number;
  /** `bridge` too: betweenness percentile among the ranked accounts at least this. Default 0.99. */
  bridgeBetweennessPercentile: number;
  /** `amplifier`: out-strength percentile among the ranked accounts at least this. Default 0.9. */
  amplifierOutPercentile: number;
  /** `amplifier` too: share of its outgoing interactions of `amplifierTypes` at least this. Default 0.5. */
  amplifierShare: number;
  /** Interactions that pass others' words on. Default `['repost', 'quote']`. */
  amplifierTypes: readonly InteractionType[];
}

export const DEFAULT_ROLE_OPTIONS: Readonly<RoleOptions> = Object.freeze({
  leaderShare: 0.01,
  communityLeaders: 1,
  hubZ: 2.5,
  minCommunitySize: 10,
  bridgeParticipation: 0.62,
  bridgeMinLinks: 5,
  bridgeBetweennessPercentile: 0.99,
  amplifierOutPercentile: 0.9,
  amplifierShare: 0.5,
  amplifierTypes: Object.freeze(['repost', 'quote'] as InteractionType[]),
});

/** What the roles are decided from, per account, indexed like the score's keys. */
export interface RoleInputs {
  /** Whether the account is ranked; the others get no role (`null`). */
  ranked: ArrayLike<boolean>;
  /** Share of the ranked accounts scoring strictly higher. */
  shareAbove: ArrayLike<number>;
  /** Rank in the community by score (1 = first), 0 without community. */
  communityRank: ArrayLike<number>;
  /** Ranked members of the account's community, 0 without community. */
  communitySize: ArrayLike<number>;
  /**
   * Within-community z-score and participation coefficient of the attention received, `null` when
   * not computed.
   */
  withinCommunityZ: ArrayLike<number> | null;
  participation: ArrayLike<number> | null;
  /** Attention received (in-strength): leader, community leader and bridge need some. */
  received: ArrayLike<number>;
  /** Distinct other accounts giving it attention (reach). */
  givers: ArrayLike<number>;
  /** Betweenness, and its percentile among the ranked accounts (`NaN` for the others); `null` when not computed. */
  betweenness: ArrayLike<number> | null;
  betweennessPercentile: ArrayLike<number> | null;
  outStrengthPercentile: ArrayLike<number>;
  /** Share of the outgoing interactions of `amplifierTypes` (see `amplificationShares`). */
  amplification: ArrayLike<number>;
}

/**
 * The role of each account (see `computeKolScores` for the definitions): the first of `KOL_ROLES`
 * it qualifies for, `null` when it is not ranked. A criterion whose metric was not computed never
 * holds.
 */
export function classifyRoles(inputs: RoleInputs, options: RoleOptions): Array<KolRole | null> {
  const n = inputs.ranked.length;
  const roles: Array<KolRole | null> = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (!inputs.ranked[i]) continue;
    roles[i] = roleOf(inputs, options, i);
  }
  return roles;
}

function roleOf(inputs: RoleInputs, options: RoleOptions, i: number): KolRole {
  if ((inputs.received[i] as number) > 0) {
    const heard = heardRole(inputs, options, i);
    if (heard !== null) return heard;
  }
  if (
    (inputs.outStrengthPercentile[i] as number) >= options.amplifierOutPercentile &&
    (inputs.amplification[i] as number) >= options.amplifierShare
  ) {
    return 'amplifier';
  }
  return 'peripheral';
}

/** The role an account that receives attention has by it: leader, community leader, bridge or none. */
function heardRole(inputs: RoleInputs, options: RoleOptions, i: number): KolRole | null {
  if ((inputs.shareAbove[i] as number) < options.leaderShare) return 'leader';
  const inCommunity = (inputs.communitySize[i] as number) >= options.minCommunitySize;
  const communityRank = inputs.communityRank[i] as number;
  const z = inputs.withinCommunityZ?.[i] ?? Number.NaN;
  if (inCommunity && (communityRank <= options.communityLeaders || z >= options.hubZ)) {
    return 'community_leader';
  }
  const participation = inputs.participation?.[i] ?? Number.NaN;
  const broker =
    ((inputs.betweenness?.[i] as number) ?? 0) > 0 &&
    (inputs.betweennessPercentile?.[i] ?? Number.NaN) >= options.bridgeBetweennessPercentile;
  if (
    (participation >= options.bridgeParticipation &&
      (inputs.givers[i] as number) >= options.bridgeMinLinks) ||
    broker
  ) {
    return 'bridge';
  }
  return null;
}

/**
 * Per account (indexed like `keys`), the share of its outgoing interactions (per-type counts on its
 * out-edges, self-loops left out) that are of `types`; 0 for an account without any. An edge's
 * interactions are its per-type counts (`mention`, `reply`, `repost`…, follows left out), or its
 * `count` when it has none (untyped records). Undirected edges count for both ends.
 */
export function amplificationShares(
  graph: AbstractGraph,
  keys: readonly string[],
  types: readonly InteractionType[],
): Float64Array {
  const network = networkOfGraph(graph, null);
  const shares = networkAmplificationShares(network, types);
  return Float64Array.from(keys, (key) => {
    const i = network.index.get(key);
    return i === undefined ? 0 : (shares[i] as number);
  });
}

/** The amplification shares (see `amplificationShares`) of the nodes of a network, in its order. */
export function networkAmplificationShares(
  network: AccountNetwork,
  types: readonly InteractionType[],
): Float64Array {
  const n = network.keys.length;
  const passed = new Float64Array(n);
  const total = new Float64Array(n);
  const wanted = new Uint8Array(TYPE_CODES);
  for (const type of types) wanted[typeCode(type)] = 1;
  const { typeCounts, count } = network;
  const m = network.source.length;
  for (let e = 0; e < m; e++) {
    const source = network.source[e] as number;
    const target = network.target[e] as number;
    if (source === target) continue;
    let all = 0;
    let selected = 0;
    for (let code = 1; code < TYPE_CODES; code++) {
      if (code === FOLLOW_CODE) continue;
      const value = typeCounts[e * TYPE_CODES + code] as number;
      all += value;
      if (wanted[code] === 1) selected += value;
    }
    if (all === 0) all = count[e] as number;
    passed[source]! += selected;
    total[source]! += all;
    if (isUndirectedEdge(network, e)) {
      passed[target]! += selected;
      total[target]! += all;
    }
  }
  for (let i = 0; i < n; i++) {
    passed[i] = (total[i] as number) > 0 ? (passed[i] as number) / (total[i] as number) : 0;
  }
  return passed;
}

const FOLLOW_CODE = typeCode('follow');
