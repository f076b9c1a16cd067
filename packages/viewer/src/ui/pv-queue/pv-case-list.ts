// The PV queue's list: the status filter with the map's count of cases in each status, and the
// cases listed, each a button that opens it.
import {
  PV_REVIEW_STATUSES,
  type PvCaseView,
  type PvReviewStatus,
  platformLabel,
} from '@kolmap/model';
import { PV_STATUS_LABELS } from '../../listening/pv-review.js';
import { formatCount, formatDate, h, replaceChildren } from '../dom.js';
import { casesInStatus, kindsLabel, type PvQueueState } from './pv-queue-state.js';

/** The status filter's buttons (their counts and which is pressed: drawPvStatusFilter). */
export function pvStatusFilter(onChoose: (status: PvReviewStatus | null) => void): HTMLElement {
  return h(
    'div',
    { class: 'segmented pv-filter', role: 'group', 'aria-label': 'Status' },
    ...[null, ...PV_REVIEW_STATUSES].map((value) =>
      h(
        'button',
        {
          type: 'button',
          class: 'segment',
          dataset: { status: value ?? 'all' },
          onclick: () => onChoose(value),
        },
        value === null ? 'All' : PV_STATUS_LABELS[value],
      ),
    ),
  );
}

/** The filter's buttons as the state is: the status listed pressed, each with its count. */
export function drawPvStatusFilter(filter: HTMLElement, state: PvQueueState): void {
  for (const button of filter.querySelectorAll<HTMLButtonElement>('.segment')) {
    const value = button.dataset.status as PvReviewStatus | 'all';
    const status = value === 'all' ? null : value;
    button.setAttribute('aria-pressed', String(status === state.status));
    button.textContent = `${status === null ? 'All' : PV_STATUS_LABELS[status]} ${formatCount(casesInStatus(state, status))}`;
  }
}

/** Draws the cases listed into `list`, and "Show more" when there is a next page. */
export function drawPvCaseList(
  list: HTMLElement,
  state: PvQueueState,
  actions: { open: (item: PvCaseView) => void; more: () => void },
): void {
  replaceChildren(
    list,
    h(
      'ul',
      { class: 'pv-cases' },
      ...state.cases.map((item) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'pv-case-row', onclick: () => actions.open(item) },
            h(
              'span',
              { class: 'pv-case-head' },
              h('strong', {}, item.flag.criteria.products.join(', ')),
              pvStatusChip(item.status),
            ),
            h(
              'span',
              { class: 'pv-case-meta' },
              [
                kindsLabel(item.flag.kinds),
                platformLabel(item.flag.platform),
                formatDate(item.flag.createdAt),
                item.assignee ? `→ ${item.assignee}` : '',
              ]
                .filter(Boolean)
                .join(' · '),
            ),
            h('span', { class: 'pv-case-text' }, item.flag.text),
          ),
        ),
      ),
    ),
    state.cases.length === 0 ? h('p', { class: 'muted' }, 'No case.') : null,
    state.nextCursor === null
      ? null
      : h('button', { type: 'button', class: 'link-button', onclick: actions.more }, 'Show more'),
  );
}

/** A case's status as a coloured chip. */
export function pvStatusChip(status: PvReviewStatus): HTMLElement {
  return h('span', { class: `status-chip status-${status}` }, PV_STATUS_LABELS[status]);
}
