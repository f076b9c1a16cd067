// The PV queue's calls to the API: its pages and a reviewer's changes, each answer given as the
// actions that apply it to the queue's state.
import { type PvCaseChange, type PvCasePage, type PvReviewStatus } from '@kolmap/model';
import { type ApiClient, ApiError } from '../../api/api-client.js';
import { type PvQueueAction, refusalOutcome } from './pv-queue-state.js';

/** The requests of the PV queue of map `mapId`; they reject with ApiError as the client does. */
export function createPvQueueRequests(api: ApiClient, mapId: string) {
  return {
    /** The first page of the whole queue; null when the map has none (404: no listening). */
    async first(): Promise<PvCasePage | null> {
      try {
        return await api.listPvCases(mapId, { status: null, cursor: null });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },

    /** The first page of `status` (null: all), or the one after `cursor`. */
    page(status: PvReviewStatus | null, cursor: string | null): Promise<PvCasePage> {
      return api.listPvCases(mapId, { status, cursor });
    },

    /**
     * Sends a change to case `caseId`. Never rejects: a refusal becomes its outcome, and the case is
     * read again as it is now (it may have changed elsewhere), unless that fails too.
     */
    async change(caseId: string, changes: PvCaseChange): Promise<PvQueueAction[]> {
      try {
        const changed = await api.updatePvCase(mapId, caseId, changes);
        return [
          { type: 'changed', item: changed },
          { type: 'outcome', outcome: { kind: 'info', text: 'Saved: the audit trail has it.' } },
        ];
      } catch (error) {
        const refused: PvQueueAction = { type: 'outcome', outcome: refusalOutcome(error) };
        try {
          return [refused, { type: 'changed', item: await api.getPvCase(mapId, caseId) }];
        } catch {
          // The refusal says what went wrong; the case stays as shown.
          return [refused];
        }
      }
    },
  };
}
