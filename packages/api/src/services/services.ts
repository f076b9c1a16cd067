// The services of the API, one per resource, built once over the store, the job queue and the
// configuration. They know nothing of HTTP: routes call them, they call the store and core, and
// their errors are typed (store/errors.ts, service-errors.ts).
import type { ApiConfig } from '../config.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { MapStore } from '../store/map-store.js';
import { AccountsService } from './accounts.service.js';
import { ExportsService } from './exports.service.js';
import { JobsService } from './jobs.service.js';
import { ListeningService } from './listening.service.js';
import { MapGraphs } from './map-graphs.js';
import { MapListenings } from './map-listenings.js';
import { MapsService } from './maps.service.js';
import { PvCasesService } from './pv-cases.service.js';
import { ShortlistsService } from './shortlists.service.js';

export interface ApiServices {
  maps: MapsService;
  jobs: JobsService;
  accounts: AccountsService;
  shortlists: ShortlistsService;
  exports: ExportsService;
  listening: ListeningService;
  pvCases: PvCasesService;
}

export interface ServiceDependencies {
  store: MapStore;
  jobs: JobQueue;
  config: Pick<ApiConfig, 'syncMaxBytes' | 'pseudonymKey'>;
}

/** The services over `store` and `jobs`, sharing one cache of whole maps and one of listening. */
export function createServices({ store, jobs, config }: ServiceDependencies): ApiServices {
  const graphs = new MapGraphs(store.accounts);
  const listenings = new MapListenings(store.listening);
  return {
    maps: new MapsService(store.maps, graphs, listenings),
    jobs: new JobsService(jobs, store.maps, config.syncMaxBytes),
    accounts: new AccountsService(store.accounts, graphs),
    shortlists: new ShortlistsService(store.shortlists, listenings),
    exports: new ExportsService(store.audit, store.shortlists, graphs, listenings),
    listening: new ListeningService(store.audit, graphs, listenings, config.pseudonymKey),
    pvCases: new PvCasesService(store.pvCases),
  };
}
