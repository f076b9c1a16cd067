// Every influence metric of every node in one pass over a shared CSR network (of an account network or
// a graph): strengths and reach, PageRank, HITS, betweenness, coreness and community roles; or the same
// written onto node attributes.
import type { AbstractGraph } from 'graphology-types';
import { check, checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import { type AccountNetwork, networkOfGraph } from '../account-network.js';
import type { Partition } from '../communities/quality.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import {
  type BetweennessOptions,
  type BetweennessRun,
  DEFAULT_BETWEENNESS_OPTIONS,
  networkBetweenness,
  resolveBetweennessOptions,
} from './betweenness.js';
import {
  type CommunityRoleOptions,
  DEFAULT_COMMUNITY_ROLE_OPTIONS,
  networkCommunityRoles,
  toMembership,
} from './community-roles.js';
import { networkCoreness } from './coreness.js';
import { DEFAULT_HITS_OPTIONS, type HitsOptions, networkHits, resolveHitsOptions } from './hits.js';
import {
  influenceNetworkOf,
  toReceivedView,
  toUndirectedView,
  type UndirectedView,
} from './influence-network.js';
import {
  DEFAULT_PAGERANK_OPTIONS,
  type IterativeRun,
  networkPageRank,
  type PageRankOptions,
  resolvePageRankOptions,
} from './pagerank.js';
import { networkStrengths } from './strengths.js';

/** Which metrics to compute. Strengths, reach and out-degree are always computed. */
export interface InfluenceMetrics {
  pagerank: boolean;
  hits: boolean;
  betweenness: boolean;
  coreness: boolean;
  /** Within-community z-score and participation; computed only when a `partition` is given. */
  roles: boolean;
}

export interface InfluenceOptions {
  /** Edge weight attribute name, function or `null` (every edge weighs 1), for every metric. */
  getEdgeWeight: EdgeWeightGetter;
  metrics: InfluenceMetrics;
  pagerank: Omit<PageRankOptions, 'getEdgeWeight'>;
  hits: Omit<HitsOptions, 'getEdgeWeight'>;
  betweenness: Omit<BetweennessOptions, 'getEdgeWeight'>;
  roles: Omit<CommunityRoleOptions, 'getEdgeWeight'>;
  /** The community of every node, for the roles. Default `null`: no roles. */
  partition: Partition | null;
}

/** Options as given: everything optional, each group merged over its defaults. */
export interface InfluenceOptionsInput {
  getEdgeWeight?: EdgeWeightGetter;
  metrics?: Partial<InfluenceMetrics>;
  pagerank?: Partial<InfluenceOptions['pagerank']>;
  hits?: Partial<InfluenceOptions['hits']>;
  betweenness?: Partial<InfluenceOptions['betweenness']>;
  roles?: Partial<InfluenceOptions['roles']>;
  partition?: Partition | null;
}

function withoutWeight<T extends { getEdgeWeight: EdgeWeightGetter }>(
  options: Readonly<T>,
): Readonly<Omit<T, 'getEdgeWeight'>> {
  const { getEdgeWeight: _, ...rest } = options;
  return Object.freeze(rest);
}

export const DEFAULT_INFLUENCE_OPTIONS: Readonly<InfluenceOptions> = Object.freeze({
  getEdgeWeight: 'weight',
  metrics: Object.freeze({
    pagerank: true,
    hits: true,
    betweenness: true,
    coreness: true,
    roles: true,
  }),
  // Attention an account gives itself is none: the analysis's PageRank leaves self-loops out.
  pagerank: Object.freeze({ ...withoutWeight(DEFAULT_PAGERANK_OPTIONS), selfLoops: false }),
  hits: withoutWeight(DEFAULT_HITS_OPTIONS),
  betweenness: withoutWeight(DEFAULT_BETWEENNESS_OPTIONS),
  roles: withoutWeight(DEFAULT_COMMUNITY_ROLE_OPTIONS),
  partition: null,
});

/**
 * Every metric of every node as typed arrays indexed like `keys` (node i is `keys[i]`, the order of
 * `graph.nodes()`), ready for vector arithmetic (ranks, percentiles, weighted sums) in a score; a
 * metric that was switched off is `null`. The names are the node attributes `assignInfluence` writes.
 */
