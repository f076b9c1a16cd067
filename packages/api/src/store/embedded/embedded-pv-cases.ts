// The pharmacovigilance review queue of the embedded store: the map's pv-cases.json, read whole and
// rewritten whole on each review, in the map's write queue.
import type { PvCase, PvCaseChange, PvReviewer } from '@kolmap/core';
import { ListeningNotFoundError, PvCaseNotFoundError } from '../errors.js';
import {
  applyPvCaseChange,
  noPvCases,
  type PvCaseCounts,
  type PvCaseQuery,
  resolvePvCaseQuery,
} from '../listening-model.js';
import type { Page, PvCasesResource } from '../map-store.js';
import type { EmbeddedDataFolder } from './embedded-data-folder.js';
import { pagePvCases, readPvCases, writePvCases } from './listening-files.js';

export class EmbeddedPvCases implements PvCasesResource {
  private readonly folder: EmbeddedDataFolder;

  constructor(folder: EmbeddedDataFolder) {
    this.folder = folder;
  }

  async list(mapId: string, query?: PvCaseQuery): Promise<Page<PvCase>> {
    const resolved = resolvePvCaseQuery(mapId, query);
    return pagePvCases(mapId, await this.read(mapId), resolved);
  }

  async count(mapId: string): Promise<PvCaseCounts> {
    const counts = noPvCases();
    for (const { status } of await this.read(mapId)) counts[status]++;
    return counts;
  }

  async get(mapId: string, caseId: string): Promise<PvCase> {
    const found = (await this.read(mapId)).find(({ id }) => id === caseId);
    if (!found) throw new PvCaseNotFoundError(mapId, caseId);
    return found;
  }

  async update(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: PvReviewer,
  ): Promise<PvCase> {
    // Queued on the map: the read, the change and the write of one update before the next starts.
    return this.folder.queued(mapId, async () => {
      const cases = await this.read(mapId);
      const index = cases.findIndex(({ id }) => id === caseId);
      if (index < 0) throw new PvCaseNotFoundError(mapId, caseId);
      const changed = applyPvCaseChange(cases[index] as PvCase, change, reviewer);
      cases[index] = changed;
      await this.folder.io(() => writePvCases(this.folder.listeningPaths(mapId), cases));
      return changed;
    });
  }

  /** The review queue of a ready map, in queue order. */
  private async read(mapId: string): Promise<PvCase[]> {
    await this.folder.readyInfo(mapId);
    const cases = await this.folder.io(() => readPvCases(this.folder.listeningPaths(mapId)));
    if (cases === null) throw new ListeningNotFoundError(mapId);
    return cases;
  }
}
