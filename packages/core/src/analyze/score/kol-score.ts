// The KOL score: a weighted sum of log-scaled influence metrics in [0, 100], with each component's
// points, global and in-community ranks, tiers and roles; or the same on node attributes.

import type { ActorType } from '@kolmap/model';
import {
  actorTypeSchema,
  type KolRole,
  type KolTier,
  SCORE_COMPONENTS,
  type ScoreComponent,
} from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import { InvalidInputError } from '../../errors.js';
import { mergeOptions, parseOptions } from '../../options.js';
import { type AccountNetwork, networkOfGraph } from '../account-network.js';
import type { Partition } from '../communities/quality.js';
import {
  computeInfluence,
  type InfluenceOptionsInput,
  type InfluenceResult,
} from '../influence/compute-influence.js';
import { logScaledValues, smallestValue } from './log-scaled-values.js';
import { percentileRanks } from './percentile-ranks.js';
import {
  classifyRoles,
  DEFAULT_ROLE_OPTIONS,
  networkAmplificationShares,
  type RoleOptions,
  roleOptionsSchema,
} from './roles.js';

/** The share of ranked accounts that may score higher than an account of each tier (but `rest`). */
export const KOL_TIER_SHARES: Readonly<Record<Exclude<KolTier, 'rest'>, number>> = Object.freeze({
  top1: 0.01,
  top5: 0.05,
  top20: 0.2,
});

/** Why an account is left out of the rankings. */
export const KOL_EXCLUSIONS = ['actorType', 'stub'] as const;
export type KolExclusion = (typeof KOL_EXCLUSIONS)[number];

export type ScoreWeights = Partial<Record<ScoreComponent, number>>;

const weightSchema = z.number().finite().nonnegative();

const kolScoreShape = {
  weights: z.partialRecord(z.enum(SCORE_COMPONENTS), weightSchema).optional(),
  partition: z.record(z.string(), z.number().finite()).nullable().optional(),
  communityAttribute: z.string().min(1).optional(),
  excludeActorTypes: z.array(actorTypeSchema).readonly().optional(),
  excludeStubs: z.boolean().optional(),
  lowQualityKeys: z.array(z.string()).readonly().optional(),
  lowQualityAttribute: z.string().min(1).nullable().optional(),
  lowQualityMultiplier: z.number().min(0).max(1).optional(),
  roles: roleOptionsSchema.optional(),
};

export const kolScoreOptionsSchema = z.strictObject(kolScoreShape);
/** Score options as given: every field optional (see `KolScoreOptions` for each and its default). */
export type KolScoreOptionsInput = z.infer<typeof kolScoreOptionsSchema>;

export interface KolScoreOptions {
  /**
   * Relative weight of each component (merged over the defaults; 0 leaves a component out). They are
   * normalised to sum 1 over the components that are available (see `computeKolScores`).
   */
  weights: ScoreWeights;
  /**
   * The community of every node. Default `null`: the partition the influence metrics were computed
   * with, else each node's `communityAttribute`.
   */
  partition: Partition | null;
  /** Node attribute holding the community when no partition is given. Default `'community'`. */
  communityAttribute: string;
  /** Actor types left out of the rankings (e.g. `['pharma']`). Default none. */
  excludeActorTypes: readonly ActorType[];
  /** Whether stub accounts (referred to, never described) are left out of the rankings. Default false. */
  excludeStubs: boolean;
  /** Keys of the accounts the user marks as bots or low quality. Default none. */
  lowQualityKeys: readonly string[];
  /** Node attribute marking a bot or low-quality account when `true`. Default `'lowQuality'`; `null`: none. */
  lowQualityAttribute: string | null;
  /** Factor applied to the score (and each of its points) of a low-quality account. Default 0.5. */
  lowQualityMultiplier: number;
  roles: RoleOptions;
}

