// The wire shapes of a map: its summary and info, its accounts and interactions (graphology node and
// edge attributes), community profiles, and the serialised graph (`graph.export()`) a map is saved
// from. Attributes the schemas do not name are kept (any JSON value).
import { z } from 'zod';
import { actorTypeSchema, INTERACTION_TYPES, KOL_ROLES, platformSchema } from './vocabulary.js';

export const MAP_STATUSES = ['building', 'ready', 'failed'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** Per-type interaction counts an edge may carry: one per interaction type. */
export const EDGE_COUNT_FIELDS = INTERACTION_TYPES;

const count = z.number().int().nonnegative();
const rank = z.number().int().positive();
const jsonValue = z.json();
/** Inside community profiles: a JSON value, or undefined (absent, as JSON.stringify treats it). */
const optionalJsonValue = jsonValue.optional();
const isoDate = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO 8601 date');

/**
 * Attributes without their `null` and undefined values (the analysis writes null for what does not
 * apply; undefined is what JSON leaves out): the same object when it has none, else a copy.
 */
export function withoutNulls(attributes: unknown): unknown {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return attributes;
  }
  for (const value of Object.values(attributes)) {
    if (value === null || value === undefined) {
      return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v != null));
    }
  }
  return attributes;
}

/** Node attributes: an account's fields and the analysis' results, all optional (null = absent). */
export const accountAttributesObjectSchema = z
  .object({
    platform: platformSchema.optional(),
    /** Maps projected on actors: the platforms of the actor's accounts. */
    platforms: z.array(platformSchema).optional(),
    /** Maps projected on actors: the keys of the actor's accounts. */
    accounts: z.array(z.string()).optional(),
    id: z.string().optional(),
    handle: z.string().optional(),
    name: z.string().optional(),
    actorId: z.string().optional(),
    actorType: actorTypeSchema.optional(),
    bio: z.string().optional(),
    followers: count.optional(),
    following: count.optional(),
    verified: z.boolean().optional(),
    language: z.string().optional(),
    country: z.string().optional(),
    specialty: z.string().optional(),
    therapeuticAreas: z.array(z.string()).optional(),
    url: z.string().optional(),
    stub: z.boolean().optional(),
    community: count.optional(),
    communityLabel: z.string().optional(),
    kolScore: z.number().min(0).max(100).optional(),
    rank: rank.optional(),
    communityRank: rank.optional(),
    role: z.enum(KOL_ROLES).optional(),
    pagerank: z.number().optional(),
    inStrength: z.number().optional(),
    outStrength: z.number().optional(),
    inDegree: count.optional(),
    outDegree: count.optional(),
    betweenness: z.number().optional(),
    x: z.number().optional(),
    y: z.number().optional(),
    scoreBreakdown: z.record(z.string(), z.number()).optional(),
    /** Maps analysed with a watch list: mean tonality (−1…1) of the account's posts. */
    tonality: z.number().min(-1).max(1).optional(),
    /** Maps analysed with a watch list: the label of the topic its posts name most. */
    topic: z.string().optional(),
    /** Maps analysed with a watch list: the thematic community most of its posts come from. */
    topicCommunity: count.optional(),
  })
  .catchall(jsonValue);
export const accountAttributesSchema = z.preprocess(withoutNulls, accountAttributesObjectSchema);
export type AccountAttributes = z.infer<typeof accountAttributesObjectSchema>;

/** Edge attributes: the aggregated interactions of one ordered pair, giver → receiver. */
export const interactionAttributesObjectSchema = z
  .object({
    weight: z.number().nonnegative().optional(),
    count: count.optional(),
    ...Object.fromEntries(EDGE_COUNT_FIELDS.map((field) => [field, count.optional()])),
    firstAt: isoDate.optional(),
    lastAt: isoDate.optional(),
  })
  .catchall(jsonValue);
export const interactionAttributesSchema = z.preprocess(
  withoutNulls,
  interactionAttributesObjectSchema,
);
export type InteractionAttributes = z.infer<typeof interactionAttributesObjectSchema> &
  Partial<Record<(typeof EDGE_COUNT_FIELDS)[number], number>>;

/** A share of a community's members having one value (`actorTypes`, `platforms`…). */
export const valueShareSchema = z.object({ value: z.string(), count, share: z.number() });
export type ValueShare = z.infer<typeof valueShareSchema>;

/** A community's profile as the analysis writes it in the graph attribute `communities`. */
export const communityProfileSchema = z
  .object({
    id: count,
    label: z.string().optional(),
    size: count.optional(),
    /** Member keys, or member objects with a `key` (as core's profiles give them). */
    topMembers: z
      .array(z.union([z.string(), z.object({ key: z.string() }).catchall(optionalJsonValue)]))
      .optional(),
    actorTypes: z.array(valueShareSchema).optional(),
    /** The group the analysis draws the community in: its own (the largest ones), or `'other'`. */
    displayGroup: z.union([count, z.literal('other')]).optional(),
  })
  .catchall(optionalJsonValue);
