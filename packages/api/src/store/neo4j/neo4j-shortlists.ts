// The shortlists of the Neo4j store: one :Shortlist node per shortlist, tagged with the map id, its
// account keys a list property.
import { AccountNotFoundError, ShortlistNotFoundError } from '../errors.js';
import {
  newId,
  type SaveShortlistInput,
  type Shortlist,
  type ShortlistSummary,
  type ShortlistsResource,
  saveShortlistInputSchema,
} from '../map-store.js';
import { parseQuery } from '../queries.js';
import * as cypher from './cypher.js';
import { fromShortlistProperties, toShortlistProperties } from './mapper.js';
import type { Neo4jDatabase } from './neo4j-database.js';

export class Neo4jShortlists implements ShortlistsResource {
  private readonly db: Neo4jDatabase;

  constructor(db: Neo4jDatabase) {
    this.db = db;
  }

  async save(mapId: string, input: SaveShortlistInput): Promise<Shortlist> {
    const parsed = parseQuery(saveShortlistInputSchema, input);
    const accountKeys = [...new Set(parsed.accountKeys)];
    const shortlist: Shortlist = {
      id: newId(),
      mapId,
      name: parsed.name,
      filters: parsed.filters,
      createdBy: parsed.createdBy,
      createdAt: new Date().toISOString(),
      size: accountKeys.length,
      accountKeys,
    };
    await this.db.write(async (tx) => {
      await this.db.requireMap(tx, mapId);
      const missing = (await tx.run(cypher.MISSING_ACCOUNTS, { mapId, keys: accountKeys }))
        .records[0];
      if (missing) throw new AccountNotFoundError(mapId, missing.get('key') as string);
      await tx.run(cypher.CREATE_SHORTLIST, { properties: toShortlistProperties(shortlist) });
    });
    return shortlist;
  }

  async list(mapId: string): Promise<ShortlistSummary[]> {
    const records = await this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      return (await tx.run(cypher.LIST_SHORTLISTS, { mapId })).records;
    });
    return records.map((record) => {
      const { accountKeys: _keys, ...summary } = fromShortlistProperties(record.get('shortlist'));
      return summary;
    });
  }

  async get(mapId: string, shortlistId: string): Promise<Shortlist> {
    const record = await this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      return (await tx.run(cypher.GET_SHORTLIST, { mapId, id: shortlistId })).records[0];
    });
    if (!record) throw new ShortlistNotFoundError(mapId, shortlistId);
    return fromShortlistProperties(record.get('shortlist'));
  }
}
