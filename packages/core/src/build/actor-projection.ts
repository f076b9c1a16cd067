// Projection of an account graph onto actors: the accounts of one person or organisation
// (same `actorId`, possibly on several platforms) become one node, and their edges are merged.

import type { ActorType, Platform } from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import {
  type AccountNetwork,
  addNetworkTo,
  networkOfEdges,
  networkOfGraph,
} from '../analyze/account-network.js';
import { InvalidInputError } from '../errors.js';
import { parseOptions } from '../options.js';
import { SELF_LOOP_POLICIES, type SelfLoopPolicy } from './account-graph.js';
import { groupPairs } from './aggregate-edges.js';

export const actorProjectionOptionsSchema = z.strictObject({
  selfLoops: z.enum(SELF_LOOP_POLICIES).optional(),
});
export type ActorProjectionOptions = z.infer<typeof actorProjectionOptionsSchema>;

export interface ActorNodeAttributes {
  /** Keys of the merged accounts, in graph order. */
  accounts: string[];
  /** Their distinct platforms, in order of first appearance. */
  platforms: Platform[];
  actorId?: string;
  name?: string;
  actorType?: ActorType;
  language?: string;
  country?: string;
  specialty?: string;
  /** Every therapeutic area of the accounts, in order of first appearance. */
  therapeuticAreas?: string[];
  /** Sum of the accounts' followers (absent when no account tells). */
  followers?: number;
  /** Every merged account is a stub (referred to, never described). */
  stub?: true;
  [name: string]: unknown;
}

export const DEFAULT_ACTOR_PROJECTION_OPTIONS = Object.freeze({
  selfLoops: 'drop' as SelfLoopPolicy,
});

/**
 * What an actor takes from the account with the most followers among those that tell it: the
 * actor's main channel describes it best (its name, what it is, its language and country).
 */
const FROM_MOST_FOLLOWED = ['name', 'actorType', 'language', 'country', 'specialty'] as const;

interface ActorDraft {
  key: string;
  attributes: ActorNodeAttributes;
  allStubs: boolean;
  /** For each FROM_MOST_FOLLOWED attribute, the followers of the account it was taken from. */
  takenFrom: Map<string, number>;
}

/**
 * Projects an account graph (from `buildInteractionGraph`, `buildFollowerGraph` or
 * `buildCombinedGraph`) onto actors. Accounts sharing an `actorId` attribute become the node
 * `actor:<actorId>`; accounts without one keep their key. Node attributes: `accounts` (keys),
 * `platforms` (distinct), `actorId`, `followers` (summed over the accounts that tell); `name`,
 * `actorType`, `language`, `country` and `specialty` each of the account with the most followers
 * among those that have one (ties: the first in graph order); `therapeuticAreas`, those of every
 * account (distinct, in order); and `stub: true` when every account is a stub. Edges between the same two
 * actors are merged: numeric attributes (`weight`, `count`, per-type counts, layer weights) are
 * summed, `firstAt` is the earliest and `lastAt` the latest; other edge attributes are dropped.
 * The projection is directed or undirected like the graph; nodes and edges keep graph order.
 *
 * Options (defaults in DEFAULT_ACTOR_PROJECTION_OPTIONS):
 * - `selfLoops`: `drop` (default) the edges between accounts of the same actor (and the graph's
 *   own self-loops), or `keep` them as a self-loop of the actor.
 *
 * @throws InvalidInputError on a bad option, or on a mixed graph (field `graph`).
 */
export function projectActors(
  graph: AbstractGraph,
  options?: ActorProjectionOptions,
): AbstractGraph<ActorNodeAttributes> {
  const projected = projectActorNetwork(networkOfGraph(graph, null), options);
  const projection = graph.nullCopy() as AbstractGraph<ActorNodeAttributes>;
  addNetworkTo(projection, projected);
  return projection;
}

/**
 * Projects an account network (from `buildInteractionNetwork`, `buildFollowerNetwork` or
 * `buildCombinedNetwork`) onto actors, as `projectActors` projects a graph (see there for the nodes,
 * edges and options).
 *
 * @throws InvalidInputError on a bad option, on a mixed network (field `graph`), or (field `weight`)
 *   on a merged weight that is negative, NaN or infinite.
 */