/**
 * Default weights. PageRank (0.4) leads: attention that counts more when it comes from accounts that
 * receive attention themselves, the closest single measure of opinion leadership. Attention received
 * (inStrength, 0.2) and the number of distinct accounts giving it (reach, 0.2) say how much and how
 * broadly, reach keeping one heavy pair from making a leader. Betweenness (0.1) rewards the brokers
 * whose words travel between groups. The declared audience (followers, 0.1) weighs least: it is
 * self-reported by the platforms, not comparable between them, can be bought, and says nothing of
 * whether the conversation listens. HITS authority is left at 0: on a map of weakly linked
 * communities its principal eigenvector concentrates on the densest one (the "tightly knit
 * community" effect, Lempel & Moran 2000, "The stochastic approach for link-structure analysis
 * (SALSA) and the TKC effect", Computer Networks 33); on the demo data one community of 128 holds
 * 94 % of it and 2,190 of 3,000 accounts get less than 1e-15, so it would score rounding noise. Hub, out-strength and out-degree (attention given, not received) and coreness
 * (how embedded, not how listened to) are 0.
 */
export const DEFAULT_SCORE_WEIGHTS: Readonly<Record<ScoreComponent, number>> = Object.freeze({
  pagerank: 0.4,
  inStrength: 0.2,
  reach: 0.2,
  authority: 0,
  betweenness: 0.1,
  followers: 0.1,
  hub: 0,
  coreness: 0,
  outStrength: 0,
  outDegree: 0,
});

export const DEFAULT_KOL_SCORE_OPTIONS: Readonly<KolScoreOptions> = Object.freeze({
  weights: DEFAULT_SCORE_WEIGHTS,
  partition: null,
  communityAttribute: 'community',
  excludeActorTypes: Object.freeze([]) as readonly ActorType[],
  excludeStubs: false,
  lowQualityKeys: Object.freeze([]) as readonly string[],
  lowQualityAttribute: 'lowQuality',
  lowQualityMultiplier: 0.5,
  roles: DEFAULT_ROLE_OPTIONS,
});

/**
 * The score of one account and where it stands. `score`, `scoreBreakdown`, `scaled`, `rank`,
 * `communityRank`, `tier` and `role` are `null` for an account excluded from the rankings.
 */
export interface KolScore {
  key: string;
  /** In [0, 100]. */
  score: number | null;
  /** Points of each component used for this account; they sum to `score`. */
  scoreBreakdown: ScoreWeights | null;
  /**
   * Each component used on the score's scale [0, 1] (see `logScaledValues`): 0 for nothing, 1 for
   * the map's largest value; absent for a value unknown for this account (followers not given).
   */
  scaled: ScoreWeights | null;
  /** 1 = highest score; ties by key. */
  rank: number | null;
  /** Its community, `null` when it has none. */
  community: number | null;
  /** Rank among the ranked members of its community, same order as `rank`. */
  communityRank: number | null;
  tier: KolTier | null;
  role: KolRole | null;
  /** Why it is left out of the rankings, `null` when ranked. */
  excluded: KolExclusion | null;
  /** Referred to by others but never described (`stub` node attribute). */
  stub: boolean;
  /** Marked as a bot or low quality: its score was multiplied by `lowQualityMultiplier`. */
  lowQuality: boolean;
}

export interface KolScoreResult {
  /** The influence result's keys; `accounts[i]` is `keys[i]`. */
  keys: string[];
  accounts: KolScore[];
  /** Weights used, normalised to sum 1 over the available components. */
  weights: ScoreWeights;
  /** Components with a weight that could not be used (metric not computed, no follower count known). */
  unavailable: ScoreComponent[];
  /** Number of ranked accounts. */
  ranked: number;
  /** The options used, defaults filled in (to be stored with the map). */
  options: KolScoreOptions;
}

/** Fills in defaults and checks every option (`InvalidInputError` naming the option's path). */
export function resolveKolScoreOptions(options: KolScoreOptionsInput = {}): KolScoreOptions {
  const given = parseOptions(kolScoreOptionsSchema, options);
  const defaults = DEFAULT_KOL_SCORE_OPTIONS;
  return {
    weights: { ...defaults.weights, ...given.weights },
    partition: given.partition ?? defaults.partition,
    communityAttribute: given.communityAttribute ?? defaults.communityAttribute,
    excludeActorTypes: given.excludeActorTypes ?? defaults.excludeActorTypes,
    excludeStubs: given.excludeStubs ?? defaults.excludeStubs,
    lowQualityKeys: given.lowQualityKeys ?? defaults.lowQualityKeys,
    lowQualityAttribute:
      given.lowQualityAttribute === undefined
        ? defaults.lowQualityAttribute
        : given.lowQualityAttribute,
    lowQualityMultiplier: given.lowQualityMultiplier ?? defaults.lowQualityMultiplier,
    roles: mergeOptions(defaults.roles, given.roles),
  };
}

