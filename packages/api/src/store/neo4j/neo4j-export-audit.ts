// The export audit log of the Neo4j store: one :ExportAudit node per entry, tagged with the map id
// and never updated; the map's delete leaves them.
import {
  type ExportAuditEntry,
  type ExportAuditInput,
  type ExportAuditResource,
  exportAuditInputSchema,
  isStoreId,
  newId,
} from '../map-store.js';
import { parseQuery } from '../queries.js';
import * as cypher from './cypher.js';
import { fromExportAuditProperties, toExportAuditProperties } from './mapper.js';
import type { Neo4jDatabase } from './neo4j-database.js';

export class Neo4jExportAudit implements ExportAuditResource {
  private readonly db: Neo4jDatabase;

  constructor(db: Neo4jDatabase) {
    this.db = db;
  }

  async append(input: ExportAuditInput): Promise<ExportAuditEntry> {
    const parsed = parseQuery(exportAuditInputSchema, input);
    const entry: ExportAuditEntry = {
      id: newId(),
      mapId: parsed.mapId,
      actor: parsed.actor,
      what: parsed.what,
      filters: parsed.filters,
      at: new Date(parsed.at ?? Date.now()).toISOString(),
    };
    await this.db.write(async (tx) => {
      await this.db.requireMap(tx, parsed.mapId);
      await tx.run(cypher.CREATE_EXPORT_AUDIT, { properties: toExportAuditProperties(entry) });
    });
    return entry;
  }

  async list(mapId: string): Promise<ExportAuditEntry[]> {
    if (!isStoreId(mapId)) return [];
    const result = await this.db.read((tx) => tx.run(cypher.LIST_EXPORT_AUDIT, { mapId }));
    return result.records.map((record) => fromExportAuditProperties(record.get('entry')));
  }
}
