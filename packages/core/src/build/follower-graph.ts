// The follower graph: one edge per follow link, follower → followed (attention given → received
// as everywhere in kolmap).
import type { AbstractGraph } from 'graphology-types';
import { z } from 'zod';
import { type AccountNetwork, graphOfNetwork } from '../analyze/account-network.js';
import type { Dataset } from '../load/dataset.js';
import { parseOptions } from '../options.js';
import {
  type AccountNodeAttributes,
  accountGraphOptionsShape,
  aggregateDataset,
  assembleNetwork,
  platformMask,
  type SelfLoopPolicy,
  toIso,
  typeMask,
} from './account-graph.js';
import { TYPE_CODES } from './aggregate-edges.js';

export const followerGraphOptionsSchema = z.strictObject(accountGraphOptionsShape);
export type FollowerGraphOptions = z.infer<typeof followerGraphOptionsSchema>;

export interface FollowEdgeAttributes {
  /** 1 per distinct follow (2 for a mutual follow in an undirected graph). */
  weight: number;
  /** Earliest `since` of the follow records, as an ISO date-time (absent when none has one). */
  firstAt?: string;
  [name: string]: unknown;
}

export const DEFAULT_FOLLOWER_GRAPH_OPTIONS = Object.freeze({
  selfLoops: 'keep' as SelfLoopPolicy,
  includeIsolated: true,
});

/**
 * Builds the follower graph of a dataset: account nodes as in `buildInteractionGraph`, and one
 * edge follower → followed per distinct pair of the follow records, whatever their number.
 *
 * Options (defaults in DEFAULT_FOLLOWER_GRAPH_OPTIONS):
 * - `platforms`: keep only the follows from accounts on these platforms, and only those
 *   platforms' accounts as isolated nodes. Default: every platform.
 * - `selfLoops`: `keep` (default) or `drop` an account following itself.
 * - `undirected`: merge a→b and b→a into one edge of weight 2. Default: the dataset's own
 *   `directed` flag.
 * - `includeIsolated`: keep accounts that follow and are followed by no one. Default true.
 *
 * @throws InvalidInputError on a bad option, with the option's path as `field`.
 */
export function buildFollowerGraph(
  dataset: Dataset,
  options?: FollowerGraphOptions,
): AbstractGraph<AccountNodeAttributes, FollowEdgeAttributes> {
  return graphOfNetwork(buildFollowerNetwork(dataset, options)) as AbstractGraph<
    AccountNodeAttributes,
    FollowEdgeAttributes
  >;
}

/**
 * The follower graph of a dataset as an account network (see `buildFollowerGraph` for its nodes,
 * edges and every option), built without a graphology graph.
 *
 * @throws InvalidInputError on a bad option, with the option's path as `field`.
 */
export function buildFollowerNetwork(
  dataset: Dataset,
  options?: FollowerGraphOptions,
): AccountNetwork {
  const given = parseOptions(followerGraphOptionsSchema, options);
  const defaults = DEFAULT_FOLLOWER_GRAPH_OPTIONS;
  const undirected = given.undirected ?? !dataset.directed;
  const sources = platformMask(dataset.accounts, given.platforms);
  const aggregate = aggregateDataset(
    dataset,
    {
      types: typeMask(['follow'], false),
      sources,
      keepSelfLoops: (given.selfLoops ?? defaults.selfLoops) === 'keep',
      window: null,
    },
    { typeWeights: new Float64Array(TYPE_CODES), followLayer: true },
    undirected,
  );
  const includeIsolated = given.includeIsolated ?? defaults.includeIsolated;
  const weights = Float64Array.from(aggregate.follows);
  const assembly = { undirected, includeIsolated, accounts: sources };
  return assembleNetwork(
    dataset,
    aggregate,
    assembly,
    { weights, minWeight: 0 },
    (pair, weight) => {
      const attributes: FollowEdgeAttributes = { weight };
      const first = aggregate.first[pair] as number;
      if (Number.isFinite(first)) attributes.firstAt = toIso(first);
      return attributes;
    },
  );
}