export interface InfluenceResult {
  keys: string[];
  /** Attention received from other accounts: Σ weight of in-edges, self-loops left out. */
  inStrength: Float64Array;
  /** Attention given to other accounts: Σ weight of out-edges, self-loops left out. */
  outStrength: Float64Array;
  /** Distinct other accounts giving attention (in-neighbours). */
  reach: Int32Array;
  /** Distinct other accounts receiving attention (out-neighbours). */
  outDegree: Int32Array;
  /** Weighted PageRank, summing to 1 (see `computePageRank`). */
  pagerank: Float64Array | null;
  /** HITS hub score (curators), summing to 1 (see `computeHits`). */
  hub: Float64Array | null;
  /** HITS authority score (sources), summing to 1. */
  authority: Float64Array | null;
  /** Normalised betweenness (brokers), exact or sampled (see `computeBetweenness`). */
  betweenness: Float64Array | null;
  /** k-core number on the undirected view (see `computeCoreness`). */
  coreness: Int32Array | null;
  /** Guimerà & Amaral's within-community z-score (see `computeCommunityRoles`). */
  withinCommunityZ: Float64Array | null;
  /** Guimerà & Amaral's participation coefficient. */
  participation: Float64Array | null;
  /** How the iterative and sampled metrics ended, `null` when not computed. */
  runs: {
    pagerank: IterativeRun | null;
    hits: IterativeRun | null;
    betweenness: BetweennessRun | null;
  };
  /** Edges left out because their weight is 0. */
  zeroWeightEdges: number;
  /** The options used, defaults filled in (to be stored with the map). */
  options: InfluenceOptions;
}

/** Fills in defaults and checks every option (`InvalidInputError` naming the option's path). */
export function resolveInfluenceOptions(options: InfluenceOptionsInput = {}): InfluenceOptions {
  const getEdgeWeight =
    options.getEdgeWeight === undefined
      ? DEFAULT_INFLUENCE_OPTIONS.getEdgeWeight
      : options.getEdgeWeight;
  checkEdgeWeightGetter(getEdgeWeight);
  const metrics = mergeOptions(DEFAULT_INFLUENCE_OPTIONS.metrics, options.metrics);
  for (const [name, on] of Object.entries(metrics)) {
    check(typeof on === 'boolean', `metrics.${name}`, `metrics.${name} must be true or false`);
  }
  const partition = options.partition === undefined ? null : options.partition;
  check(
    partition === null || typeof partition === 'object',
    'partition',
    'partition must map every node key to its community, or be null',
  );
  const strip = <T extends { getEdgeWeight: EdgeWeightGetter }>(resolved: T) =>
    withoutWeight(resolved) as Omit<T, 'getEdgeWeight'>;
  const roles = mergeOptions(DEFAULT_INFLUENCE_OPTIONS.roles, options.roles);
  check(typeof roles.weighted === 'boolean', 'roles.weighted', 'weighted must be true or false');
  return {
    getEdgeWeight,
    metrics,
    pagerank: strip(
      resolvePageRankOptions(
        { ...DEFAULT_INFLUENCE_OPTIONS.pagerank, ...options.pagerank, getEdgeWeight },
        'pagerank.',
      ),
    ),
    hits: strip(resolveHitsOptions({ ...options.hits, getEdgeWeight }, 'hits.')),
    betweenness: strip(
      resolveBetweennessOptions({ ...options.betweenness, getEdgeWeight }, 'betweenness.'),
    ),
    roles,
    partition,
  };
}

/**
 * Computes the influence metrics of every node on one CSR network built once from the graph (see
 * `InfluenceResult` for the layout). Each metric is the one of its own function, which documents it:
 * `computeStrengths`, `computePageRank` (personalised with `pagerank.personalization`),
 * `computeHits`, `computeBetweenness`, `computeCoreness`, `computeCommunityRoles`.
 *
 * Options (defaults in DEFAULT_INFLUENCE_OPTIONS):
 * - `getEdgeWeight`: edge weight attribute name, function or null, for every metric. Default
 *   `'weight'`. Edges of weight 0 are left out of every metric.
 * - `metrics`: `{ pagerank, hits, betweenness, coreness, roles }`, each true by default; false skips
 *   the metric (its arrays are `null`). Roles also need `partition`.
 * - `pagerank`: `alpha` 0.85, `tolerance` 1e-12 per node, `maxIterations` 1000,
 *   `personalization` null, `selfLoops` false (unlike `computePageRank`: an account's attention to
 *   itself is none).
 * - `hits`: `tolerance` 1e-12 per node, `maxIterations` 1000.
 * - `betweenness`: `weighted` false, `exactThreshold` 5000 nodes, `topShare` 0.01, `maxTop` 100,
 *   `scaleError` 0.05, `delta` 0.1, `maxSources` 2000, `maxWork` 2.5e9, `maxSeconds` null, `samples` null, `seed` 42,
 *   `threads` null (the machine's parallelism, at most 8).
 * - `roles`: `weighted` false (links counted).
 * - `partition`: community of every node (e.g. `detectCommunities(graph).partition`). Default null.
 *
 * PageRank and HITS report `converged: false` in `runs` rather than throwing when `maxIterations`
 * runs out.
 *
 * @throws InvalidInputError on a bad option (field = the option's path, e.g. `pagerank.alpha`), a
 *   node missing from the partition, or a negative, NaN or infinite weight.
 */
