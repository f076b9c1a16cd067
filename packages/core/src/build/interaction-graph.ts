// The interaction graph: one weighted edge per account pair, giver → receiver (see DESIGN.md),
// aggregating mentions, replies, reposts, quotes, comments, likes and co-authorships.

import { INTERACTION_TYPES, type InteractionType, interactionTypeSchema } from '@kolmap/model';
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
  checkWindow,
  type GraphAssembly,
  platformMask,
  type SelfLoopPolicy,
  toTime,
  typeMask,
  windowOptionsShape,
  writeRecordAttributes,
} from './account-graph.js';
import type { EdgeAggregate } from './aggregate-edges.js';

const weightSchema = z.number().finite().nonnegative();

export const interactionGraphOptionsSchema = z
  .strictObject({
    typeWeights: z.partialRecord(interactionTypeSchema, weightSchema).optional(),
    untypedWeight: weightSchema.optional(),
    types: z.array(interactionTypeSchema).readonly().optional(),
    ...windowOptionsShape,
    minWeight: weightSchema.optional(),
    ...accountGraphOptionsShape,
  })
  .superRefine(checkWindow);
export type InteractionGraphOptions = z.infer<typeof interactionGraphOptionsSchema>;

/** Edge attributes of the interaction graph. Per-type counts appear only when non-zero. */
export interface InteractionEdgeAttributes extends Partial<Record<InteractionType, number>> {
  weight: number;
  /** Records aggregated into the edge. */
  count: number;
  /** ISO date-times of the earliest and latest dated record (absent when none is dated). */
  firstAt?: string;
  lastAt?: string;
  [name: string]: unknown;
}

export const DEFAULT_INTERACTION_GRAPH_OPTIONS = Object.freeze({
  typeWeights: Object.freeze({
    follow: 1,
    mention: 1.5,
    reply: 2,
    repost: 3,
    quote: 2.5,
    comment: 2,
    like: 0.5,
    coauthor: 3,
  }) as Readonly<Record<InteractionType, number>>,
  untypedWeight: 1,
  types: Object.freeze(INTERACTION_TYPES.filter((type) => type !== 'follow')),
  minWeight: 0,
  selfLoops: 'keep' as SelfLoopPolicy,
  includeIsolated: true,
});

/**
 * Builds the interaction graph of a dataset: a node per account (key `platform:id`, attributes =
 * the account's fields over its extra `attributes`, `stub: true` for accounts only referred to)
 * and one edge per ordered pair giver → receiver (per unordered pair when undirected) with
 * `weight` = Σ record weight × type weight, `count`, the non-zero per-type counts and
 * `firstAt`/`lastAt`. Records are aggregated on the edge table's typed arrays into an account
 * network (buildInteractionNetwork) before the graph is built, so each pair costs graphology one edge.
 *
 * Options (defaults in DEFAULT_INTERACTION_GRAPH_OPTIONS):
 * - `typeWeights`: weight of one record of each type, merged over the defaults. A repost (3)
 *   endorses and spreads the receiver's words as they are; co-authorship (3) is a deliberate,
 *   lasting tie; a quote (2.5) spreads them with the giver's own words around; a reply or a
 *   comment (2) is a conversation, costly but possibly critical; a mention (1.5) points an
 *   audience at the receiver, sometimes in passing; a like (0.5) is cheap and plentiful; a
 *   follow (1) counts only when `types` includes it.
 * - `untypedWeight`: weight of a record without a type (plain edge lists). Default 1. Untyped
 *   records are always included.
 * - `types`: interaction types to include. Default every type but `follow` (the follower graph).
 * - `since`, `until`: time window, both ends included, as ISO dates or Date objects (a date
 *   without a time is midnight UTC). Unset by default. When either is set, records without a date
 *   are left out; without a window every record counts.
 * - `platforms`: keep only the records whose source account is on one of these platforms, and
 *   only those platforms' accounts as isolated nodes. Default: every platform.
 * - `minWeight`: drop aggregated edges whose weight is below it. Default 0.
 * - `selfLoops`: `keep` (default) or `drop` records from an account to itself. Kept by default so
 *   the graph holds what the data says (and matches networkx and igraph on the same file).
 * - `undirected`: merge a→b and b→a into one edge (weights and counts add up). Default: the
 *   dataset's own `directed` flag.
 * - `includeIsolated`: keep accounts that have no edge (described but silent accounts count for
 *   reach and coverage). Default true.
 *
 * @throws InvalidInputError on a bad option, with the option's path as `field`.
 */
export function buildInteractionGraph(
  dataset: Dataset,
  options?: InteractionGraphOptions,
): AbstractGraph<AccountNodeAttributes, InteractionEdgeAttributes> {
  return graphOfNetwork(buildInteractionNetwork(dataset, options)) as AbstractGraph<
    AccountNodeAttributes,
    InteractionEdgeAttributes
  >;
}

/**
 * The interaction graph of a dataset as an account network (see `buildInteractionGraph` for its
 * nodes, edges and every option), built without a graphology graph: edge attributes are made from
 * the aggregate's columns when asked.
 *
 * @throws InvalidInputError on a bad option, with the option's path as `field`.
 */
export function buildInteractionNetwork(
  dataset: Dataset,
  options?: InteractionGraphOptions,
): AccountNetwork {
  const given = parseOptions(interactionGraphOptionsSchema, options);
  const minWeight = given.minWeight ?? DEFAULT_INTERACTION_GRAPH_OPTIONS.minWeight;
  const { aggregate, assembly } = aggregateInteractions(dataset, given, false);
  const weights = aggregate.weight;
  return assembleNetwork(dataset, aggregate, assembly, { weights, minWeight }, (pair, weight) => {
    const attributes: InteractionEdgeAttributes = { weight, count: 0 };
    writeRecordAttributes(aggregate, pair, attributes);
    return attributes;
  });
}

/**
 * Aggregates the records the (parsed) interaction options select. With `followLayer`, follow
 * records are aggregated too, as a layer of their own that the time window does not apply to.
 */
export function aggregateInteractions(
  dataset: Dataset,
  given: InteractionGraphOptions,
  followLayer: boolean,
): { aggregate: EdgeAggregate; assembly: GraphAssembly } {
  const defaults = DEFAULT_INTERACTION_GRAPH_OPTIONS;
  const typeWeights = { ...defaults.typeWeights, ...given.typeWeights };
  const types = given.types ?? defaults.types;
  const undirected = given.undirected ?? !dataset.directed;
  const sources = platformMask(dataset.accounts, given.platforms);
  const windowed = given.since !== undefined || given.until !== undefined;
  const aggregate = aggregateDataset(
    dataset,
    {
      types: typeMask(followLayer ? [...types, 'follow'] : types, true),
      sources,
      keepSelfLoops: (given.selfLoops ?? defaults.selfLoops) === 'keep',
      window: windowed
        ? {
            since: given.since === undefined ? Number.NEGATIVE_INFINITY : toTime(given.since),
            until: given.until === undefined ? Number.POSITIVE_INFINITY : toTime(given.until),
            windowTypes: typeMask(types, true),
          }
        : null,
    },
    {
      typeWeights: Float64Array.from([
        given.untypedWeight ?? defaults.untypedWeight,
        ...INTERACTION_TYPES.map((type) => typeWeights[type]),
      ]),
      followLayer,
    },
    undirected,
  );
  const includeIsolated = given.includeIsolated ?? defaults.includeIsolated;
  return { aggregate, assembly: { undirected, includeIsolated, accounts: sources } };
}