/**
 * Scores every account of a graph from its influence metrics (`computeInfluence(graph)`, whose keys
 * must be the graph's nodes), ranks the ranked accounts and gives each a tier and a role.
 *
 * Score. Each component is put on the score's scale among the ranked accounts (`logScaledValues`):
 * v = ln(1 + s / m) / ln(1 + S / m), s the account's value (for PageRank, its excess over the
 * smallest PageRank, which every account gets without any attention), m the median of the positive
 * values and S the largest. So an account that received nothing gets 0 on the attention components,
 * the map's top account on a component gets 1, and every difference at the top stays a difference
 * (a log keeps ratios: twice the attention is always a step up). score = 100 × Σ_c w_c × v_c, the
 * weights normalised to sum 1 over the available components: an account first in every component
 * scores 100. `scoreBreakdown` holds each term 100 × w_c × v_c (its points), which sum to the score;
 * a component's points never exceed 100 × w_c, its maximum. A component is unavailable, and gives its
 * weight to the others in proportion to theirs, when it was switched off in `computeInfluence` or
 * no ranked account has a positive value (e.g. betweenness on a retweet network where no one is
 * both retweeted and retweeting, or `followers` when no count is given). A value unknown for one
 * account (its `followers`) scores 0 points for it.
 *
 * What a score means: 100 is the map's top account on every weighted component; 80 is, on average
 * over the components, 80 % of the way from nothing to the top on the log scale — with the top at
 * 1,000 times the typical value, about a quarter of the top account's attention; 50 is about the
 * geometric mean of the typical and the top value (a thirtieth of the top there); a score near 0
 * received next to nothing. Scores compare accounts of one map, not of two maps. Accounts marked low
 * quality (`lowQualityKeys`, or node attribute `lowQualityAttribute` true) have their score and
 * points multiplied by `lowQualityMultiplier`.

 * Exclusions. Accounts whose `actorType` is in `excludeActorTypes`, and stubs when `excludeStubs`,
 * stay in the graph but get no score, no rank, no tier and no role (`null`), and take no part in the
 * scale (its median and largest values): their numbers would only mean something against the accounts that are ranked. Stubs
 * are ranked by default, marked `stub: true`: only referred to by others, they may still be the
 * ones receiving the attention (a journalist mentioned without a profile in the data).
 *
 * Ranks and tiers. `rank` 1 is the highest score, ties by key; `communityRank` the same among the
 * ranked members of the account's community. `tier` by the share of ranked accounts scoring strictly
 * higher (tied accounts share a tier): below 1 % `top1`, below 5 % `top5`, below 20 % `top20`, else
 * `rest` (`KOL_TIER_SHARES`).
 *
 * Roles (`KOL_ROLES`), the first that holds, in this order. Leader, community leader and bridge are
 * about attention received: an account that received none (in-strength 0) is never one of them.
 * - `leader`: fewer than `roles.leaderShare` of the ranked accounts score higher (top 1 %);
 * - `community_leader`: in a community of at least `roles.minCommunitySize` ranked members, among
 *   its first `roles.communityLeaders` by score, or within-community z-score of the attention it
 *   receives from its community ≥ `roles.hubZ` (2.5: the hubs of Guimerà & Amaral 2005, "Functional
 *   cartography of complex metabolic networks", Nature 433, 895–900);
 * - `bridge`: heard from several communities — participation coefficient of the attention it
 *   receives ≥ `roles.bridgeParticipation` (0.62, Guimerà & Amaral's connectors) from at least
 *   `roles.bridgeMinLinks` distinct accounts —, or a broker: betweenness above 0 with a percentile
 *   ≥ `roles.bridgeBetweennessPercentile` (top 1 %);
 * - `amplifier`: out-strength percentile ≥ `roles.amplifierOutPercentile` and a share of its
 *   outgoing interactions of `roles.amplifierTypes` (reposts, quotes) ≥ `roles.amplifierShare`:
 *   very active, mostly passing on others' words;
 * - `peripheral`: the rest.
 * Leadership comes first because a role answers "why would we talk to this account"; the z-score
 * and participation need the influence metrics computed with a partition.
 *
 * @param influence the graph's influence metrics; its partition (`influence.options.partition`)
 *   gives the communities unless `options.partition` does.
 * @param options.weights component weights, merged over `DEFAULT_SCORE_WEIGHTS` (why these, there):
 *   pagerank 0.4, inStrength 0.2, reach 0.2, betweenness 0.1, followers 0.1; authority, hub,
 *   coreness, outStrength, outDegree 0.
 * @param options.partition community of every node, default `null` (see `KolScoreOptions`).
 * @param options.communityAttribute node attribute read for the community otherwise, default `'community'`.
 * @param options.excludeActorTypes actor types left out of the rankings, default none.
 * @param options.excludeStubs leave stubs out of the rankings, default false.
 * @param options.lowQualityKeys accounts marked as bots or low quality, default none.
 * @param options.lowQualityAttribute node attribute marking them, default `'lowQuality'`.
 * @param options.lowQualityMultiplier their score factor, default 0.5.
 * @param options.roles role thresholds (`DEFAULT_ROLE_OPTIONS`): `leaderShare` 0.01,
 *   `communityLeaders` 1, `hubZ` 2.5, `minCommunitySize` 10, `bridgeParticipation` 0.62,
 *   `bridgeMinLinks` 5, `bridgeBetweennessPercentile` 0.99, `amplifierOutPercentile` 0.9,
 *   `amplifierShare` 0.5, `amplifierTypes` `['repost', 'quote']`.
 * @throws InvalidInputError on a bad option (field = its path), influence metrics of another graph
 *   (field `influence`) or when no weighted component is available for the ranked accounts (field
 *   `weights`).
 */
