// The side panel of the selected account: who they are (profile), why they matter (KOL score and
// its breakdown, ranks, role, community) and how to reach them (strongest interactions both ways,
// ego network, path to another account). This file wires the parts beside it to the page's stores.
import { createAccountSearch } from '../account-search.js';
import { h, replaceChildren } from '../dom.js';
import {
  communityName,
  describeAccount,
  type MapContext,
  selectAccount,
  toggleShortlisted,
} from '../map-context.js';
import { scoreWeights } from '../score-chart.js';
import { egoControls } from './account-ego.js';
import { accountImportance } from './account-importance.js';
import { pathFinder } from './account-path.js';
import { accountHeader, accountProfile } from './account-profile.js';
import { accountReach } from './account-reach.js';
import { createAccountDetails } from './account-requests.js';
import { type AccountAction, reduceAccountView, withDetails } from './account-state.js';

/** Mounts the account panel into `panel`: shown while an account of the map is selected. */
export function mountAccountPanel(panel: HTMLElement, context: MapContext): void {
  const { store, derived, data, api, map, shortlist, info } = context;
  const { graph } = data;
  const details = createAccountDetails(api, map.id, (key) => {
    if (store.get().selected === key) draw();
  });
  const dispatch = (action: AccountAction) =>
    store.set((state) => reduceAccountView(state, action));
  const content = h('div', { class: 'account-content' });
  panel.append(content);
  let shownKey: string | null = null;
  let drawnPath = store.get().path;
  /** Whether the next path follows the direction of attention (kept while no path is shown). */
  let followDirection = false;

  function draw() {
    const { selected, path, ego } = store.get();
    panel.hidden = selected === null || !graph.hasNode(selected);
    if (panel.hidden || selected === null) {
      shownKey = null;
      return;
    }
    const keepScroll = shownKey === selected ? content.scrollTop : 0;
    shownKey = selected;
    const newPath = path !== drawnPath && path !== null;
    drawnPath = path;
    const detail = details.get(selected);
    const attributes = withDetails(graph.getNodeAttributes(selected), detail);
    const { view } = derived.get();
    const communityId = attributes.community;
    const directed = path?.directed ?? followDirection;
    replaceChildren(
      content,
      accountHeader(selected, attributes, shortlist.get().keys.includes(selected), {
        close: () => dispatch({ type: 'close' }),
        toggleShortlisted: () => toggleShortlisted(context, selected),
      }),
      detail instanceof Error
        ? h('p', { class: 'error small' }, `Profile details could not be loaded: ${detail.message}`)
        : null,
      accountProfile(attributes, detail === undefined),
      accountImportance(attributes, {
        order: graph.order,
        weights: scoreWeights(info.get().map?.params),
        community:
          communityId === undefined
            ? null
            : {
                name: communityName(context, communityId),
                color: view.appearance.colors.get(selected) ?? null,
                focus: () => {
                  dispatch({ type: 'focus-community', community: communityId });
                  context.showNodes(graph.filterNodes((_node, a) => a.community === communityId));
                },
              },
      }),
      accountReach(graph, selected, {
        describe: (key) => describeAccount(context, key),
        select: (key) => selectAccount(context, key),
      }),
      egoControls(ego, view.ego, graph.type !== 'undirected', dispatch),
      pathFinder(graph, {
        asked: path && path.from === selected ? path : null,
        found: view.path,
        directed,
        search: createAccountSearch({
          index: context.searchIndex,
          id: 'path-search',
          label: 'Path to an account',
          placeholder: 'Path to… (name or handle)',
          describe: (key) => describeAccount(context, key),
          onPick: (to) => dispatch({ type: 'path', from: selected, to, directed }),
        }),
        follow: (checked) => {
          followDirection = checked;
          dispatch({ type: 'path-directed', directed: checked });
        },
        show: (key) => context.showNode(key),
        clear: () => dispatch({ type: 'clear-path' }),
      }),
    );
    content.scrollTop = keepScroll;
    if (newPath) content.querySelector('.path-list')?.scrollIntoView({ block: 'nearest' });
  }

  draw();
  store.subscribe((state, previous) => {
    if (
      state.selected !== previous.selected ||
      state.ego !== previous.ego ||
      state.path !== previous.path
    ) {
      draw();
    }
  });
  shortlist.subscribe(draw);
  info.subscribe(draw);
  derived.subscribe((state, previous) => {
    if (state.view.appearance !== previous.view.appearance) draw();
  });
}
