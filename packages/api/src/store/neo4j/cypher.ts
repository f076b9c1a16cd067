// Every Cypher statement of the Neo4j store, as constants: values only ever travel as parameters.
// Where Cypher cannot take a parameter (a relationship direction), there is one statement per case.

// ── maps ────────────────────────────────────────────────────────────────────────────────────────

export const CREATE_MAP = 'CREATE (m:Map) SET m = $properties';

export const GET_MAP = 'MATCH (m:Map {id: $mapId}) RETURN properties(m) AS map';

/**
 * What a read needs to know of its map: whether it can be read, and its direction. Reading the whole
 * map node instead cost each request of the demo map 3 kB (its parameters, provenance and
 * attributes as JSON) to fetch and parse.
 */
export const MAP_STATE =
  'MATCH (m:Map {id: $mapId}) RETURN m.status AS status, m.directed AS directed';

export const LIST_MAPS = `
MATCH (m:Map) WHERE m.status IN $statuses
RETURN properties(m) AS map
ORDER BY m.createdAt DESC, m.id ASC`;

export const MARK_MAP_READY = `
MATCH (m:Map {id: $mapId}) WHERE m.status = 'building'
SET m.status = 'ready', m.readyAt = $readyAt
RETURN properties(m) AS map`;

export const MARK_MAP_FAILED = `
MATCH (m:Map {id: $mapId}) WHERE m.status = 'building'
SET m.status = 'failed', m.reason = $reason`;

export const RENAME_MAP = `
MATCH (m:Map {id: $mapId}) WHERE m.status = 'ready'
SET m.name = $name
RETURN properties(m) AS map`;

/** Hides a map for good before its data is deleted (a delete cut short is finished by the next). */
export const MARK_MAP_DELETING = `
MATCH (m:Map {id: $mapId})
SET m.status = 'deleting'
RETURN m.id AS id`;

export const DELETE_MAP_NODE = 'MATCH (m:Map {id: $mapId}) DELETE m';

// ── writing a map ───────────────────────────────────────────────────────────────────────────────

/** Accounts, giving back each one's element id (relationships are then created by element id). */
export const CREATE_ACCOUNTS = `
UNWIND $rows AS row
CREATE (a:Account)
SET a = row
RETURN row.key AS key, elementId(a) AS elementId`;

/**
 * Relationships after every node exists, rows from `toInteractionRow`: `[sourceElementId,
 * targetElementId, weight, count, follow, …, coauthor, firstAt, lastAt, otherProperties]`.
 * Found by element id, the endpoints cost no index seek (found by (mapId, key), the same write
 * costs Neo4j 40 to 85% more CPU); properties given in the CREATE pattern cost it about a third
 * less than `SET r = map` (null cells store nothing). The planner needs no Eager here: a
 * conditional SET after the CREATE (`WITH … WHERE`) would add one.
 */
export const CREATE_INTERACTIONS = `
UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (s)-[r:INTERACTS {
  weight: row[2], count: toInteger(row[3]), follow: toInteger(row[4]),
  mention: toInteger(row[5]), reply: toInteger(row[6]), repost: toInteger(row[7]),
  quote: toInteger(row[8]), comment: toInteger(row[9]), like: toInteger(row[10]),
  coauthor: toInteger(row[11]), firstAt: row[12], lastAt: row[13]
}]->(t)
SET r += coalesce(row[14], {})`;

export const CREATE_COMMUNITIES = `
UNWIND $rows AS row
CREATE (c:Community)
SET c = row`;

// ── deleting a map's data, in batches ───────────────────────────────────────────────────────────

/**
 * Deletes at most $batch relationships leaving a window of at most $batch accounts, in key order
 * from $from (included when $inclusive: the previous batch stopped inside that account's
 * relationships). Returns how many rows it saw, the last key and whether it was cut by the limit.
 */
