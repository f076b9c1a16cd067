// The export audit log of the embedded store: one JSON line per entry in audit/<mapId>.jsonl, appended
// and synced before it is acknowledged, kept when the map is deleted.
import {
  type ExportAuditEntry,
  type ExportAuditInput,
  type ExportAuditResource,
  exportAuditInputSchema,
  isStoreId,
  newId,
} from '../map-store.js';
import { parseQuery } from '../queries.js';
import type { EmbeddedDataFolder } from './embedded-data-folder.js';
import { appendLineDurably, auditFile, forEachLine } from './map-files.js';

export class EmbeddedExportAudit implements ExportAuditResource {
  private readonly folder: EmbeddedDataFolder;

  constructor(folder: EmbeddedDataFolder) {
    this.folder = folder;
  }

  async append(input: ExportAuditInput): Promise<ExportAuditEntry> {
    const parsed = parseQuery(exportAuditInputSchema, input);
    await this.folder.readyInfo(parsed.mapId);
    const entry: ExportAuditEntry = {
      id: newId(),
      mapId: parsed.mapId,
      actor: parsed.actor,
      what: parsed.what,
      filters: parsed.filters,
      at: new Date(parsed.at ?? Date.now()).toISOString(),
    };
    await this.folder.io(() =>
      appendLineDurably(auditFile(this.folder.dataDir, parsed.mapId), JSON.stringify(entry)),
    );
    return entry;
  }

  async list(mapId: string): Promise<ExportAuditEntry[]> {
    this.folder.checkOpen();
    if (!isStoreId(mapId)) return [];
    const entries: ExportAuditEntry[] = [];
    await this.folder.io(async () => {
      try {
        await forEachLine(auditFile(this.folder.dataDir, mapId), (line) => {
          try {
            entries.push(JSON.parse(line) as ExportAuditEntry);
          } catch {
            // A line torn by a crash while it was appended: it was never acknowledged.
          }
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    });
    return entries.sort(
      (a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.id < b.id ? -1 : 1),
    );
  }
}
