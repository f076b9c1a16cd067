// The pharmacovigilance review queue (analysts and admins only: for other roles the tab is never
// shown and the queue never asked for): the flagged posts filtered by status, and a case with its post,
// reporter, product, event terms and audit trail, where a reviewer changes its status (with a note
// where the rules ask for one) or its assignee.
import { ApiError } from '../api/api-client.js';
import { PV_STATUSES, type PvCase, type PvCasePage, type PvStatus } from '../api/api-types.js';
import { displayName } from '../graph/map-graph.js';
import { languageLabel, platformLabel } from '../graph/vocabulary.js';
import { allowedFromConflict, PV_STATUS_LABELS, transitionLabel } from '../listening/pv-review.js';
import { type Child, formatCount, formatDate, formatDateTime, h, replaceChildren } from './dom.js';
import { type MapContext, selectAccount } from './map-context.js';

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

/**
 * Mounts the queue once the first page is in, and resolves whether there is one: false on 404
 * (no listening), when nothing is mounted. Only for analysts and admins (the API answers 403).
 */
export async function mountPvQueuePanel(panel: HTMLElement, context: MapContext): Promise<boolean> {
  const { api, map } = context;
  let first: PvCasePage;
  try {
    first = await api.listPvCases(map.id, { status: null, cursor: null });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
  let status: PvStatus | null = null;
  let cases: PvCase[] = first.items;
  let nextCursor = first.nextCursor;
  /** Cases of the map in each status, whatever the filter. */
  let byStatus = first.byStatus;
  let open: PvCase | null = null;
  /** The outcome of the last change, shown in the case. */
  let outcome: { kind: 'info' | 'error'; text: string } | null = null;

  const list = h('div', { class: 'pv-list' });
  const detail = h('div', { class: 'pv-detail' });
  const filters = h(
    'div',
    { class: 'segmented pv-filter', role: 'group', 'aria-label': 'Status' },
    ...[null, ...PV_STATUSES].map((value) =>
      h(
        'button',
        {
          type: 'button',
          class: 'segment',
          dataset: { status: value ?? 'all' },
          onclick: () => {
            status = value;
            void reload();
          },
        },
        value === null ? 'All' : PV_STATUS_LABELS[value],
      ),
    ),
  );
  const intro = h('p', { class: 'panel-intro' });
  const queue = h('div', { class: 'pv-queue' }, intro, filters, list);
  panel.append(queue, detail);

  async function reload() {
    list.setAttribute('aria-busy', 'true');
    try {
      const page = await api.listPvCases(map.id, { status, cursor: null });
      cases = page.items;
      nextCursor = page.nextCursor;
      byStatus = page.byStatus;
    } catch (error) {
      context.toast(`The cases could not be loaded: ${(error as Error).message}`, 'error');
    }
    list.removeAttribute('aria-busy');
    drawList();
  }

  async function more() {
    if (nextCursor === null) return;
    try {
      const page = await api.listPvCases(map.id, { status, cursor: nextCursor });
      cases = [...cases, ...page.items];
      nextCursor = page.nextCursor;
      byStatus = page.byStatus;
      drawList();
    } catch (error) {
      context.toast(`More cases could not be loaded: ${(error as Error).message}`, 'error');
    }
  }

  function drawList() {
    queue.hidden = open !== null;
    detail.hidden = open === null;
    intro.textContent = `Posts that may report an adverse event or a quality complaint, oldest first: ${formatCount(cases.length)}${nextCursor === null ? '' : '+'} ${status === null ? '' : `${PV_STATUS_LABELS[status].toLowerCase()} `}${cases.length === 1 ? 'case' : 'cases'}.`;
    for (const button of filters.querySelectorAll<HTMLButtonElement>('.segment')) {
      const value = button.dataset.status as PvStatus | 'all';
      button.setAttribute('aria-pressed', String(value === (status ?? 'all')));
      const count =
        value === 'all'
          ? PV_STATUSES.reduce((sum, one) => sum + byStatus[one], 0)
          : byStatus[value];
      button.textContent = `${value === 'all' ? 'All' : PV_STATUS_LABELS[value]} ${formatCount(count)}`;
    }
    replaceChildren(
      list,
      h(
        'ul',
        { class: 'pv-cases' },
        ...cases.map((item) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'pv-case-row',
                onclick: () => {
                  open = item;
                  outcome = null;
                  drawDetail();
                },
              },
              h(
                'span',
                { class: 'pv-case-head' },
                h('strong', {}, item.flag.criteria.products.join(', ')),
                statusChip(item.status),
              ),
              h(
                'span',
                { class: 'pv-case-meta' },
                [
                  item.flag.kinds.map((kind) => KIND_LABELS[kind] ?? kind).join(', '),
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
      cases.length === 0 ? h('p', { class: 'muted' }, 'No case.') : null,
      nextCursor === null
        ? null
        : h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => void more() },
            'Show more',
          ),
    );
  }

  function drawDetail() {
    const item = open;
    queue.hidden = item !== null;
    detail.hidden = item === null;
    if (item === null) return drawList();
    const { flag } = item;
    const reporterNode = nodeOfAccount(flag.author);
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
    const fact = (label: string, value: Child) =>
      facts.push(h('dt', {}, label), h('dd', {}, value));
    fact(
      'Reporter',
      reporterNode
        ? h(
            'span',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                title: 'Select on the map',
                onclick: () => selectAccount(context, reporterNode),
              },
              displayName(reporterNode, context.data.graph.getNodeAttributes(reporterNode)),
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
    fact('Kind', flag.kinds.map((kind) => KIND_LABELS[kind] ?? kind).join(', '));
    replaceChildren(
      detail,
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          onclick: () => {
            open = null;
            drawList();
          },
        },
        '← All cases',
      ),
      h(
        'header',
        { class: 'pv-detail-head' },
        h('h3', { id: 'pv-case-title' }, `Case ${item.id}`),
        statusChip(item.status),
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
                      onclick: () => {
                        const text = note.value.trim();
                        if (needsNote && text === '') {
                          outcome = {
                            kind: 'error',
                            text: `${transitionLabel(item.status, to)}: write a note saying why first.`,
                          };
                          drawOutcome();
                          note.focus();
                          return;
                        }
                        void change({ status: to, ...(text === '' ? {} : { note: text }) });
                      },
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
              onclick: () => {
                const value = assignee.value.trim();
                if (value === (item.assignee ?? '')) return;
                void change({ assignee: value === '' ? null : value });
              },
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
              h(
                'span',
                { class: 'audit-what' },
                `${ACTION_LABELS[entry.action] ?? entry.action}${
                  entry.action === 'status' || entry.action === 'flagged'
                    ? `: ${[entry.from, entry.to]
                        .filter((value) => value !== null)
                        .map(statusWord)
                        .join(' → ')}`
                    : entry.action === 'assignee'
                      ? `: ${entry.to ?? 'nobody'}`
                      : ''
                }`,
              ),
              h('span', { class: 'muted small' }, `${formatDateTime(entry.at)} · ${entry.by}`),
              entry.note ? h('span', { class: 'audit-note' }, entry.note) : null,
            ),
          ),
        ),
      ),
    );
    drawOutcome();
  }

  function drawOutcome() {
    const line = detail.querySelector('.pv-outcome');
    if (!line) return;
    line.textContent = outcome?.text ?? '';
    line.className = `pv-outcome ${outcome?.kind === 'error' ? 'error' : 'muted'}`;
  }

  async function change(changes: Parameters<typeof api.updatePvCase>[2]) {
    const item = open;
    if (item === null) return;
    try {
      const changed = await api.updatePvCase(map.id, item.id, changes);
      replaceCase(changed);
      outcome = { kind: 'info', text: 'Saved: the audit trail has it.' };
    } catch (error) {
      outcome = { kind: 'error', text: refusal(error) };
      // The case may have changed elsewhere: show it as it is now.
      try {
        replaceCase(await api.getPvCase(map.id, item.id));
      } catch {
        // The refusal says what went wrong; the case stays as shown.
      }
    }
    drawDetail();
  }

  function replaceCase(changed: PvCase) {
    const before = cases.find((item) => item.id === changed.id) ?? open;
    if (before && before.status !== changed.status) {
      byStatus = {
        ...byStatus,
        [before.status]: byStatus[before.status] - 1,
        [changed.status]: byStatus[changed.status] + 1,
      };
    }
    open = changed;
    cases = cases
      .map((item) => (item.id === changed.id ? changed : item))
      .filter((item) => status === null || item.status === status || item.id === changed.id);
  }

  const nodeOfAccount = (account: string) => context.accountIndex().get(account) ?? null;

  drawList();
  return true;
}

/** The words of a refused change: a 409 names the statuses the case may go to. */
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

function statusWord(status: string): string {
  return PV_STATUS_LABELS[status as PvStatus] ?? status;
}

function statusChip(status: PvStatus): HTMLElement {
  return h('span', { class: `status-chip status-${status}` }, PV_STATUS_LABELS[status]);
}