export function computeKolScores(
  graph: AbstractGraph,
  influence: InfluenceResult,
  options: KolScoreOptionsInput = {},
): KolScoreResult {
  return computeNetworkKolScores(networkOfGraph(graph, null), influence, options);
}

/**
 * Scores every account of an account network from its influence metrics
 * (`computeNetworkInfluence(network)`, whose keys must be the network's), as `computeKolScores` does
 * on a graph (see there for the score, ranks, tiers, roles and every option).
 */
export function computeNetworkKolScores(
  network: AccountNetwork,
  influence: InfluenceResult,
  options: KolScoreOptionsInput = {},
): KolScoreResult {
  const resolved = resolveKolScoreOptions(options);
  const { keys } = influence;
  checkKeys(network, keys);
  const n = keys.length;

  const excludedTypes = new Set<string>(resolved.excludeActorTypes);
  const lowQualityKeys = new Set(resolved.lowQualityKeys);
  const partition = resolved.partition ?? influence.options.partition;
  const community: Array<number | null> = new Array(n).fill(null);
  const excluded: Array<KolExclusion | null> = new Array(n).fill(null);
  const stub = new Array<boolean>(n).fill(false);
  const lowQuality = new Array<boolean>(n).fill(false);
  const ranked = new Array<boolean>(n).fill(false);
  const followers = new Float64Array(n).fill(Number.NaN);
  keys.forEach((key, i) => {
    const attributes = network.nodes[network.index.get(key) as number] as Attributes;
    const label = partition ? partition[key] : attributes[resolved.communityAttribute];
    community[i] = typeof label === 'number' && Number.isFinite(label) ? label : null;
    stub[i] = attributes.stub === true;
    if (excludedTypes.has(attributes.actorType as string)) excluded[i] = 'actorType';
    else if (stub[i] && resolved.excludeStubs) excluded[i] = 'stub';
    ranked[i] = excluded[i] === null;
    const flag = resolved.lowQualityAttribute && attributes[resolved.lowQualityAttribute];
    lowQuality[i] = lowQualityKeys.has(key) || flag === true;
    const count = attributes.followers;
    if (typeof count === 'number' && Number.isFinite(count) && count >= 0) followers[i] = count;
  });

  // Components on the score's scale among the ranked accounts; unavailable ones drop out.
  const used: Array<{ name: ScoreComponent; weight: number; scaled: Float64Array }> = [];
  const unavailable: ScoreComponent[] = [];
  for (const name of SCORE_COMPONENTS) {
    const weight = resolved.weights[name] ?? 0;
    if (weight === 0) continue;
    const values = name === 'followers' ? followers : influence[name];
    const floor = name === 'pagerank' && values !== null ? smallestValue(values, ranked) : 0;
    const scaled = values === null ? null : logScaledValues(values, ranked, floor);
    if (scaled === null) unavailable.push(name);
    else used.push({ name, weight, scaled });
  }
  const totalWeight = used.reduce((sum, component) => sum + component.weight, 0);
  if (totalWeight === 0 && ranked.includes(true)) {
    throw new InvalidInputError({
      field: 'weights',
      message: `no component with a weight is available${unavailable.length > 0 ? ` (unavailable: ${unavailable.join(', ')})` : ''}`,
    });
  }

  const scores = new Float64Array(n);
  const breakdowns: Array<ScoreWeights | null> = new Array(n).fill(null);
  const componentValues: Array<ScoreWeights | null> = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (!ranked[i]) continue;
    const factor = lowQuality[i] ? resolved.lowQualityMultiplier : 1;
    const breakdown: ScoreWeights = {};
    const scaled: ScoreWeights = {};
    let score = 0;
    for (const component of used) {
      const value = component.scaled[i] as number;
      const known = Number.isFinite(value);
      const points = known ? ((100 * component.weight) / totalWeight) * value * factor : 0;
      breakdown[component.name] = points;
      if (known) scaled[component.name] = value;
      score += points;
    }
    scores[i] = score;
    breakdowns[i] = breakdown;
    componentValues[i] = scaled;
  }

  // Ranks: by score, ties by key.
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (ranked[i]) order.push(i);
  order.sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) ||
      ((keys[a] as string) < (keys[b] as string) ? -1 : 1),
  );
  const m = order.length;
  const rank = new Int32Array(n);
  const shareAbove = new Float64Array(n).fill(Number.NaN);
  const communityRank = new Int32Array(n);
  const communitySize = new Int32Array(n);
  const seen = new Map<number, number>();
  let above = 0;
  order.forEach((i, position) => {
    if (position > 0 && scores[i] !== scores[order[position - 1] as number]) above = position;
    rank[i] = position + 1;
    shareAbove[i] = above / m;
    const c = community[i];
    if (c !== null && c !== undefined) {
      const members = (seen.get(c) ?? 0) + 1;
      seen.set(c, members);
      communityRank[i] = members;
    }
  });
  for (let i = 0; i < n; i++) {
    const c = community[i];
    if (ranked[i] && c !== null && c !== undefined) communitySize[i] = seen.get(c) as number;
  }

  const roles = classifyRoles(
    {
      ranked,
      shareAbove,
      communityRank,
      communitySize,
      withinCommunityZ: influence.withinCommunityZ,
      participation: influence.participation,
      received: influence.inStrength,
      givers: influence.reach,
      betweenness: influence.betweenness,
      betweennessPercentile:
        influence.betweenness && percentileRanks(influence.betweenness, ranked),
      outStrengthPercentile: percentileRanks(influence.outStrength, ranked),
      amplification: networkAmplificationShares(network, resolved.roles.amplifierTypes),
    },
    resolved.roles,
  );

  const accounts = keys.map(
    (key, i): KolScore => ({
      key,
      score: ranked[i] ? (scores[i] as number) : null,
      scoreBreakdown: breakdowns[i] ?? null,
      scaled: componentValues[i] ?? null,
      rank: ranked[i] ? (rank[i] as number) : null,
      community: community[i] ?? null,
      communityRank: ranked[i] && communityRank[i] ? (communityRank[i] as number) : null,
      tier: ranked[i] ? tierOf(shareAbove[i] as number) : null,
      role: roles[i] ?? null,
      excluded: excluded[i] ?? null,
      stub: stub[i] as boolean,
      lowQuality: lowQuality[i] as boolean,
    }),
  );
  const weights: ScoreWeights = {};
  for (const component of used) weights[component.name] = component.weight / totalWeight;
  return { keys, accounts, weights, unavailable, ranked: m, options: resolved };
}

