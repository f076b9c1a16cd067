// Migrations of the Neo4j store, run by `init()` at start-up: uniqueness constraints and indexes,
// each `IF NOT EXISTS` (so running them again, or from two processes at once, changes nothing).
// All of them work on Neo4j 5 Community: composite uniqueness constraints are allowed there (node
// key constraints are Enterprise-only and not used).

/** Name and statement of each migration, in order. Statements carry no values (no parameters). */
export const MIGRATIONS: ReadonlyArray<{ name: string; statement: string }> = [
  {
    name: 'map_id',
    statement: 'CREATE CONSTRAINT map_id IF NOT EXISTS FOR (m:Map) REQUIRE m.id IS UNIQUE',
  },
  {
    // Also the index behind account lookups by key, keyset scans in deletes, and `key IN $keys`.
    name: 'account_map_key',
    statement:
      'CREATE CONSTRAINT account_map_key IF NOT EXISTS FOR (a:Account) REQUIRE (a.mapId, a.key) IS UNIQUE',
  },
  {
    // KOL order: `_order` is the score (descending, accounts without one last) then the key as one
    // string, so a page is one ordered range seek: no sort, however many ties.
    name: 'account_map_order',
    statement:
      'CREATE INDEX account_map_order IF NOT EXISTS FOR (a:Account) ON (a.mapId, a._order)',
  },
  {
    // A community's members in KOL order, also one ordered range seek.
    name: 'account_map_community',
    statement:
      'CREATE INDEX account_map_community IF NOT EXISTS FOR (a:Account) ON (a.mapId, a.community, a._order)',
  },
  {
    // Search: the keyword analyzer keeps each folded name and handle as one term, so the Lucene
    // query `*text*` means "contains", exactly as in the embedded store; `mapId` narrows to a map.
    name: 'account_search',
    statement:
      "CREATE FULLTEXT INDEX account_search IF NOT EXISTS FOR (a:Account) ON EACH [a.mapId, a._searchName, a._searchHandle] OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } }",
  },
  {
    name: 'community_map_id',
    statement:
      'CREATE CONSTRAINT community_map_id IF NOT EXISTS FOR (c:Community) REQUIRE (c.mapId, c.id) IS UNIQUE',
  },
  {
    name: 'shortlist_id',
    statement:
      'CREATE CONSTRAINT shortlist_id IF NOT EXISTS FOR (s:Shortlist) REQUIRE s.id IS UNIQUE',
  },
  {
    name: 'shortlist_map',
    statement: 'CREATE INDEX shortlist_map IF NOT EXISTS FOR (s:Shortlist) ON (s.mapId)',
  },
  {
    name: 'export_audit_id',
    statement:
      'CREATE CONSTRAINT export_audit_id IF NOT EXISTS FOR (e:ExportAudit) REQUIRE e.id IS UNIQUE',
  },
  {
    name: 'export_audit_map',
    statement: 'CREATE INDEX export_audit_map IF NOT EXISTS FOR (e:ExportAudit) ON (e.mapId)',
  },
  {
    name: 'listening_map',
    statement:
      'CREATE CONSTRAINT listening_map IF NOT EXISTS FOR (l:Listening) REQUIRE l.mapId IS UNIQUE',
  },
  {
    name: 'listening_posts_map_chunk',
    statement:
      'CREATE CONSTRAINT listening_posts_map_chunk IF NOT EXISTS FOR (p:ListeningPosts) REQUIRE (p.mapId, p.chunk) IS UNIQUE',
  },
  {
    // Also the index behind case lookups by id.
    name: 'pv_case_map_id',
    statement:
      'CREATE CONSTRAINT pv_case_map_id IF NOT EXISTS FOR (c:PvCase) REQUIRE (c.mapId, c.id) IS UNIQUE',
  },
  {
    // The review queue in order (oldest flagged post first), a page one ordered range seek.
    name: 'pv_case_map_order',
    statement: 'CREATE INDEX pv_case_map_order IF NOT EXISTS FOR (c:PvCase) ON (c.mapId, c._order)',
  },
];

/** Waits until every index is online (populating indexes cannot answer queries yet). */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes($timeoutSeconds)';

/**
 * Error codes a concurrent creation of the same rule may raise despite `IF NOT EXISTS` (another
 * process won the race): the rule exists, which is what was asked.
 */
export const ALREADY_EXISTS_CODES: ReadonlySet<string> = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);