export type CommunityProfile = z.infer<typeof communityProfileSchema>;
/** A member named in a community profile: its key, or the key with a few attributes. */
export type CommunityMember = NonNullable<CommunityProfile['topMembers']>[number];

export const provenanceSchema = z
  .object({
    inputChecksum: z.string().optional(),
    kolmapVersion: z.string().optional(),
    createdAt: isoDate.optional(),
  })
  .catchall(jsonValue);
export type Provenance = z.infer<typeof provenanceSchema>;

export const graphAttributesSchema = z
  .object({
    communities: z.array(communityProfileSchema).optional(),
    params: z.record(z.string(), jsonValue).optional(),
    provenance: provenanceSchema.optional(),
  })
  .catchall(jsonValue);

export const GRAPH_TYPES = ['directed', 'undirected'] as const;

/** `graph.export()` of a simple directed or undirected graphology graph (mixed graphs are refused). */
export const serializedGraphSchema = z.object({
  attributes: graphAttributesSchema.default({}),
  options: z
    .object({
      type: z.enum(GRAPH_TYPES).default('directed'),
      multi: z.boolean().default(false),
      allowSelfLoops: z.boolean().default(true),
    })
    .default({ type: 'directed', multi: false, allowSelfLoops: true }),
  nodes: z.array(
    z.object({
      key: z.string().min(1),
      attributes: accountAttributesSchema.default({}),
    }),
  ),
  edges: z.array(
    z.object({
      key: z.string().optional(),
      source: z.string().min(1),
      target: z.string().min(1),
      attributes: interactionAttributesSchema.default({}),
      undirected: z.boolean().optional(),
    }),
  ),
});
export type SerializedMapGraph = z.input<typeof serializedGraphSchema>;
export type ParsedMapGraph = z.output<typeof serializedGraphSchema>;

export const MAP_NAME_MAX_LENGTH = 200;
export const mapNameSchema = z.string().trim().min(1).max(MAP_NAME_MAX_LENGTH);

/** Accounts, interactions (edges) and communities of a map. */
export const mapCountsSchema = z.object({
  accounts: z.number().int(),
  interactions: z.number().int(),
  communities: z.number().int(),
});
export type MapCounts = z.infer<typeof mapCountsSchema>;

/** A map as the list of maps shows it. Dates are ISO 8601 strings. */
export const mapSummarySchema = z
  .object({
    /** Server-generated, URL-safe: 20 characters of [0-9a-z]. */
    id: z.string(),
    name: z.string(),
    status: z.enum(MAP_STATUSES),
    /** Why the save failed (status `failed` only). */
    reason: z.string().optional(),
    createdAt: z.string(),
    /** When the map became ready (status `ready` only). */
    readyAt: z.string().optional(),
    directed: z.boolean(),
    counts: mapCountsSchema,
  })
  .meta({ id: 'MapSummary' });
export type MapSummary = z.infer<typeof mapSummarySchema>;

/** A map with its analysis parameters and provenance. */
export const mapInfoSchema = mapSummarySchema
  .extend({
    params: z.record(z.string(), z.unknown()),
    provenance: z.record(z.string(), z.unknown()),
    /** Graph attributes other than `communities`, `params` and `provenance`. */
    attributes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'MapInfo' });
export type MapInfo = z.infer<typeof mapInfoSchema>;

/** An account of a stored map: its key and every attribute the analysis gave it. */
export const accountRecordSchema = z
  .object({ key: z.string(), attributes: accountAttributesObjectSchema })
  .meta({ id: 'Account' });
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** An interaction edge of a stored map (for undirected maps, source/target order is arbitrary). */
export const interactionRecordSchema = z
  .object({
    source: z.string(),
    target: z.string(),
    attributes: interactionAttributesObjectSchema,
  })
  .meta({ id: 'Interaction' });
export interface InteractionRecord {
  source: string;
  target: string;
  attributes: InteractionAttributes;
}

export const communitySchema = communityProfileSchema.meta({ id: 'Community' });

/** An account's ego network: the edges around it and the accounts at their ends. */
export const egoNetworkSchema = z.object({
  nodes: z.array(accountRecordSchema),
  edges: z.array(interactionRecordSchema),
  truncated: z.boolean(),
});

/** An account and its ego network (`GET /maps/:id/accounts/:key`). */
export const accountDetailSchema = z.object({
  account: accountRecordSchema,
  ego: egoNetworkSchema,
});
export type AccountDetail = z.infer<typeof accountDetailSchema>;

/** A path between two accounts. */
export const pathSchema = z.object({
  nodes: z.array(accountRecordSchema),
  edges: z.array(interactionRecordSchema),
  directed: z.boolean(),
});
