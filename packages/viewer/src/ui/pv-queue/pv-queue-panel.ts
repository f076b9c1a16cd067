// The pharmacovigilance review queue (analysts and admins only: for other roles the tab is never
// shown and the queue never asked for): the flagged posts filtered by status, and a case with its post,
// reporter, product, event terms and audit trail, where a reviewer changes its status (with a note
// where the rules ask for one) or its assignee. State, requests and drawing live beside this file.
import { type PvCaseChange } from '@kolmap/model';
import { displayName } from '../../graph/map-graph.js';
import { h } from '../dom.js';
import { type MapContext, selectAccount } from '../map-context.js';
import { drawPvCaseDetail, drawPvOutcome, type PvReporter } from './pv-case-detail.js';
import { drawPvCaseList, drawPvStatusFilter, pvStatusFilter } from './pv-case-list.js';
import { createPvQueueRequests } from './pv-queue-requests.js';
import {
  initialPvQueue,
  type PvQueueAction,
  pvQueueIntro,
  reducePvQueue,
  toAssigneeChange,
  toReviewChange,
} from './pv-queue-state.js';

/**
 * Mounts the queue once the first page is in, and resolves whether there is one: false on 404
 * (no listening), when nothing is mounted. Only for analysts and admins (the API answers 403).
 */
export async function mountPvQueuePanel(panel: HTMLElement, context: MapContext): Promise<boolean> {
  const requests = createPvQueueRequests(context.api, context.map.id);
  const first = await requests.first();
  if (first === null) return false;
  let state = initialPvQueue(first);
  const dispatch = (...actions: PvQueueAction[]) => {
    for (const action of actions) state = reducePvQueue(state, action);
  };

  const list = h('div', { class: 'pv-list' });
  const detail = h('div', { class: 'pv-detail' });
  const filter = pvStatusFilter((status) => {
    dispatch({ type: 'filter', status });
    void reload();
  });
  const intro = h('p', { class: 'panel-intro' });
  const queue = h('div', { class: 'pv-queue' }, intro, filter, list);
  panel.append(queue, detail);

  async function reload() {
    list.setAttribute('aria-busy', 'true');
    try {
      dispatch({ type: 'listed', page: await requests.page(state.status, null) });
    } catch (error) {
      context.toast(`The cases could not be loaded: ${(error as Error).message}`, 'error');
    }
    list.removeAttribute('aria-busy');
    drawList();
  }

  async function more() {
    if (state.nextCursor === null) return;
    try {
      dispatch({ type: 'more', page: await requests.page(state.status, state.nextCursor) });
      drawList();
    } catch (error) {
      context.toast(`More cases could not be loaded: ${(error as Error).message}`, 'error');
    }
  }

  async function change(changes: PvCaseChange) {
    if (state.open === null) return;
    dispatch(...(await requests.change(state.open.id, changes)));
    drawDetail();
  }

  function drawList() {
    queue.hidden = state.open !== null;
    detail.hidden = state.open === null;
    intro.textContent = pvQueueIntro(state);
    drawPvStatusFilter(filter, state);
    drawPvCaseList(list, state, {
      open: (item) => {
        dispatch({ type: 'open', item });
        drawDetail();
      },
      more: () => void more(),
    });
  }

  function drawDetail() {
    const item = state.open;
    queue.hidden = item !== null;
    detail.hidden = item === null;
    if (item === null) return drawList();
    drawPvCaseDetail(detail, item, reporterOf(item.flag.author), {
      close: () => {
        dispatch({ type: 'close' });
        drawList();
      },
      review: (to, needsNote, note) => {
        const asked = toReviewChange(item, to, needsNote, note.value);
        if ('change' in asked) return void change(asked.change);
        dispatch({ type: 'outcome', outcome: asked.outcome });
        drawPvOutcome(detail, state.outcome);
        note.focus();
      },
      assign: (value) => {
        const asked = toAssigneeChange(item, value);
        if (asked !== null) void change(asked);
      },
    });
    drawPvOutcome(detail, state.outcome);
  }

  /** The reporter's account on the map, when it is there. */
  function reporterOf(account: string): PvReporter | null {
    const node = context.accountIndex().get(account);
    if (node === undefined) return null;
    return {
      name: displayName(node, context.data.graph.getNodeAttributes(node)),
      select: () => selectAccount(context, node),
    };
  }

  drawList();
  return true;
}
