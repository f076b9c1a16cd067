// The combined graph: the follow layer and the interaction layer of a dataset on the same edges,
// mixed by layer weights (who follows whom, and who actually gives attention to whom).

import { interactionTypeSchema } from '@kolmap/model';
import type { AbstractGraph } from 'graphology-types';
import { z } from 'zod';
import { type AccountNetwork, graphOfNetwork } from '../analyze/account-network.js';
import type { Dataset } from '../load/dataset.js';
import { parseOptions } from '../options.js';
import {
  type AccountNodeAttributes,
  assembleNetwork,
  writeRecordAttributes,
} from './account-graph.js';
import {
  aggregateInteractions,
  DEFAULT_INTERACTION_GRAPH_OPTIONS,
  type InteractionEdgeAttributes,
  interactionGraphOptionsSchema,
} from './interaction-graph.js';

const layerWeightSchema = z.number().finite().nonnegative();

export const combinedGraphOptionsSchema = interactionGraphOptionsSchema.safeExtend({
  types: z
    .array(interactionTypeSchema.exclude(['follow']))
    .readonly()
    .optional(),
  layerWeights: z
    .strictObject({
      follow: layerWeightSchema.optional(),
      interaction: layerWeightSchema.optional(),
    })
    .optional(),
});
export type CombinedGraphOptions = z.infer<typeof combinedGraphOptionsSchema>;

export interface CombinedEdgeAttributes extends InteractionEdgeAttributes {
  /** Follow layer: 1 per distinct follow (2 for a mutual follow when undirected), 0 when none. */
  followWeight: number;
  /** Interaction layer: the `weight` the interaction graph gives the pair (0 when none). */
  interactionWeight: number;
}

export const DEFAULT_COMBINED_GRAPH_OPTIONS = Object.freeze({
  ...DEFAULT_INTERACTION_GRAPH_OPTIONS,
  layerWeights: Object.freeze({ follow: 1, interaction: 1 }),
});

/**
 * Builds the combined graph of a dataset: account nodes as in `buildInteractionGraph`, and one
 * edge per pair that follows or interacts, with `weight` = layerWeights.follow × `followWeight` +
 * layerWeights.interaction × `interactionWeight`, the two layer weights kept as attributes, and
 * the interaction layer's `count` and per-type counts. `firstAt`/`lastAt` span the dated records
 * of both layers.
 *
 * Options (defaults in DEFAULT_COMBINED_GRAPH_OPTIONS): every option of `buildInteractionGraph`
 * with the same defaults (`types` may not name `follow` and `typeWeights.follow` is unused:
 * follows are their own layer; the
 * `since`/`until` window applies to interactions only, the follow layer being the standing
 * structure), and
 * - `layerWeights`: `{ follow: 1, interaction: 1 }` by default. One follow then weighs as much as
 *   one mention-and-a-half of attention; raise `follow` to let the follower structure dominate,
 *   set it to 0 for the interaction graph's weights on the union of both layers' edges.
 * - `minWeight` applies to the combined weight.
 *
 * @throws InvalidInputError on a bad option, with the option's path as `field`.
 */
export function buildCombinedGraph(
  dataset: Dataset,
  options?: CombinedGraphOptions,
): AbstractGraph<AccountNodeAttributes, CombinedEdgeAttributes> {
  return graphOfNetwork(buildCombinedNetwork(dataset, options)) as AbstractGraph<
    AccountNodeAttributes,
    CombinedEdgeAttributes
  >;
}

/**
 * The combined graph of a dataset as an account network (see `buildCombinedGraph` for its nodes,
 * edges and every option), built without a graphology graph.
 *
 * @throws InvalidInputError on a bad option, with the option's path as `field`.
 */
export function buildCombinedNetwork(
  dataset: Dataset,
  options?: CombinedGraphOptions,
): AccountNetwork {
  const given = parseOptions(combinedGraphOptionsSchema, options);
  const defaults = DEFAULT_COMBINED_GRAPH_OPTIONS;
  const followLayer = given.layerWeights?.follow ?? defaults.layerWeights.follow;
  const interactionLayer = given.layerWeights?.interaction ?? defaults.layerWeights.interaction;
  const minWeight = given.minWeight ?? defaults.minWeight;
  const { aggregate, assembly } = aggregateInteractions(dataset, given, true);
  const weights = aggregate.weight.map(
    (interactionWeight, pair) =>
      followLayer * (aggregate.follows[pair] as number) + interactionLayer * interactionWeight,
  );
  return assembleNetwork(dataset, aggregate, assembly, { weights, minWeight }, (pair, weight) => {
    const attributes: CombinedEdgeAttributes = {
      weight,
      followWeight: aggregate.follows[pair] as number,
      interactionWeight: aggregate.weight[pair] as number,
      count: 0,
    };
    writeRecordAttributes(aggregate, pair, attributes);
    return attributes;
  });
}
