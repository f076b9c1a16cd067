// Opens the configured map store: Neo4j when a URI is configured, else the embedded file store.
import type { StoreConfig } from '../config.js';
import { EmbeddedMapStore, type EmbeddedMapStoreOptions } from './embedded/embedded-map-store.js';
import type { MapStore } from './map-store.js';
import { Neo4jMapStore, type Neo4jMapStoreOptions } from './neo4j/neo4j-map-store.js';

/** Tuning options passed to whichever store the configuration picks. */
export interface CreateMapStoreOptions {
  neo4j?: Omit<Neo4jMapStoreOptions, 'uri' | 'user' | 'password' | 'database'>;
  embedded?: Omit<EmbeddedMapStoreOptions, 'dataDir'>;
}

/** Creates the store `config` names and runs its `init()` (migrations, folders). */
export async function createMapStore(
  config: StoreConfig,
  options: CreateMapStoreOptions = {},
): Promise<MapStore> {
  const store: MapStore =
    config.kind === 'neo4j'
      ? new Neo4jMapStore({ ...options.neo4j, ...config })
      : new EmbeddedMapStore({ ...options.embedded, dataDir: config.dataDir });
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
