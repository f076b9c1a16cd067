// The pharmacovigilance review rules as the PV queue shows them: which statuses a case may go to
// from its own, which changes need a note, and the words for each. The API applies core's rules
// (PV_REVIEW_TRANSITIONS in @kolmap/core); test/viewer checks that these are the same.
import type { PvStatus } from '../api/api-types.js';

/** The statuses a case may go to from each status; `reported` is final. */
export const PV_TRANSITIONS: Readonly<Record<PvStatus, readonly PvStatus[]>> = Object.freeze({
  new: ['in_review', 'reported', 'dismissed'],
  in_review: ['reported', 'dismissed'],
  dismissed: ['in_review'],
  reported: [],
});

export const PV_STATUS_LABELS: Readonly<Record<PvStatus, string>> = Object.freeze({
  new: 'New',
  in_review: 'In review',
  reported: 'Reported',
  dismissed: 'Dismissed',
});

/** Dismissing a case, and taking a dismissed case back, need a note saying why. */
export function needsNote(from: PvStatus, to: PvStatus): boolean {
  return to === 'dismissed' || from === 'dismissed';
}

/** The button that moves a case from `from` to `to`. */
export function transitionLabel(from: PvStatus, to: PvStatus): string {
  if (to === 'in_review') return from === 'dismissed' ? 'Reopen for review' : 'Start review';
  if (to === 'reported') return 'Mark as reported';
  if (to === 'dismissed') return 'Dismiss';
  return PV_STATUS_LABELS[to];
}

/**
 * The statuses allowed, as a 409 `INVALID_REVIEW_CHANGE` gives them (`details[0].allowed`), or null
 * when the details do not say.
 */
export function allowedFromConflict(details: unknown): PvStatus[] | null {
  if (!Array.isArray(details)) return null;
  const allowed = (details[0] as { allowed?: unknown } | undefined)?.allowed;
  if (!Array.isArray(allowed)) return null;
  return allowed.filter((status): status is PvStatus => status in PV_STATUS_LABELS);
}