export const DELETE_INTERACTIONS_BATCH = `
MATCH (a:Account)
WHERE a.mapId = $mapId AND a.key >= $from AND (a.key > $from OR $inclusive)
WITH a ORDER BY a.key ASC LIMIT $batch
OPTIONAL MATCH (a)-[r:INTERACTS]->()
WITH a, r LIMIT $batch
DELETE r
RETURN count(*) AS rows, count(r) AS deleted, max(a.key) AS last`;

/** Deletes at most $batch accounts of the map (their relationships are gone already). */
export const DELETE_ACCOUNTS_BATCH = `
MATCH (a:Account) WHERE a.mapId = $mapId
WITH a LIMIT $batch
DETACH DELETE a
RETURN count(*) AS deleted`;

export const DELETE_COMMUNITIES_BATCH = `
MATCH (c:Community) WHERE c.mapId = $mapId
WITH c LIMIT $batch
DELETE c
RETURN count(*) AS deleted`;

export const DELETE_SHORTLISTS_BATCH = `
MATCH (s:Shortlist) WHERE s.mapId = $mapId
WITH s LIMIT $batch
DELETE s
RETURN count(*) AS deleted`;

export const COUNT_ACCOUNTS =
  'MATCH (a:Account) WHERE a.mapId = $mapId RETURN count(a) AS accounts';

// ── queries ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Model's account filter (`compileAccountFilter`) in Cypher, with the KOL page's bounds: lists match
 * any value, an actor is on each of its `platforms`, languages and countries ignore case (the
 * parameters are lower case) and a language code also finds its regional variants (`fr` finds
 * `fr-CA`). The filter contract test (packages/api/test/http/account-filter.contract.ts) holds the two equal.
 */
const KOL_FILTERS = `
  AND a._order > $after AND a._order >= $from AND a._order < $until
  AND ($actorTypes IS NULL OR a.actorType IN $actorTypes)
  AND ($platforms IS NULL OR a.platform IN $platforms
    OR any(p IN coalesce(a.platforms, []) WHERE p IN $platforms))
  AND ($roles IS NULL OR a.role IN $roles)
  AND ($languages IS NULL
    OR any(l IN $languages WHERE toLower(a.language) = l OR toLower(a.language) STARTS WITH l + '-'))
  AND ($countries IS NULL OR toLower(a.country) IN $countries)
  AND ($text IS NULL OR a._searchName CONTAINS $text OR a._searchHandle CONTAINS $text)`;

/**
 * A page of KOLs and the status of their map, in one statement: `status` null when there is no map
 * $mapId, `accounts` read only when it is ready. Checking the map in a statement of its own cost a
 * round trip more: 1.5 times the requests/s (the demo's /kols, 10 at a time) with it folded in.
 */
function kolPage(match: string): string {
  return `
OPTIONAL MATCH (m:Map {id: $mapId})
CALL {
  WITH m
  WITH m WHERE m.status = 'ready'
  ${match.trim()}
  RETURN collect(properties(a)) AS accounts
}
RETURN m.status AS status, accounts`;
}

/**
 * A page of KOLs: one range seek on (mapId, _order), read in index order and filtered, stopping at
 * the limit (ORDER BY names the whole index key: with `a._order` alone the planner sorts every
 * match). $after is the cursor's order string ('' on the first page); $from and $until bound the
 * score (maxScore, minScore); null filters are off. One row more than the page tells if there is
 * a next one.
 */
export const FIND_KOLS = kolPage(`
  MATCH (a:Account)
  USING INDEX a:Account(mapId, _order)
  WHERE a.mapId = $mapId ${KOL_FILTERS}
  WITH a ORDER BY a.mapId ASC, a._order ASC
  LIMIT $limit`);