export function projectActorNetwork(
  network: AccountNetwork,
  options?: ActorProjectionOptions,
): AccountNetwork {
  const given = parseOptions(actorProjectionOptionsSchema, options);
  const keepSelfLoops = (given.selfLoops ?? DEFAULT_ACTOR_PROJECTION_OPTIONS.selfLoops) === 'keep';
  if (network.type === 'mixed') {
    throw new InvalidInputError({
      field: 'graph',
      message: 'expected a directed or an undirected graph, got a mixed one',
    });
  }
  const actorOf = new Int32Array(network.keys.length);
  const actors: ActorDraft[] = [];
  const actorIndex = new Map<string, number>();
  network.keys.forEach((node, i) => {
    const attributes = network.nodes[i] as Attributes;
    const key = typeof attributes.actorId === 'string' ? `actor:${attributes.actorId}` : node;
    let index = actorIndex.get(key);
    if (index === undefined) {
      index = actors.length;
      actorIndex.set(key, index);
      actors.push(newActor(key, attributes));
    }
    actorOf[i] = index;
    addAccount(actors[index] as ActorDraft, node, attributes);
  });

  const edgeAttributes: Attributes[] = [];
  const m = network.source.length;
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const from = actorOf[network.source[e] as number] as number;
    const to = actorOf[network.target[e] as number] as number;
    if (from === to && !keepSelfLoops) continue;
    sources[edgeAttributes.length] = from;
    targets[edgeAttributes.length] = to;
    edgeAttributes.push(network.edgeAttributes(e));
  }
  const kept = edgeAttributes.length;
  const pairs = groupPairs(
    sources.subarray(0, kept),
    targets.subarray(0, kept),
    actors.length,
    network.type === 'undirected',
  );
  const merged: Attributes[] = Array.from({ length: pairs.length }, () => ({}));
  edgeAttributes.forEach((attributes, edge) => {
    mergeEdgeAttributes(merged[pairs.pairOf[edge] as number] as Attributes, attributes);
  });

  for (const actor of actors) if (actor.allStubs) actor.attributes.stub = true;
  const keys = actors.map((actor) => actor.key);
  return networkOfEdges(
    {
      keys,
      index: actorIndex,
      nodes: actors.map((actor) => actor.attributes),
      type: network.type,
      multi: false,
    },
    pairs.source,
    pairs.target,
    merged,
  );
}

function newActor(key: string, attributes: Attributes): ActorDraft {
  const node: ActorNodeAttributes = { accounts: [], platforms: [] };
  if (typeof attributes.actorId === 'string') node.actorId = attributes.actorId;
  return { key, attributes: node, allStubs: true, takenFrom: new Map() };
}

function addAccount(actor: ActorDraft, node: string, attributes: Attributes): void {
  const merged = actor.attributes;
  merged.accounts.push(node);
  if (attributes.platform !== undefined && !merged.platforms.includes(attributes.platform)) {
    merged.platforms.push(attributes.platform);
  }
  if (attributes.stub !== true) actor.allStubs = false;
  const followers = typeof attributes.followers === 'number' ? attributes.followers : undefined;
  if (followers !== undefined) merged.followers = (merged.followers ?? 0) + followers;
  const rank = followers ?? 0;
  for (const name of FROM_MOST_FOLLOWED) {
    if (attributes[name] === undefined || rank <= (actor.takenFrom.get(name) ?? -1)) continue;
    merged[name] = attributes[name];
    actor.takenFrom.set(name, rank);
  }
  if (Array.isArray(attributes.therapeuticAreas)) {
    const areas = (merged.therapeuticAreas ??= []);
    for (const area of attributes.therapeuticAreas) if (!areas.includes(area)) areas.push(area);
  }
}

function mergeEdgeAttributes(into: Attributes, from: Attributes): void {
  for (const name in from) {
    const value = from[name];
    if (typeof value === 'number') {
      into[name] = (into[name] ?? 0) + value;
    } else if (name === 'firstAt' && typeof value === 'string') {
      if (into.firstAt === undefined || value < into.firstAt) into.firstAt = value;
    } else if (name === 'lastAt' && typeof value === 'string') {
      if (into.lastAt === undefined || value > into.lastAt) into.lastAt = value;
    }
  }
}
