// The pharmacovigilance review queue: one case per flagged post, its status (new → in_review →
// reported or dismissed), who it is assigned to, and an audit trail of who changed what and when.
// Pure data: every change returns a new case; the API persists them.
import {
  PV_REVIEW_TRANSITIONS,
  type PvAuditAction,
  type PvCaseChange,
  type PvReviewStatus,
  pvCaseChangeSchema,
  reviewChangeNeedsNote,
} from '@kolmap/model';
import { z } from 'zod';
import { parseOptions } from '../options.js';
import type { PvCriteria, PvEventKind } from './detect-pv-cases.js';

/** A flagged post as it was when flagged: the case keeps it whatever happens to the raw post. */
export interface PvFlag {
  /** The post's key, `platform:id`: also the case id. */
  post: string;
  postId: string;
  platform: string;
  /** Author's account key. */
  author: string;
  createdAt: string;
  language: string | null;
  text: string;
  kinds: PvEventKind[];
  criteria: PvCriteria;
}

/** One line of a case's audit trail. */
export interface PvAuditEntry {
  /** ISO 8601 date-time. */
  at: string;
  /** Who: a user id, or the process that flagged the post. */
  by: string;
  action: PvAuditAction;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface PvCase {
  /** The flagged post's key. */
  id: string;
  flag: PvFlag;
  status: PvReviewStatus;
  assignee: string | null;
  /** Oldest first; never shortened. */
  history: PvAuditEntry[];
}

/** Who makes a change, and when (ISO 8601). */
export interface PvReviewer {
  by: string;
  at: string;
}

const who = z.strictObject({
  by: z.string().trim().min(1),
  at: z.iso.datetime({ offset: true }),
});

/** A change the review rules do not allow: a status that cannot follow the current one, a missing note. */
export class PvReviewError extends Error {
  readonly code = 'INVALID_REVIEW_CHANGE';
  readonly caseId: string;

  constructor(caseId: string, message: string) {
    super(`case ${caseId}: ${message}`);
    this.name = 'PvReviewError';
    this.caseId = caseId;
  }
}

/** New cases (`new`, unassigned) for flagged posts, each with a `flagged` audit entry. */
export function openPvCases(flags: readonly PvFlag[], reviewer: PvReviewer): PvCase[] {
  const { by, at } = parseOptions(who, reviewer);
  return flags.map((flag) => ({
    id: flag.post,
    flag,
    status: 'new',
    assignee: null,
    history: [
      {
        at,
        by,
        action: 'flagged',
        from: null,
        to: 'new',
        note: `${flag.kinds.join(', ')}: ${flag.criteria.products.join(', ')}; ${flag.criteria.events.join(', ')}`,
      },
    ],
  }));
}

/**
 * The queue after listening again: every case already in `queue` as it is (status, assignee and trail
 * untouched, even when its post is no longer flagged), then a new case for each flagged post that has
 * none yet.
 */
export function mergePvCases(
  queue: readonly PvCase[],
  flags: readonly PvFlag[],
  reviewer: PvReviewer,
): PvCase[] {
  const known = new Set(queue.map((item) => item.id));
  return [
    ...queue,
    ...openPvCases(
      flags.filter((flag) => !known.has(flag.post)),
      reviewer,
    ),
  ];
}

/**
 * Applies a reviewer's change and returns the new case, with one audit entry per field changed
 * (status, then assignee, then a note on its own when nothing else changed; a note given with a
 * status or assignee change goes on that entry). Allowed statuses follow `PV_REVIEW_TRANSITIONS`;
 * dismissing a case and taking a dismissed case back need a note saying why.
 *
 * @throws InvalidInputError on a malformed change or reviewer (field = its path);
 *   PvReviewError (code `INVALID_REVIEW_CHANGE`) when the rules forbid the change.
 */
export function changePvCase(pvCase: PvCase, change: PvCaseChange, reviewer: PvReviewer): PvCase {
  const { status, assignee, note } = parseOptions(pvCaseChangeSchema, change);
  const { by, at } = parseOptions(who, reviewer);
  const history = [...pvCase.history];
  const next: PvCase = { ...pvCase, history };
  let noted = false;
  if (status !== undefined && status !== pvCase.status) {
    if (!PV_REVIEW_TRANSITIONS[pvCase.status].includes(status)) {
      const allowed = PV_REVIEW_TRANSITIONS[pvCase.status];
      throw new PvReviewError(
        pvCase.id,
        `cannot go from ${pvCase.status} to ${status}; ${allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : `${pvCase.status} is final`}`,
      );
    }
    if (reviewChangeNeedsNote(pvCase.status, status) && note === undefined) {
      throw new PvReviewError(
        pvCase.id,
        status === 'dismissed' ? 'dismissing needs a note' : 'reopening needs a note',
      );
    }
    history.push({ at, by, action: 'status', from: pvCase.status, to: status, note: note ?? null });
    next.status = status;
    noted = true;
  }
  if (assignee !== undefined && assignee !== pvCase.assignee) {
    history.push({
      at,
      by,
      action: 'assignee',
      from: pvCase.assignee,
      to: assignee,
      note: noted ? null : (note ?? null),
    });
    next.assignee = assignee;
    noted = true;
  }
  if (note !== undefined && !noted) {
    history.push({ at, by, action: 'note', from: null, to: null, note });
  }
  return next;
}

/** Whether a case's post is kept out of marketing exports (see `marketingExclusions`). */
export interface PvExclusionOptions {
  /** Let posts whose case was dismissed after review back into exports. Default false. */
  releaseDismissed?: boolean;
}

/**
 * Keys of the posts marketing exports leave out: every flagged post, whatever its review status, unless
 * `releaseDismissed` lets the dismissed ones back.
 */
export function marketingExclusions(
  cases: readonly PvCase[],
  options: PvExclusionOptions = {},
): Set<string> {
  const excluded = new Set<string>();
  for (const item of cases) {
    if (options.releaseDismissed === true && item.status === 'dismissed') continue;
    excluded.add(item.id);
  }
  return excluded;
}
