// What the routes share: the store, the analysis jobs, the cache of whole maps, the configuration.
import type { ApiConfig } from '../config.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { MapStore } from '../store/map-store.js';
import type { MapGraphs } from './map-graphs.js';
import type { MapListenings } from './map-listenings.js';

export interface ApiContext {
  config: ApiConfig;
  store: MapStore;
  jobs: JobQueue;
  graphs: MapGraphs;
  listenings: MapListenings;
  /** Where uploads are written while they are analysed. */
  uploadsDir: string;
}
