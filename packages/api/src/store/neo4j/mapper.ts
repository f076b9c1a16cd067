// The one place where values cross between JavaScript and Neo4j: account, edge, community, map,
// shortlist, audit and PV case properties both ways; integers (neo4j Integer ↔ number) and dates (DateTime ↔
// ISO string). Attributes that Neo4j cannot hold as properties travel as JSON strings, their names
// listed in the node's or relationship's `_json` property.
import type { PvCase } from '@kolmap/core';
import type {
  AccountAttributes,
  AccountRecord,
  CommunityProfile,
  InteractionAttributes,
  MapInfo,
  MapStatus,
} from '@kolmap/model';
import { EDGE_COUNT_FIELDS, foldHandle, foldText } from '@kolmap/model';
import neo4j, { type DateTime, type Integer, isDateTime, isInt } from 'neo4j-driver';
import { pvCaseOrder } from '../listening-model.js';
import type { ExportAuditEntry, Shortlist } from '../map-store.js';
import { orderString, sortScore } from '../queries.js';

/** Node attributes of the model that are integers: stored as Neo4j integers. */
const INTEGER_ACCOUNT_ATTRIBUTES = new Set([
  'followers',
  'following',
  'community',
  'rank',
  'communityRank',
  'inDegree',
  'outDegree',
]);

/** Edge attributes of the model that are integers: stored as Neo4j integers. */
const INTEGER_EDGE_ATTRIBUTES = new Set<string>(['count', ...EDGE_COUNT_FIELDS]);

/** Properties of :Account nodes that are not attributes of the account. */
const ACCOUNT_INTERNAL = new Set([
  'mapId',
  'key',
  '_order',
  '_searchName',
  '_searchHandle',
  '_json',
]);

/** A Neo4j integer for a JavaScript safe integer (query parameters such as LIMIT need one). */
export function toInteger(value: number): Integer {
  return neo4j.int(value);
}

/** A DateTime parameter for an instant given as a Date or an ISO string. */
export function toDateTime(value: Date | string): DateTime<number> {
  return neo4j.types.DateTime.fromStandardDate(typeof value === 'string' ? new Date(value) : value);
}

/** A value read from Neo4j, as JavaScript: integers to numbers, date-times to ISO strings, deeply. */
export function fromNeo4j(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isInt(value)) return (value as Integer).toNumber();
  if (isDateTime(value))
    return (value as DateTime<Integer | number>).toStandardDate().toISOString();
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromNeo4j(v)]));
  }
  return value;
}

/** Whether Neo4j can hold a value as a property: a scalar or a homogeneous list of scalars. */
function isPropertyValue(value: unknown): boolean {
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return true;
  if (type === 'number') return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  if (value.length === 0) return true;
  const first = typeof value[0];
  if (first !== 'string' && first !== 'number' && first !== 'boolean') return false;
  return value.every(
    (item) => typeof item === first && (first !== 'number' || Number.isFinite(item)),
  );
}

/** Writes attributes onto `properties`: integers as Neo4j integers, others as they are or as JSON. */
function encodeAttributes(
  attributes: Record<string, unknown>,
  integers: ReadonlySet<string>,
  properties: Record<string, unknown>,
): void {
  let json: string[] | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (integers.has(name) && Number.isSafeInteger(value))
      properties[name] = neo4j.int(value as number);
    else if (isPropertyValue(value)) properties[name] = value;
    else {
      properties[name] = JSON.stringify(value);
      (json ??= []).push(name);
    }
  }
  if (json) properties._json = json;
}

/** Reads attributes back from properties, skipping `internal` ones and parsing the `_json` ones. */
function decodeAttributes(
  properties: Record<string, unknown>,
  internal: ReadonlySet<string>,
): Record<string, unknown> {
  const json = properties._json as string[] | undefined;
  const attributes: Record<string, unknown> = {};
  for (const name in properties) {
    if (internal.has(name) || name === '_json') continue;
    const value = properties[name];
    attributes[name] = json?.includes(name) ? JSON.parse(value as string) : fromNeo4j(value);
  }
  return attributes;
}

/**
 * Properties of an :Account node: the map id, the key, the attributes, and the store's own: `_order`
 * (the KOL order as a string, see `orderString`), `_searchName` and `_searchHandle` (folded text).
 */