function tierOf(shareAbove: number): KolTier {
  if (shareAbove < KOL_TIER_SHARES.top1) return 'top1';
  if (shareAbove < KOL_TIER_SHARES.top5) return 'top5';
  if (shareAbove < KOL_TIER_SHARES.top20) return 'top20';
  return 'rest';
}

function checkKeys(network: AccountNetwork, keys: readonly string[]): void {
  if (keys.length !== network.keys.length || !keys.every((key) => network.index.has(key))) {
    throw new InvalidInputError({
      field: 'influence',
      message: 'the influence metrics are not those of this graph: compute them on it',
    });
  }
}

/** The node attributes `assignKolScores` writes, each `null` on an excluded account. */
export const KOL_SCORE_ATTRIBUTES = [
  'kolScore',
  'scoreBreakdown',
  'rank',
  'communityRank',
  'tier',
  'role',
] as const;

export const assignKolScoreOptionsSchema = z.strictObject({
  ...kolScoreShape,
  influence: z
    .custom<InfluenceResult>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        Array.isArray((value as { keys?: unknown }).keys),
      'expected the result of computeInfluence',
    )
    .optional(),
  influenceOptions: z
    .custom<InfluenceOptionsInput>(
      (value) => typeof value === 'object' && value !== null,
      'expected influence options',
    )
    .optional(),
});
/** Options of `assignKolScores`: the score's, and where the influence metrics come from. */
export type AssignKolScoreOptionsInput = z.infer<typeof assignKolScoreOptionsSchema>;

