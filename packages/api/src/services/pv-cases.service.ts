// The pharmacovigilance review queue: pages of cases with the counts per status, one case, and a
// reviewer's change. Each case is given with the status changes the review rules allow next.
import {
  allowedReviewChanges,
  type PvAllowedChange,
  type PvCase,
  type PvCaseChange,
} from '@kolmap/core';
import type { PvCaseCounts, PvCaseQuery } from '../store/listening-model.js';
import type { PvCasesResource } from '../store/map-store.js';

/** A case with the status changes a reviewer may make next (none once reported). */
export interface ReviewedPvCase extends PvCase {
  allowedChanges: PvAllowedChange[];
}

/** A page of the queue, and how many of the map's cases are in each status whatever the filter. */
export interface PvCasePage {
  items: ReviewedPvCase[];
  nextCursor: string | null;
  byStatus: PvCaseCounts;
}

export class PvCasesService {
  private readonly pvCases: PvCasesResource;

  constructor(pvCases: PvCasesResource) {
    this.pvCases = pvCases;
  }

  /** Cases, oldest flagged post first, filtered by status, one page at a time. */
  async list(mapId: string, query: PvCaseQuery): Promise<PvCasePage> {
    const [page, byStatus] = await Promise.all([
      this.pvCases.list(mapId, query),
      this.pvCases.count(mapId),
    ]);
    return { ...page, items: page.items.map(withAllowedChanges), byStatus };
  }

  async get(mapId: string, caseId: string): Promise<ReviewedPvCase> {
    return withAllowedChanges(await this.pvCases.get(mapId, caseId));
  }

  /** Applies `reviewer`'s change now (PvReviewConflictError when the review rules forbid it). */
  async review(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: string,
  ): Promise<ReviewedPvCase> {
    const changed = await this.pvCases.update(mapId, caseId, change, {
      by: reviewer,
      at: new Date().toISOString(),
    });
    return withAllowedChanges(changed);
  }
}

function withAllowedChanges(pvCase: PvCase): ReviewedPvCase {
  return { ...pvCase, allowedChanges: allowedReviewChanges(pvCase.status) };
}