export function toAccountProperties(
  mapId: string,
  account: AccountRecord,
): Record<string, unknown> {
  const { attributes } = account;
  const properties: Record<string, unknown> = {
    mapId,
    key: account.key,
    _order: orderString({ key: account.key, score: sortScore(attributes.kolScore) }),
    _searchName: foldText(attributes.name ?? ''),
    _searchHandle: foldHandle(attributes.handle ?? ''),
  };
  encodeAttributes(attributes, INTEGER_ACCOUNT_ATTRIBUTES, properties);
  return properties;
}

export function fromAccountProperties(properties: Record<string, unknown>): AccountRecord {
  return {
    key: properties.key as string,
    attributes: decodeAttributes(properties, ACCOUNT_INTERNAL) as AccountAttributes,
  };
}

const NO_INTERNAL = new Set<string>();

/**
 * Edge attributes that travel as cells of a CREATE_INTERACTIONS row, in the order of its columns
 * (`row[2]` to `row[13]`): Neo4j writes properties given in the CREATE pattern for about a third
 * less CPU than from a map. Any other attribute (a new interaction type included) travels in the
 * row's map: a name missing here costs time, not data.
 */
const INTERACTION_COLUMNS: ReadonlyMap<string, number> = new Map(
  [
    'weight',
    'count',
    'follow',
    'mention',
    'reply',
    'repost',
    'quote',
    'comment',
    'like',
    'coauthor',
    'firstAt',
    'lastAt',
  ].map((name, index) => [name, index + 2]),
);

/** Length of a CREATE_INTERACTIONS row: two element ids, the columns, the map of other properties. */
const INTERACTION_ROW_LENGTH = INTERACTION_COLUMNS.size + 3;

/**
 * A row of CREATE_INTERACTIONS for an :INTERACTS relationship: the element ids of its source and
 * target, one cell per INTERACTION_COLUMNS attribute, null when absent (Neo4j then stores no
 * property), then the other properties as a map, or null when there are none. Integer attributes
 * travel as numbers (less work for the driver than Integers), made integers again by the statement
 * (`toInteger`); one that is not a safe integer travels in the map, as it is.
 */
export function toInteractionRow(
  sourceElementId: string,
  targetElementId: string,
  attributes: InteractionAttributes,
): unknown[] {
  const row: unknown[] = new Array(INTERACTION_ROW_LENGTH).fill(null);
  row[0] = sourceElementId;
  row[1] = targetElementId;
  let others: Record<string, unknown> | undefined;
  for (const name in attributes) {
    const value = attributes[name];
    if (value === undefined || value === null) continue;
    const column = INTERACTION_COLUMNS.get(name);
    const fits =
      column !== undefined &&
      (INTEGER_EDGE_ATTRIBUTES.has(name) ? Number.isSafeInteger(value) : isPropertyValue(value));
    if (fits) row[column] = value;
    else (others ??= {})[name] = value;
  }
  if (others) {
    const properties: Record<string, unknown> = {};
    encodeAttributes(others, INTEGER_EDGE_ATTRIBUTES, properties);
    row[INTERACTION_ROW_LENGTH - 1] = properties;
  }
  return row;
}

export function fromInteractionProperties(
  properties: Record<string, unknown>,
): InteractionAttributes {
  return decodeAttributes(properties, NO_INTERNAL) as InteractionAttributes;
}

/** Properties of a :Community node: the id and size for sorting, the whole profile as JSON. */
export function toCommunityProperties(
  mapId: string,
  profile: CommunityProfile,
): Record<string, unknown> {
  return {
    mapId,
    id: neo4j.int(profile.id),
    size: neo4j.int(profile.size ?? 0),
    ...(profile.label === undefined ? {} : { label: profile.label }),
    profile: JSON.stringify(profile),
  };
}

export function fromCommunityProperties(properties: Record<string, unknown>): CommunityProfile {
  return JSON.parse(properties.profile as string) as CommunityProfile;
}