/**
 * Scores the accounts of a graph (see `computeKolScores` for the score, ranks, tiers, roles and
 * every option) and writes to each node `kolScore`, `scoreBreakdown` (component → points),
 * `rank`, `communityRank`, `tier` and `role` (`null` on excluded accounts), and its
 * community to `communityAttribute` when it has one. Returns the result.
 *
 * The influence metrics are `options.influence` when given (e.g. the result of `assignInfluence`),
 * else computed now with `computeInfluence(graph, { ...options.influenceOptions, partition })`,
 * the partition being `options.partition`, else the nodes' `communityAttribute` when every node has
 * a number there (without a partition, no z-score nor participation: no community leaders by
 * z-score, no bridges by participation).
 *
 * @param options.influence influence metrics of this graph, default: computed.
 * @param options.influenceOptions options of `computeInfluence` when computed, default its defaults.
 * @throws InvalidInputError as `computeKolScores` and `computeInfluence`.
 */
export function assignKolScores(
  graph: AbstractGraph,
  options: AssignKolScoreOptionsInput = {},
): KolScoreResult {
  const {
    influence: given,
    influenceOptions,
    ...scoreOptions
  } = parseOptions(assignKolScoreOptionsSchema, options);
  const attribute = scoreOptions.communityAttribute ?? DEFAULT_KOL_SCORE_OPTIONS.communityAttribute;
  const influence =
    given ??
    computeInfluence(graph, {
      ...influenceOptions,
      partition: scoreOptions.partition ?? attributePartition(graph, attribute),
    });
  const result = computeKolScores(graph, influence, scoreOptions);
  const index = new Map(result.keys.map((key, i) => [key, i]));
  graph.updateEachNodeAttributes(
    (node, attributes) => {
      const account = result.accounts[index.get(node) as number] as KolScore;
      const written = {
        ...attributes,
        kolScore: account.score,
        scoreBreakdown: account.scoreBreakdown,
        rank: account.rank,
        communityRank: account.communityRank,
        tier: account.tier,
        role: account.role,
      };
      return account.community === null ? written : { ...written, [attribute]: account.community };
    },
    { attributes: [...KOL_SCORE_ATTRIBUTES, attribute] },
  );
  return result;
}

/** The partition held by a node attribute, `null` unless every node has a finite number there. */
function attributePartition(graph: AbstractGraph, attribute: string): Partition | null {
  const partition: Partition = {};
  for (const node of graph.nodes()) {
    const label = graph.getNodeAttribute(node, attribute);
    if (typeof label !== 'number' || !Number.isFinite(label)) return null;
    partition[node] = label;
  }
  return partition;
}