/** The same within one community: a seek on (mapId, community, _order), in index order. */
export const FIND_KOLS_IN_COMMUNITY = kolPage(`
  MATCH (a:Account)
  USING INDEX a:Account(mapId, community, _order)
  WHERE a.mapId = $mapId AND a.community = $community ${KOL_FILTERS}
  WITH a ORDER BY a.mapId ASC, a.community ASC, a._order ASC
  LIMIT $limit`);

/**
 * The same within several communities: the map's accounts in index order, filtered (the planner
 * would otherwise seek each community and sort all their members).
 */
export const FIND_KOLS_IN_COMMUNITIES = kolPage(`
  MATCH (a:Account)
  USING INDEX a:Account(mapId, _order)
  WHERE a.mapId = $mapId AND a.community IN $communities ${KOL_FILTERS}
  WITH a ORDER BY a.mapId ASC, a._order ASC
  LIMIT $limit`);

/** Every account of a map in KOL order (readGraph). */
export const ALL_ACCOUNTS = `
MATCH (a:Account)
USING INDEX a:Account(mapId, _order)
WHERE a.mapId = $mapId AND a._order >= ''
RETURN properties(a) AS account
ORDER BY a.mapId ASC, a._order ASC`;

/** Every interaction of a map (readGraph). */
export const ALL_INTERACTIONS = `
MATCH (s:Account {mapId: $mapId})-[r:INTERACTS]->(t)
RETURN s.key AS source, t.key AS target, properties(r) AS attributes`;

export const LIST_COMMUNITIES = `
MATCH (c:Community) WHERE c.mapId = $mapId
RETURN properties(c) AS community
ORDER BY c.size DESC, c.id ASC`;

export const GET_COMMUNITY = `
MATCH (c:Community {mapId: $mapId, id: $id})
RETURN properties(c) AS community`;

export const COMMUNITY_MEMBERS = `
MATCH (a:Account)
USING INDEX a:Account(mapId, community, _order)
WHERE a.mapId = $mapId AND a.community = $id AND a._order >= ''
RETURN properties(a) AS account
ORDER BY a.mapId ASC, a.community ASC, a._order ASC
LIMIT $limit`;

export const GET_ACCOUNTS = `
MATCH (a:Account)
WHERE a.mapId = $mapId AND a.key IN $keys
RETURN properties(a) AS account`;

/** Keeps the relationships `r`, heaviest first (ties: source key, then target key), at most $limit. */
const HEAVIEST = `WITH DISTINCT r
ORDER BY coalesce(r.weight, 1.0) DESC, startNode(r).key, endNode(r).key LIMIT $limit`;

/**
 * The ego network of the account $key in one statement (see `egoQuerySchema`): E1, the account's
 * edges along `step`, at most $maxEdges; with $hops = 2, E2, the edges along `step` of the accounts
 * E1 reached, not touching the account, at most $maxEdges - |E1|; and the accounts at the other end.
 * $limit is $maxEdges + 1: each hop reads one edge more than it keeps to tell if some were left
 * (E2 is cut to its room here: the first room + 1 of the heaviest $limit are the heaviest room + 1).
 *
 * Keep it short. The driver writes a message in pieces of 1400 bytes and leaves Nagle's algorithm
 * on: a RUN message longer than that (statement and parameters) waits about 40 ms for Neo4j's
 * delayed ACK before its last piece goes out. Sending the reached accounts' keys back (200 keys,
 * 2.4 kB) cost each ego network those 40 ms; so did this statement while it was 1406 characters.
 */