/** Properties of a :Map node (params, provenance and other graph attributes as JSON). */
export function toMapProperties(info: MapInfo): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    id: info.id,
    name: info.name,
    status: info.status,
    createdAt: toDateTime(info.createdAt),
    directed: info.directed,
    accounts: neo4j.int(info.counts.accounts),
    interactions: neo4j.int(info.counts.interactions),
    communities: neo4j.int(info.counts.communities),
    params: JSON.stringify(info.params),
    provenance: JSON.stringify(info.provenance),
    attributes: JSON.stringify(info.attributes),
  };
  if (info.reason !== undefined) properties.reason = info.reason;
  if (info.readyAt !== undefined) properties.readyAt = toDateTime(info.readyAt);
  return properties;
}

/** Statuses a :Map node may have: the model's, and `deleting` while a delete runs (never shown). */
export type StoredMapStatus = MapStatus | 'deleting';

/** A map as stored: its info, whose status may also be `deleting`. */
export interface StoredMapInfo extends Omit<MapInfo, 'status'> {
  status: StoredMapStatus;
}

export function fromMapProperties(properties: Record<string, unknown>): StoredMapInfo {
  const p = fromNeo4j(properties) as Record<string, unknown>;
  const info: StoredMapInfo = {
    id: p.id as string,
    name: p.name as string,
    status: p.status as StoredMapStatus,
    createdAt: p.createdAt as string,
    directed: p.directed as boolean,
    counts: {
      accounts: p.accounts as number,
      interactions: p.interactions as number,
      communities: p.communities as number,
    },
    params: JSON.parse(p.params as string) as Record<string, unknown>,
    provenance: JSON.parse(p.provenance as string) as Record<string, unknown>,
    attributes: JSON.parse(p.attributes as string) as Record<string, unknown>,
  };
  if (p.reason !== undefined) info.reason = p.reason as string;
  if (p.readyAt !== undefined) info.readyAt = p.readyAt as string;
  return info;
}

export function toShortlistProperties(shortlist: Shortlist): Record<string, unknown> {
  return {
    id: shortlist.id,
    mapId: shortlist.mapId,
    name: shortlist.name,
    accountKeys: shortlist.accountKeys,
    filters: JSON.stringify(shortlist.filters),
    createdBy: shortlist.createdBy,
    createdAt: toDateTime(shortlist.createdAt),
  };
}

export function fromShortlistProperties(properties: Record<string, unknown>): Shortlist {
  const p = fromNeo4j(properties) as Record<string, unknown>;
  const accountKeys = (p.accountKeys as string[] | undefined) ?? [];
  return {
    id: p.id as string,
    mapId: p.mapId as string,
    name: p.name as string,
    filters: JSON.parse(p.filters as string) as Record<string, unknown>,
    createdBy: p.createdBy as string,
    createdAt: p.createdAt as string,
    size: accountKeys.length,
    accountKeys,
  };
}

export function toExportAuditProperties(entry: ExportAuditEntry): Record<string, unknown> {
  return { ...entry, filters: JSON.stringify(entry.filters), at: toDateTime(entry.at) };
}

export function fromExportAuditProperties(properties: Record<string, unknown>): ExportAuditEntry {
  const p = fromNeo4j(properties) as Record<string, unknown>;
  return {
    id: p.id as string,
    mapId: p.mapId as string,
    actor: p.actor as string,
    what: p.what as string,
    filters: JSON.parse(p.filters as string) as Record<string, unknown>,
    at: p.at as string,
  };
}

/** A case's properties: `_order` its queue position, flag JSON, history a list of JSON entries. */
export function toPvCaseProperties(mapId: string, item: PvCase): Record<string, unknown> {
  return {
    mapId,
    id: item.id,
    _order: pvCaseOrder(item),
    status: item.status,
    ...(item.assignee !== null && { assignee: item.assignee }),
    flag: JSON.stringify(item.flag),
    history: item.history.map((entry) => JSON.stringify(entry)),
  };
}

export function fromPvCaseProperties(properties: Record<string, unknown>): PvCase {
  return {
    id: properties.id as string,
    flag: JSON.parse(properties.flag as string) as PvCase['flag'],
    status: properties.status as PvCase['status'],
    assignee: (properties.assignee as string | undefined) ?? null,
    history: (properties.history as string[]).map(
      (entry) => JSON.parse(entry) as PvCase['history'][number],
    ),
  };
}
