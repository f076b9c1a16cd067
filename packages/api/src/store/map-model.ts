// The map as both stores save it: a graphology serialised graph (`graph.export()`) as the analysis
// writes it, validated with model's `serializedGraphSchema`, prepared into the records the stores write.
//
// Attributes the model does not name are kept. A node or edge attribute whose value is a string,
// number, boolean or a list of one of these is stored as it is (a Neo4j property; a JSON value in
// the embedded store); any other JSON value (objects, mixed or nested lists) is stored as a JSON
// string and given back parsed. `null` and undefined values are dropped (Neo4j stores no nulls). Attribute names
// must be non-empty and must not be `mapId` or start with `_` (reserved for the stores' own
// properties). Values must be JSON: no NaN, no Infinity, no functions or class instances. The
// analysis' parameters and provenance come from the graph attributes `params` and `provenance`,
// or else from the attribute `kolmap` that `kolmap analyze` writes.
import {
  type AccountAttributes,
  type AccountRecord,
  type CommunityProfile,
  type InteractionAttributes,
  type InteractionRecord,
  type MapCounts,
  mapNameSchema,
  serializedGraphSchema,
  withoutNulls,
} from '@kolmap/model';
import type { SerializedGraph } from 'graphology-types';
import { z } from 'zod';
import { InvalidMapError, type StoreInputProblem } from './errors.js';
import type { SaveListeningInput } from './listening-model.js';

/** Attribute names the stores keep for themselves. */
export function isReservedAttribute(name: string): boolean {
  return name === '' || name === 'mapId' || name.startsWith('_');
}

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

/** What `saveMap` takes but the graph's nodes and edges, which are validated one by one. */
const saveMapInputHeadSchema = saveMapInputSchema.extend({
  graph: serializedGraphSchema
    .omit({ nodes: true, edges: true })
    .extend({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) }),
});
const nodeSchema = serializedGraphSchema.shape.nodes.element;
const edgeSchema = serializedGraphSchema.shape.edges.element;

/**
 * Validates a map to save and gives it in the shape the stores write. Besides the schema, checks
 * that node keys are unique, that edge endpoints are nodes, that no attribute name is reserved, and
 * that the graph is not mixed. Nodes and edges are validated one by one and their attribute objects
 * are kept as given (without null values), never copied: a large map is held in memory once.
 *
 * @throws InvalidMapError with one problem per bad value (at most 20), each naming its path
 *   (`graph.nodes[3].attributes.kolScore`).
 */
export function prepareMap(input: SaveMapInput): PreparedMap {
  const problems: StoreInputProblem[] = [];
  const problem = (path: string, message: string) => {
    if (problems.length < 20) problems.push({ path, message });
  };
  const check = <T extends z.ZodType>(schema: T, value: unknown, path: PropertyKey[]) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problem(pathName([...path, ...issue.path]), issue.message);
      }
    }
    return parsed;
  };
  const head = check(saveMapInputHeadSchema, input, []);
  const serialized = (input as { graph?: Partial<SerializedGraph> } | null)?.graph;
  const nodes = Array.isArray(serialized?.nodes) ? serialized.nodes : [];
  const edges = Array.isArray(serialized?.edges) ? serialized.edges : [];
  nodes.forEach((node, index) => check(nodeSchema, node, ['graph', 'nodes', index]));
  edges.forEach((edge, index) => check(edgeSchema, edge, ['graph', 'edges', index]));
  if (!head.success || problems.length > 0) throw new InvalidMapError(problems);
  const { name, graph } = head.data;
  const keys = new Set<string>();
  const accounts: AccountRecord[] = new Array(nodes.length);
  nodes.forEach((node, index) => {
    if (keys.has(node.key)) problem(`graph.nodes[${index}].key`, `duplicate key "${node.key}"`);
    keys.add(node.key);
    const attributes = withoutNulls(node.attributes ?? {}) as AccountAttributes;
    for (const attribute of Object.keys(attributes)) {
      if (isReservedAttribute(attribute)) {
        problem(`graph.nodes[${index}].attributes.${attribute}`, 'reserved attribute name');
      }
    }
    accounts[index] = { key: node.key, attributes };
  });
  const interactions: InteractionRecord[] = new Array(edges.length);
  edges.forEach((edge, index) => {
    if (!keys.has(edge.source)) {
      problem(`graph.edges[${index}].source`, `no node "${edge.source}"`);
    }
    if (!keys.has(edge.target)) {
      problem(`graph.edges[${index}].target`, `no node "${edge.target}"`);
    }
    if (edge.undirected === true && graph.options.type === 'directed') {
      problem(`graph.edges[${index}].undirected`, 'mixed graphs are not supported');
    }
    const attributes = withoutNulls(edge.attributes ?? {}) as InteractionAttributes;
    for (const attribute of Object.keys(attributes)) {
      if (isReservedAttribute(attribute)) {
        problem(`graph.edges[${index}].attributes.${attribute}`, 'reserved attribute name');
      }
    }
    interactions[index] = { source: edge.source, target: edge.target, attributes };
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
