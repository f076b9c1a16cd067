// The pharmacovigilance review queue of the Neo4j store: one :PvCase node per case (written with the
// map's listening, neo4j-listening.ts), paged through its (mapId, _order) index; a review locks the
// case and appends to its audit trail, never rewriting it.
import type { PvCase, PvCaseChange, PvReviewer, PvReviewStatus } from '@kolmap/core';
import type { ManagedTransaction } from 'neo4j-driver';
import { ListeningNotFoundError, PvCaseNotFoundError } from '../errors.js';
import {
  applyPvCaseChange,
  noPvCases,
  type PvCaseCounts,
  type PvCaseQuery,
  pvCaseCursor,
  pvCaseOrder,
  resolvePvCaseQuery,
} from '../listening-model.js';
import type { Page, PvCasesResource } from '../map-store.js';
import * as cypher from './listening-cypher.js';
import { fromNeo4j, fromPvCaseProperties, toInteger } from './mapper.js';
import type { Neo4jDatabase } from './neo4j-database.js';
import { listeningInfoIn, requireListening } from './neo4j-listening.js';

export class Neo4jPvCases implements PvCasesResource {
  private readonly db: Neo4jDatabase;

  constructor(db: Neo4jDatabase) {
    this.db = db;
  }

  async list(mapId: string, query?: PvCaseQuery): Promise<Page<PvCase>> {
    const resolved = resolvePvCaseQuery(mapId, query);
    const records = await this.db.read(async (tx) => {
      await requireListening(this.db, tx, mapId);
      const parameters = {
        mapId,
        after: resolved.after,
        statuses: resolved.statuses,
        limit: toInteger(resolved.limit + 1),
      };
      return (await tx.run(cypher.LIST_PV_CASES, parameters)).records;
    });
    const items = records
      .slice(0, resolved.limit)
      .map((record) => fromPvCaseProperties(record.get('pvCase')));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        records.length > resolved.limit && last
          ? pvCaseCursor(mapId, resolved, pvCaseOrder(last))
          : null,
    };
  }

  async count(mapId: string): Promise<PvCaseCounts> {
    const records = await this.db.read(async (tx) => {
      await requireListening(this.db, tx, mapId);
      return (await tx.run(cypher.COUNT_PV_CASES, { mapId })).records;
    });
    const counts = noPvCases();
    for (const record of records) {
      counts[record.get('status') as PvReviewStatus] = fromNeo4j(record.get('cases')) as number;
    }
    return counts;
  }

  async get(mapId: string, caseId: string): Promise<PvCase> {
    return this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      const record = (await tx.run(cypher.GET_PV_CASE, { mapId, id: caseId })).records[0];
      if (!record) throw await caseNotFound(tx, mapId, caseId);
      return fromPvCaseProperties(record.get('pvCase'));
    });
  }

  /**
   * Locks the case, reads it, applies the change and appends its audit entries, in one write
   * transaction: a concurrent update of the case waits for the lock and sees this one's result.
   */
  async update(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: PvReviewer,
  ): Promise<PvCase> {
    return this.db.write(async (tx) => {
      await this.db.requireMap(tx, mapId);
      const record = (await tx.run(cypher.LOCK_PV_CASE, { mapId, id: caseId })).records[0];
      if (!record) throw await caseNotFound(tx, mapId, caseId);
      const current = fromPvCaseProperties(record.get('pvCase'));
      const changed = applyPvCaseChange(current, change, reviewer);
      await tx.run(cypher.UPDATE_PV_CASE, {
        mapId,
        id: caseId,
        status: changed.status,
        assignee: changed.assignee,
        entries: changed.history
          .slice(current.history.length)
          .map((entry) => JSON.stringify(entry)),
      });
      return changed;
    });
  }
}

/** The error for a case not found: the map has no listening at all, or not this case. */
async function caseNotFound(tx: ManagedTransaction, mapId: string, caseId: string) {
  return (await listeningInfoIn(tx, mapId)) === null
    ? new ListeningNotFoundError(mapId)
    : new PvCaseNotFoundError(mapId, caseId);
}
