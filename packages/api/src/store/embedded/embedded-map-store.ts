// The embedded map store: files under a data folder (see map-files.ts for the layout), no server.
// The default store when no Neo4j is configured. Ready maps are loaded lazily and kept in a small
// cache; every query is answered in memory (loaded-map.ts). One process per data folder. Each
// resource lives in its own file (embedded-maps.ts, embedded-accounts.ts…) over the data folder
// they share (embedded-data-folder.ts).
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AccountsResource,
  ExportAuditResource,
  ListeningResource,
  MapStore,
  MapsResource,
  PvCasesResource,
  ShortlistsResource,
} from '../map-store.js';
import { EmbeddedAccounts } from './embedded-accounts.js';
import { EmbeddedDataFolder } from './embedded-data-folder.js';
import { EmbeddedExportAudit } from './embedded-export-audit.js';
import { EmbeddedListening } from './embedded-listening.js';
import { EmbeddedMaps } from './embedded-maps.js';
import { EmbeddedPvCases } from './embedded-pv-cases.js';
import { EmbeddedShortlists } from './embedded-shortlists.js';
import { mapsFolder, trashFolder } from './map-files.js';

export interface EmbeddedMapStoreOptions {
  /** The data folder. Default `./.kolmap` (config: KOLMAP_DATA_DIR). */
  dataDir: string;
  /** Ready maps kept in memory at once (least recently used ones are dropped). Default 4. */
  cacheSize?: number;
  /** Accounts or interactions written between two progress reports. Default 10000. */
  batchSize?: number;
}

export const DEFAULT_EMBEDDED_MAP_STORE_OPTIONS = Object.freeze({
  dataDir: '.kolmap',
  cacheSize: 4,
  batchSize: 10_000,
});

export class EmbeddedMapStore implements MapStore {
  readonly kind = 'embedded';
  readonly maps: MapsResource;
  readonly accounts: AccountsResource;
  readonly shortlists: ShortlistsResource;
  readonly listening: ListeningResource;
  readonly pvCases: PvCasesResource;
  readonly audit: ExportAuditResource;
  private readonly folder: EmbeddedDataFolder;

  /**
   * @param options.dataDir the data folder (created by `init`).
   * @param options.cacheSize ready maps kept in memory, default 4.
   * @param options.batchSize records written between progress reports, default 10000.
   */
  constructor(options: EmbeddedMapStoreOptions) {
    const d = DEFAULT_EMBEDDED_MAP_STORE_OPTIONS;
    this.folder = new EmbeddedDataFolder({
      dataDir: options.dataDir,
      cacheSize: options.cacheSize ?? d.cacheSize,
      batchSize: options.batchSize ?? d.batchSize,
    });
    this.maps = new EmbeddedMaps(this.folder);
    this.accounts = new EmbeddedAccounts(this.folder);
    this.shortlists = new EmbeddedShortlists(this.folder);
    this.listening = new EmbeddedListening(this.folder);
    this.pvCases = new EmbeddedPvCases(this.folder);
    this.audit = new EmbeddedExportAudit(this.folder);
  }

  async init(): Promise<void> {
    const { dataDir } = this.folder;
    await this.folder.io(async () => {
      await mkdir(mapsFolder(dataDir), { recursive: true });
      await mkdir(join(dataDir, 'audit'), { recursive: true });
      // Maps whose deletion was interrupted: finish it.
      await rm(trashFolder(dataDir), { recursive: true, force: true });
    });
  }

  async ping(): Promise<{ latencyMs: number }> {
    this.folder.checkOpen();
    const started = performance.now();
    await this.folder.io(() => access(mapsFolder(this.folder.dataDir)));
    return { latencyMs: performance.now() - started };
  }

  close(): Promise<void> {
    return this.folder.close();
  }
}
