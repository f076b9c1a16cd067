// The PV queue's state: the cases listed (of one status or all), the map's count of cases in each
// status, the case open and the outcome of the last change; the actions on it and the words shown.
import {
  PV_REVIEW_STATUSES,
  type PvAuditEntryView,
  type PvCaseChange,
  type PvCasePage,
  type PvCaseView,
  type PvReviewStatus,
} from '@kolmap/model';
import { ApiError } from '../../api/api-client.js';
import {
  allowedFromConflict,
  PV_STATUS_LABELS,
  transitionLabel,
} from '../../listening/pv-review.js';
import { formatCount } from '../dom.js';

/** What became of a change, shown in the case. */
export interface PvOutcome {
  kind: 'info' | 'error';
  text: string;
}

export interface PvQueueState {
  /** The status listed; null for all. */
  status: PvReviewStatus | null;
  cases: PvCaseView[];
  nextCursor: string | null;
  /** Cases of the map in each status, whatever the filter. */
  byStatus: Record<PvReviewStatus, number>;
  /** The case shown instead of the list. */
  open: PvCaseView | null;
  outcome: PvOutcome | null;
}

export type PvQueueAction =
  /** Lists another status (its cases come with `listed`). */
  | { type: 'filter'; status: PvReviewStatus | null }
  /** A first page of the status listed. */
  | { type: 'listed'; page: PvCasePage }
  /** The next page, after the cases listed. */
  | { type: 'more'; page: PvCasePage }
  | { type: 'open'; item: PvCaseView }
  | { type: 'close' }
  /** A case as the API gives it after a change. */
  | { type: 'changed'; item: PvCaseView }
  | { type: 'outcome'; outcome: PvOutcome };

const KIND_LABELS: Record<string, string> = {
  'adverse-event': 'Adverse event',
  'quality-complaint': 'Quality complaint',
};

const ACTION_LABELS: Record<string, string> = {
  flagged: 'Flagged',
  status: 'Status',
  assignee: 'Assignee',
  note: 'Note',
};

/** The queue as its first page opens it: every status, no case open. */
export function initialPvQueue(first: PvCasePage): PvQueueState {
  return {
    status: null,
    cases: first.items,
    nextCursor: first.nextCursor,
    byStatus: first.byStatus,
    open: null,
    outcome: null,
  };
}

/** The queue after `action`. */
export function reducePvQueue(state: PvQueueState, action: PvQueueAction): PvQueueState {
  switch (action.type) {
    case 'filter':
      return { ...state, status: action.status };
    case 'listed':
      return {
        ...state,
        cases: action.page.items,
        nextCursor: action.page.nextCursor,
        byStatus: action.page.byStatus,
      };
    case 'more':
      return {
        ...state,
        cases: [...state.cases, ...action.page.items],
        nextCursor: action.page.nextCursor,
        byStatus: action.page.byStatus,
      };
    case 'open':
      return { ...state, open: action.item, outcome: null };
    case 'close':
      return { ...state, open: null };
    case 'changed':
      return withChangedCase(state, action.item);
    case 'outcome':
      return { ...state, outcome: action.outcome };
  }
}

/**
 * The changed case open, in the list in place of what it was (kept there even when it left the
 * status listed), and the counts moved from its old status to its new one.
 */
function withChangedCase(state: PvQueueState, changed: PvCaseView): PvQueueState {
  const before = state.cases.find((item) => item.id === changed.id) ?? state.open;
  const byStatus =
    before && before.status !== changed.status
      ? {
          ...state.byStatus,
          [before.status]: state.byStatus[before.status] - 1,
          [changed.status]: state.byStatus[changed.status] + 1,
        }
      : state.byStatus;
  const cases = state.cases
    .map((item) => (item.id === changed.id ? changed : item))
    .filter(
      (item) => state.status === null || item.status === state.status || item.id === changed.id,
    );
  return { ...state, open: changed, cases, byStatus };
}

/** The map's count of cases in `status` (null: in all of them). */
export function casesInStatus(state: PvQueueState, status: PvReviewStatus | null): number {
  return status === null
    ? PV_REVIEW_STATUSES.reduce((sum, one) => sum + state.byStatus[one], 0)
    : state.byStatus[status];
}

/** The line above the list: how many cases it shows ("50+ new cases"). */
export function pvQueueIntro(state: PvQueueState): string {
  const { cases, nextCursor, status } = state;
  return `Posts that may report an adverse event or a quality complaint, oldest first: ${formatCount(cases.length)}${nextCursor === null ? '' : '+'} ${status === null ? '' : `${PV_STATUS_LABELS[status].toLowerCase()} `}${cases.length === 1 ? 'case' : 'cases'}.`;
}

/**
 * The change a review button asks for, with the note written; an error outcome instead when the
 * change needs a note and there is none.
 */
export function toReviewChange(
  item: PvCaseView,
  to: PvReviewStatus,
  needsNote: boolean,
  note: string,
): { change: PvCaseChange } | { outcome: PvOutcome } {
  const text = note.trim();
  if (needsNote && text === '') {
    return {
      outcome: {
        kind: 'error',
        text: `${transitionLabel(item.status, to)}: write a note saying why first.`,
      },
    };
  }
  return { change: { status: to, ...(text === '' ? {} : { note: text }) } };
}

/** The change the assignee field asks for (empty unassigns); null when it is the same. */
export function toAssigneeChange(item: PvCaseView, value: string): PvCaseChange | null {
  const assignee = value.trim();
  if (assignee === (item.assignee ?? '')) return null;
  return { assignee: assignee === '' ? null : assignee };
}

/** The outcome of a refused change: a 409 names the statuses the case may go to. */
export function refusalOutcome(error: unknown): PvOutcome {
  return { kind: 'error', text: refusal(error) };
}

function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return `The change failed: ${String(error)}`;
  if (error.code !== 'INVALID_REVIEW_CHANGE') return `The change failed: ${error.message}`;
  const allowed = allowedFromConflict(error.details);
  const next =
    allowed === null
      ? ''
      : allowed.length === 0
        ? ' The case is closed: no status may follow.'
        : ` Allowed now: ${allowed.map(statusWord).join(', ')}.`;
  return `Not allowed: ${error.message}.${next}`;
}

/** A status's word, or the value itself when it is none of the review's. */
export function statusWord(status: string): string {
  return PV_STATUS_LABELS[status as PvReviewStatus] ?? status;
}

/** "Adverse event, Quality complaint". */
export function kindsLabel(kinds: readonly string[]): string {
  return kinds.map((kind) => KIND_LABELS[kind] ?? kind).join(', ');
}

/** What an audit line says was done: "Status: New → In review", "Assignee: nobody", "Note". */
export function auditWhat(entry: PvAuditEntryView): string {
  const label = ACTION_LABELS[entry.action] ?? entry.action;
  if (entry.action === 'status' || entry.action === 'flagged') {
    return `${label}: ${[entry.from, entry.to]
      .filter((value) => value !== null)
      .map(statusWord)
      .join(' → ')}`;
  }
  if (entry.action === 'assignee') return `${label}: ${entry.to ?? 'nobody'}`;
  return label;
}
