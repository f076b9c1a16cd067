// A PV case: its post, reporter, product, event terms and patient, the review (the status changes the
// rules allow, a note, the assignee) and the audit trail.
import { languageLabel, type PvCaseView, type PvReviewStatus, platformLabel } from '@kolmap/model';
import { transitionLabel } from '../../listening/pv-review.js';
import { type Child, formatDateTime, h, replaceChildren } from '../dom.js';
import { pvStatusChip } from './pv-case-list.js';
import { auditWhat, kindsLabel, type PvOutcome } from './pv-queue-state.js';

export interface PvCaseDetailActions {
  /** Back to the list. */
  close: () => void;
  /** A review button: the change to `to`, with the note written (`note` to focus when one is missing). */
  review: (to: PvReviewStatus, needsNote: boolean, note: HTMLTextAreaElement) => void;
  /** The assignee field's value, when Assign is pressed. */
  assign: (value: string) => void;
}

/** The reporter as the map knows them: the name of their account's node, and how to select it. */
export interface PvReporter {
  name: string;
  select: () => void;
}

/** Draws `item` into `detail` (the outcome line empty: drawPvOutcome fills it). */
export function drawPvCaseDetail(
  detail: HTMLElement,
  item: PvCaseView,
  reporter: PvReporter | null,
  actions: PvCaseDetailActions,
): void {
  const { flag } = item;
  const note = h('textarea', {
    id: 'pv-note',
    class: 'text-input pv-note',
    rows: 2,
    maxLength: 2000,
    placeholder: 'Why (needed to dismiss or reopen)',
  });
  const assignee = h('input', {
    id: 'pv-assignee',
    class: 'text-input',
    value: item.assignee ?? '',
    maxLength: 200,
    placeholder: 'Name or user id',
  });
  const facts: Child[] = [];
  const fact = (label: string, value: Child) => facts.push(h('dt', {}, label), h('dd', {}, value));
  fact(
    'Reporter',
    reporter
      ? h(
          'span',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              title: 'Select on the map',
              onclick: reporter.select,
            },
            reporter.name,
          ),
          ` (${flag.author})`,
        )
      : flag.author,
  );
  fact(
    'Posted',
    `${platformLabel(flag.platform)}, ${formatDateTime(flag.createdAt)}${flag.language ? `, ${languageLabel(flag.language)}` : ''}`,
  );
  fact('Product', flag.criteria.products.join(', '));
  fact('Event terms', flag.criteria.events.join(', '));
  fact(
    'Patient',
    flag.criteria.patient === 'named'
      ? `named in the post (${flag.criteria.patientWords.join(', ')})`
      : 'the author, telling it as their own',
  );
  fact('Kind', kindsLabel(flag.kinds));
  replaceChildren(
    detail,
    h('button', { type: 'button', class: 'link-button', onclick: actions.close }, '← All cases'),
    h(
      'header',
      { class: 'pv-detail-head' },
      h('h3', { id: 'pv-case-title' }, `Case ${item.id}`),
      pvStatusChip(item.status),
    ),
    h('blockquote', { class: 'pv-post' }, flag.text),
    h('dl', { class: 'facts' }, ...facts),
    h(
      'section',
      { class: 'pv-review', 'aria-label': 'Review' },
      h('h4', {}, 'Review'),
      item.allowedChanges.length === 0
        ? h('p', { class: 'muted small' }, 'Reported to pharmacovigilance: the case is closed.')
        : h(
            'div',
            { class: 'pv-review-form' },
            h('label', { for: note.id }, 'Note'),
            note,
            h(
              'div',
              { class: 'button-row' },
              ...item.allowedChanges.map(({ status: to, needsNote }) =>
                h(
                  'button',
                  {
                    type: 'button',
                    class:
                      to === 'reported'
                        ? 'button button-small button-primary'
                        : 'button button-small',
                    dataset: { to },
                    title: needsNote ? 'Needs a note' : '',
                    onclick: () => actions.review(to, needsNote, note),
                  },
                  transitionLabel(item.status, to),
                ),
              ),
            ),
          ),
      h(
        'div',
        { class: 'pv-assign' },
        h('label', { for: assignee.id }, 'Assigned to'),
        assignee,
        h(
          'button',
          {
            type: 'button',
            class: 'button button-small',
            onclick: () => actions.assign(assignee.value),
          },
          'Assign',
        ),
      ),
      h('p', { class: 'pv-outcome', role: 'status' }),
    ),
    h(
      'section',
      { class: 'pv-history', 'aria-label': 'Audit trail' },
      h('h4', {}, 'Audit trail'),
      h(
        'ol',
        { class: 'audit-trail' },
        ...item.history.map((entry) =>
          h(
            'li',
            {},
            h('span', { class: 'audit-what' }, auditWhat(entry)),
            h('span', { class: 'muted small' }, `${formatDateTime(entry.at)} · ${entry.by}`),
            entry.note ? h('span', { class: 'audit-note' }, entry.note) : null,
          ),
        ),
      ),
    ),
  );
}

/** The outcome line of the case drawn in `detail`. */
export function drawPvOutcome(detail: HTMLElement, outcome: PvOutcome | null): void {
  const line = detail.querySelector('.pv-outcome');
  if (!line) return;
  line.textContent = outcome?.text ?? '';
  line.className = `pv-outcome ${outcome?.kind === 'error' ? 'error' : 'muted'}`;
}