export function computeInfluence(
  graph: AbstractGraph,
  options: InfluenceOptionsInput = {},
): InfluenceResult {
  const resolved = resolveInfluenceOptions(options);
  return influenceOf(networkOfGraph(graph, resolved.getEdgeWeight), resolved);
}

/**
 * Computes the influence metrics of every node of an account network (see `computeInfluence` for
 * every metric and option; `getEdgeWeight` is not read: the network's weights are its own).
 */
export function computeNetworkInfluence(
  accounts: AccountNetwork,
  options: InfluenceOptionsInput = {},
): InfluenceResult {
  return influenceOf(accounts, resolveInfluenceOptions(options));
}

function influenceOf(accounts: AccountNetwork, resolved: InfluenceOptions): InfluenceResult {
  const { metrics } = resolved;
  const network = influenceNetworkOf(accounts);
  // Checked before any long computation.
  const membership =
    metrics.roles && resolved.partition !== null ? toMembership(network, resolved.partition) : null;
  const withWeight = { getEdgeWeight: resolved.getEdgeWeight };
  const pagerank = metrics.pagerank
    ? networkPageRank(network, { ...resolved.pagerank, ...withWeight }, 'pagerank.')
    : null;
  const hits = metrics.hits ? networkHits(network, { ...resolved.hits, ...withWeight }) : null;
  const betweenness = metrics.betweenness
    ? networkBetweenness(network, { ...resolved.betweenness, ...withWeight })
    : null;
  const view: UndirectedView | null = metrics.coreness ? toUndirectedView(network) : null;
  const roles =
    membership !== null
      ? networkCommunityRoles(
          toReceivedView(network),
          membership.membership,
          membership.count,
          resolved.roles.weighted,
        )
      : null;
  return {
    keys: network.keys,
    ...networkStrengths(network),
    pagerank: pagerank?.scores ?? null,
    hub: hits?.hubs ?? null,
    authority: hits?.authorities ?? null,
    betweenness: betweenness?.scores ?? null,
    coreness: view === null ? null : networkCoreness(view),
    withinCommunityZ: roles?.withinCommunityZ ?? null,
    participation: roles?.participation ?? null,
    runs: {
      pagerank: pagerank && runOf(pagerank),
      hits: hits && runOf(hits),
      betweenness: betweenness && betweennessRunOf(betweenness),
    },
    zeroWeightEdges: network.zeroWeightEdges,
    options: resolved,
  };
}

function runOf(run: IterativeRun): IterativeRun {
  return { iterations: run.iterations, converged: run.converged, change: run.change };
}

function betweennessRunOf({
  scores: _,
  ...run
}: BetweennessRun & { scores: unknown }): BetweennessRun {
  return run;
}

/** The metrics `assignInfluence` writes, each to the node attribute of the same name. */
export const INFLUENCE_ATTRIBUTES = [
  'inStrength',
  'outStrength',
  'reach',
  'outDegree',
  'pagerank',
  'hub',
  'authority',
  'betweenness',
  'coreness',
  'withinCommunityZ',
  'participation',
] as const;
export type InfluenceAttribute = (typeof INFLUENCE_ATTRIBUTES)[number];

/**
 * Computes the influence metrics (see `computeInfluence` for every option and default) and writes
 * each computed metric of each node to the node attribute of its name: `inStrength`, `outStrength`,
 * `reach`, `outDegree`, `pagerank`, `hub`, `authority`, `betweenness`, `coreness`,
 * `withinCommunityZ`, `participation`. Metrics switched off (or roles without a partition) are not
 * written, so earlier values of those attributes stay. Returns the result.
 */
export function assignInfluence(
  graph: AbstractGraph,
  options: InfluenceOptionsInput = {},
): InfluenceResult {
  const result = computeInfluence(graph, options);
  const written = INFLUENCE_ATTRIBUTES.filter((name) => result[name] !== null);
  const index = new Map(result.keys.map((key, i) => [key, i]));
  graph.updateEachNodeAttributes(
    (node, attributes) => {
      const i = index.get(node) as number;
      const values: Record<string, number> = {};
      for (const name of written) values[name] = (result[name] as ArrayLike<number>)[i] as number;
      return { ...attributes, ...values };
    },
    { attributes: written },
  );
  return result;
}