function egoNetwork(step: { from: string; to: string }): string {
  return `MATCH (c:Account {mapId: $mapId, key: $key})
CALL { WITH c MATCH (c)${step.from}[r:INTERACTS]${step.to}() ${HEAVIEST} RETURN collect(r) AS e1 }
WITH c, e1[0..$maxEdges] AS k1, size(e1) > $maxEdges AS cut
CALL { WITH c, k1
UNWIND CASE WHEN $hops = 2 THEN k1 ELSE [] END AS e UNWIND [startNode(e), endNode(e)] AS n
WITH DISTINCT c, n WHERE n <> c
MATCH (n)${step.from}[r:INTERACTS]${step.to}(o) WHERE o <> c ${HEAVIEST} RETURN collect(r) AS e2 }
WITH c, k1, cut, e2, $maxEdges - size(k1) AS room
WITH c, k1 + e2[0..room] AS kept, cut OR size(e2) > room AS truncated
CALL { WITH c, kept
UNWIND kept AS r UNWIND [startNode(r), endNode(r)] AS n
WITH DISTINCT c, n WHERE n <> c RETURN collect(properties(n)) AS neighbours }
RETURN properties(c) AS account, neighbours, truncated,
[r IN kept | {source: startNode(r).key, target: endNode(r).key, attributes: properties(r)}] AS edges`;
}

export const EGO_NETWORK = {
  out: egoNetwork({ from: '-', to: '->' }),
  in: egoNetwork({ from: '<-', to: '-' }),
  both: egoNetwork({ from: '-', to: '-' }),
} as const;

const PATH_ROWS = `
RETURN [n IN nodes(p) | properties(n)] AS accounts,
       [r IN relationships(p) | {source: startNode(r).key, target: endNode(r).key, attributes: properties(r)}] AS edges`;

/** Shortest paths of at most PATH_MAX_HOPS (8) edges, along edge direction or ignoring it. */
export const SHORTEST_PATH = {
  directed: `
MATCH (s:Account {mapId: $mapId, key: $from}), (t:Account {mapId: $mapId, key: $to})
MATCH p = shortestPath((s)-[:INTERACTS*..8]->(t)) ${PATH_ROWS}`,
  undirected: `
MATCH (s:Account {mapId: $mapId, key: $from}), (t:Account {mapId: $mapId, key: $to})
MATCH p = shortestPath((s)-[:INTERACTS*..8]-(t)) ${PATH_ROWS}`,
} as const;

/**
 * Accounts whose folded name or handle contains $q, through the full-text index ($lucene:
 * `+mapId:<id> +(_searchName:*q* _searchHandle:*q*)`, q escaped); those that start with it first.
 */
export const SEARCH_ACCOUNTS = `
CALL db.index.fulltext.queryNodes('account_search', $lucene) YIELD node
WITH node AS a,
     CASE WHEN node._searchName STARTS WITH $q OR node._searchHandle STARTS WITH $q THEN 0 ELSE 1 END AS rank
RETURN properties(a) AS account
ORDER BY rank ASC, a._order ASC
LIMIT $limit`;

/** Which of $keys are not accounts of the map (at most one is enough to refuse). */
export const MISSING_ACCOUNTS = `
UNWIND $keys AS k
OPTIONAL MATCH (a:Account {mapId: $mapId, key: k})
WITH k, a WHERE a IS NULL
RETURN k AS key
LIMIT 1`;

// ── shortlists and export audit ─────────────────────────────────────────────────────────────────

export const CREATE_SHORTLIST = 'CREATE (s:Shortlist) SET s = $properties';

export const LIST_SHORTLISTS = `
MATCH (s:Shortlist) WHERE s.mapId = $mapId
RETURN properties(s) AS shortlist
ORDER BY s.createdAt DESC, s.id ASC`;

export const GET_SHORTLIST = `
MATCH (s:Shortlist {id: $id}) WHERE s.mapId = $mapId
RETURN properties(s) AS shortlist`;

/** The only statement that touches :ExportAudit nodes besides LIST_EXPORT_AUDIT: append-only. */
export const CREATE_EXPORT_AUDIT = 'CREATE (e:ExportAudit) SET e = $properties';

export const LIST_EXPORT_AUDIT = `
MATCH (e:ExportAudit) WHERE e.mapId = $mapId
RETURN properties(e) AS entry
ORDER BY e.at ASC, e.id ASC`;

export const PING = 'RETURN 1 AS ok';
