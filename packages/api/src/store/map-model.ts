// The map model both stores save and return: a graphology serialised graph (`graph.export()`) as the
// analysis writes it, validated with zod, plus the map's metadata (id, name, status, counts).
//
// Attributes the model does not name are kept. A node or edge attribute whose value is a string,
// number, boolean or a list of one of these is stored as it is (a Neo4j property; a JSON value in
// the embedded store); any other JSON value (objects, mixed or nested lists) is stored as a JSON
// string and given back parsed. `null` and undefined values are dropped (Neo4j stores no nulls). Attribute names
// must be non-empty and must not be `mapId` or start with `_` (reserved for the stores' own
// properties). Values must be JSON: no NaN, no Infinity, no functions or class instances. The
// analysis' parameters and provenance come from the graph attributes `params` and `provenance`,
// or else from the attribute `kolmap` that `kolmap analyze` writes.
import { actorTypeSchema, INTERACTION_TYPES, KOL_ROLES, platformSchema } from '@kolmap/core';
import type { SerializedGraph } from 'graphology-types';
import { z } from 'zod';
import { InvalidMapError, type StoreInputProblem } from './errors.js';
import type { SaveListeningInput } from './listening-model.js';

export const MAP_STATUSES = ['building', 'ready', 'failed'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** Per-type interaction counts an edge may carry: one per interaction type of core. */
export const EDGE_COUNT_FIELDS = INTERACTION_TYPES;

/** Attribute names the stores keep for themselves. */
export function isReservedAttribute(name: string): boolean {
  return name === '' || name === 'mapId' || name.startsWith('_');
}

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
 * apply; undefined is what JSON leaves out).
 */
function withoutNulls(attributes: unknown): unknown {
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
  })
  .catchall(optionalJsonValue);
export type CommunityProfile = z.infer<typeof communityProfileSchema>;

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

/** What `saveMap` takes. */
export const saveMapInputSchema = z.object({
  name: mapNameSchema,
  graph: serializedGraphSchema,
});
/**
 * What `saveMap` takes: a name and `graph.export()` of the analysed graph (any graphology
 * serialised graph; it is validated against `serializedGraphSchema`), and the map's listening
 * when it was analysed with a watch list (validated by `prepareListening`).
 */
export interface SaveMapInput {
  name: string;
  graph: SerializedGraph;
  listening?: SaveListeningInput;
}

/** Accounts, interactions (edges) and communities of a map. */
export interface MapCounts {
  accounts: number;
  interactions: number;
  communities: number;
}

/** A map as `listMaps` shows it. Dates are ISO 8601 strings. */
export interface MapSummary {
  /** Server-generated, URL-safe: 20 characters of [0-9a-z]. */
  id: string;
  name: string;
  status: MapStatus;
  /** Why the save failed (status `failed` only). */
  reason?: string;
  createdAt: string;
  /** When the map became ready (status `ready` only). */
  readyAt?: string;
  directed: boolean;
  counts: MapCounts;
}

/** A map with its analysis parameters and provenance, as `getMap` gives it. */
export interface MapInfo extends MapSummary {
  params: Record<string, unknown>;
  provenance: Record<string, unknown>;
  /** Graph attributes other than `communities`, `params` and `provenance`. */
  attributes: Record<string, unknown>;
}

/** An account of a stored map: its key and every attribute the analysis gave it. */
export interface AccountRecord {
  key: string;
  attributes: AccountAttributes;
}

/** An interaction edge of a stored map (for undirected maps, source/target order is arbitrary). */
export interface InteractionRecord {
  source: string;
  target: string;
  attributes: InteractionAttributes;
}

/** A validated map, ready to be written by a store. */
export interface PreparedMap {
  name: string;
  directed: boolean;
  accounts: AccountRecord[];
  interactions: InteractionRecord[];
  /** Profiles from the graph attribute `communities`, else `{id, size}` derived from the nodes. */
  communities: CommunityProfile[];
  params: Record<string, unknown>;
  provenance: Record<string, unknown>;
  attributes: Record<string, unknown>;
  counts: MapCounts;
}

/**
 * Validates a map to save and gives it in the shape the stores write. Besides the schema, checks
 * that node keys are unique, that edge endpoints are nodes, that no attribute name is reserved, and
 * that the graph is not mixed.
 *
 * @throws InvalidMapError with one problem per bad value (at most 20), each naming its path
 *   (`graph.nodes[3].attributes.kolScore`).
 */
