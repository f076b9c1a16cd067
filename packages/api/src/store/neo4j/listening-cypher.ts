// The Cypher statements of a map's listening in the Neo4j store (see neo4j-listening.ts), as
// constants: values only ever travel as parameters.

/** One per listened map: `{mapId, info}`, the ListeningInfo as JSON. */
export const CREATE_LISTENING = 'CREATE (l:Listening) SET l = $properties';

/** One chunk of post rows: `{mapId, chunk, rows}`, rows a JSON array of ListeningPostTuple. */
export const CREATE_LISTENING_POSTS = 'CREATE (p:ListeningPosts) SET p = $properties';

/** Cases `{mapId, id, _order, status, assignee, flag, history}`, flag JSON, history a list of JSON. */
export const CREATE_PV_CASES = `
UNWIND $rows AS row
CREATE (c:PvCase)
SET c = row`;

export const GET_LISTENING = 'MATCH (l:Listening {mapId: $mapId}) RETURN l.info AS info';

export const LISTENING_POSTS = `
MATCH (p:ListeningPosts) WHERE p.mapId = $mapId
RETURN p.rows AS rows
ORDER BY p.chunk ASC`;

/**
 * A page of the review queue: one range seek on (mapId, _order) after the cursor, read in index
 * order and filtered by status (null: any), stopping at the limit. One row more than the page tells
 * if there is a next one.
 */
export const LIST_PV_CASES = `
MATCH (c:PvCase)
USING INDEX c:PvCase(mapId, _order)
WHERE c.mapId = $mapId AND c._order > $after
  AND ($statuses IS NULL OR c.status IN $statuses)
RETURN properties(c) AS pvCase
ORDER BY c.mapId ASC, c._order ASC
LIMIT $limit`;

/** Cases per status, found through the (mapId, _order) index. */
export const COUNT_PV_CASES = `
MATCH (c:PvCase)
USING INDEX c:PvCase(mapId, _order)
WHERE c.mapId = $mapId AND c._order > ''
RETURN c.status AS status, count(*) AS cases`;

export const GET_PV_CASE = `
MATCH (c:PvCase {mapId: $mapId, id: $id})
RETURN properties(c) AS pvCase`;

/**
 * Reads a case for an update after taking its write lock (the write of `_lock`): a concurrent
 * update of the same case waits until this transaction ends, then reads what it wrote.
 */
export const LOCK_PV_CASE = `
MATCH (c:PvCase {mapId: $mapId, id: $id})
SET c._lock = true
RETURN properties(c) AS pvCase`;

/** The only statement that changes a case: status and assignee, and the audit trail appended to. */
export const UPDATE_PV_CASE = `
MATCH (c:PvCase {mapId: $mapId, id: $id})
SET c.status = $status, c.assignee = $assignee, c.history = c.history + $entries
REMOVE c._lock`;

/**
 * Deletes at most $batch chunks of post rows. Chunks are large (a batch of rows as JSON each), so
 * their batch is small: the transaction logs what it deletes.
 */
export const DELETE_LISTENING_POSTS_BATCH = `
MATCH (p:ListeningPosts) WHERE p.mapId = $mapId
WITH p LIMIT $batch
DELETE p
RETURN count(*) AS deleted`;

export const DELETE_PV_CASES_BATCH = `
MATCH (c:PvCase) WHERE c.mapId = $mapId
WITH c LIMIT $batch
DELETE c
RETURN count(*) AS deleted`;

export const DELETE_LISTENING = 'MATCH (l:Listening {mapId: $mapId}) DELETE l';
