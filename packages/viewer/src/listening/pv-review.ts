// The words of the pharmacovigilance review queue. Which changes a case allows, and which need a
// note, the API says on each case (`allowedChanges`, from core's review rules).
import { type PvReviewStatus } from '@kolmap/model';

export const PV_STATUS_LABELS: Readonly<Record<PvReviewStatus, string>> = Object.freeze({
  new: 'New',
  in_review: 'In review',
  reported: 'Reported',
  dismissed: 'Dismissed',
});

/** The button that moves a case from `from` to `to`. */
export function transitionLabel(from: PvReviewStatus, to: PvReviewStatus): string {
  if (to === 'in_review') return from === 'dismissed' ? 'Reopen for review' : 'Start review';
  if (to === 'reported') return 'Mark as reported';
  if (to === 'dismissed') return 'Dismiss';
  return PV_STATUS_LABELS[to];
}

/**
 * The statuses allowed, as a 409 `INVALID_REVIEW_CHANGE` gives them (`details[0].allowed`), or null
 * when the details do not say.
 */
export function allowedFromConflict(details: unknown): PvReviewStatus[] | null {
  if (!Array.isArray(details)) return null;
  const allowed = (details[0] as { allowed?: unknown } | undefined)?.allowed;
  if (!Array.isArray(allowed)) return null;
  return allowed.filter((status): status is PvReviewStatus => status in PV_STATUS_LABELS);
}