export function prepareMap(input: SaveMapInput): PreparedMap {
  const parsed = saveMapInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidMapError(
      parsed.error.issues
        .slice(0, 20)
        .map((issue) => ({ path: pathName(issue.path), message: issue.message })),
    );
  }
  const { name, graph } = parsed.data;
  const problems: StoreInputProblem[] = [];
  const problem = (path: string, message: string) => {
    if (problems.length < 20) problems.push({ path, message });
  };
  const keys = new Set<string>();
  const accounts: AccountRecord[] = new Array(graph.nodes.length);
  graph.nodes.forEach((node, index) => {
    if (keys.has(node.key)) problem(`graph.nodes[${index}].key`, `duplicate key "${node.key}"`);
    keys.add(node.key);
    const attributes = node.attributes as Record<string, unknown>;
    for (const attribute of Object.keys(attributes)) {
      if (isReservedAttribute(attribute)) {
        problem(`graph.nodes[${index}].attributes.${attribute}`, 'reserved attribute name');
      }
    }
    accounts[index] = { key: node.key, attributes: attributes as AccountAttributes };
  });
  const interactions: InteractionRecord[] = new Array(graph.edges.length);
  graph.edges.forEach((edge, index) => {
    if (!keys.has(edge.source)) {
      problem(`graph.edges[${index}].source`, `no node "${edge.source}"`);
    }
    if (!keys.has(edge.target)) {
      problem(`graph.edges[${index}].target`, `no node "${edge.target}"`);
    }
    if (edge.undirected === true && graph.options.type === 'directed') {
      problem(`graph.edges[${index}].undirected`, 'mixed graphs are not supported');
    }
    const attributes = edge.attributes as Record<string, unknown>;
    for (const attribute of Object.keys(attributes)) {
      if (isReservedAttribute(attribute)) {
        problem(`graph.edges[${index}].attributes.${attribute}`, 'reserved attribute name');
      }
    }
    interactions[index] = {
      source: edge.source,
      target: edge.target,
      attributes: attributes as InteractionAttributes,
    };
  });
  const { communities: given, params, provenance, ...attributes } = graph.attributes;
  const written = kolmapAttribute(attributes.kolmap);
  if (given) {
    const ids = new Set<number>();
    given.forEach((profile, index) => {
      if (ids.has(profile.id)) {
        problem(`graph.attributes.communities[${index}].id`, `duplicate id ${profile.id}`);
      }
      ids.add(profile.id);
    });
  }
  if (problems.length > 0) throw new InvalidMapError(problems);
  const communities = given ?? deriveCommunities(accounts);
  return {
    name,
    directed: graph.options.type === 'directed',
    accounts,
    interactions,
    communities,
    params: params ?? written.params ?? {},
    provenance: provenance ?? written.provenance ?? {},
    attributes,
    counts: {
      accounts: accounts.length,
      interactions: interactions.length,
      communities: communities.length,
    },
  };
}

/**
 * The parameters and provenance `kolmap analyze` writes in the graph attribute `kolmap`
 * (`{version, seed, inputChecksum, inputs, parameters}`), used when the graph has no `params` or
 * `provenance` attribute of its own.
 */
function kolmapAttribute(value: unknown): {
  params?: Record<string, unknown>;
  provenance?: Record<string, unknown>;
} {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { parameters, version, ...rest } = value as Record<string, unknown>;
  const params =
    typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
      ? (parameters as Record<string, unknown>)
      : undefined;
  return {
    ...(params ? { params } : {}),
    provenance: { ...(version === undefined ? {} : { kolmapVersion: version }), ...rest },
  };
}

/** `{id, size}` for each community the nodes name, ids ascending. */
function deriveCommunities(accounts: readonly AccountRecord[]): CommunityProfile[] {
  const sizes = new Map<number, number>();
  for (const { attributes } of accounts) {
    if (attributes.community !== undefined) {
      sizes.set(attributes.community, (sizes.get(attributes.community) ?? 0) + 1);
    }
  }
  return [...sizes].sort((a, b) => a[0] - b[0]).map(([id, size]) => ({ id, size }));
}

/** A zod path as `graph.nodes[3].attributes.kolScore`. */
export function pathName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`,
    )
    .join('');
}
