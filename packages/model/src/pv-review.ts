// The pharmacovigilance review rules: the statuses a case goes through (new → in_review → reported or
// dismissed), the changes a reviewer may make, which of them need a note, and the change itself.
import { z } from 'zod';

export const PV_REVIEW_STATUSES = ['new', 'in_review', 'reported', 'dismissed'] as const;
export type PvReviewStatus = (typeof PV_REVIEW_STATUSES)[number];

/**
 * The changes a reviewer may make. `reported` is final: the case has gone to pharmacovigilance.
 * A dismissed case can be taken back into review.
 */
export const PV_REVIEW_TRANSITIONS: Readonly<Record<PvReviewStatus, readonly PvReviewStatus[]>> =
  Object.freeze({
    new: ['in_review', 'reported', 'dismissed'],
    in_review: ['reported', 'dismissed'],
    dismissed: ['in_review'],
    reported: [],
  });

/** Dismissing a case, and taking a dismissed case back into review, need a note saying why. */
export function reviewChangeNeedsNote(from: PvReviewStatus, to: PvReviewStatus): boolean {
  return to === 'dismissed' || from === 'dismissed';
}

/** A status change the review rules allow from a case's status, and whether it needs a note. */
export interface PvAllowedChange {
  status: PvReviewStatus;
  needsNote: boolean;
}

/** The status changes allowed from `status`, in `PV_REVIEW_TRANSITIONS` order; none from `reported`. */
export function allowedReviewChanges(status: PvReviewStatus): PvAllowedChange[] {
  return PV_REVIEW_TRANSITIONS[status].map((to) => ({
    status: to,
    needsNote: reviewChangeNeedsNote(status, to),
  }));
}

/** What a line of a case's audit trail records. */
export const PV_AUDIT_ACTIONS = ['flagged', 'status', 'assignee', 'note'] as const;
export type PvAuditAction = (typeof PV_AUDIT_ACTIONS)[number];

/** A reviewer's change to a case: a status, an assignee (null unassigns), a note; at least one. */
export const pvCaseChangeSchema = z
  .strictObject({
    status: z.enum(PV_REVIEW_STATUSES).optional(),
    /** A user id, or null to unassign. */
    assignee: z.string().trim().min(1).nullable().optional(),
    note: z.string().trim().min(1).optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'nothing to change' });
/** A reviewer's change to a case (see core's `changePvCase`). */
export type PvCaseChange = z.infer<typeof pvCaseChangeSchema>;
