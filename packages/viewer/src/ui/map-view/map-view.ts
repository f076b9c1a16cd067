// The map page: loads the map, lays out the top bar, the side panels and the sigma stage, and keeps
// them, the renderer and the URL in step with the view state. The parts are beside this file (state,
// requests, layout, stage, the watch list's views) and in ../ (the panels).
import { type MapInfo } from '@kolmap/model';
import type { ApiClient } from '../../api/api-client.js';
import { addLinks, toMapGraph } from '../../graph/map-graph.js';
import {
  afterAccountsMoved,
  type DerivedView,
  deriveView,
  needsLinks,
} from '../../render/derive-view.js';
import { LINKS_AFTER_FIRST_FRAME_ABOVE } from '../../render/map-renderer.js';
import { createStore } from '../../state/create-store.js';
import { toViewUrl } from '../../state/url-state.js';
import type { ViewState } from '../../state/view-state.js';
import { mountAccountPanel } from '../account/account-panel.js';
import { createAccountSearch } from '../account-search.js';
import { mountCommunitiesPanel } from '../communities-panel.js';
import { h, replaceChildren } from '../dom.js';
import { mountFiltersPanel } from '../filters/filters-panel.js';
import { mountKolTable } from '../kol-table.js';
import { type LegendCover, mountLegend } from '../legend/legend.js';
import { toDrawnLegend } from '../legend/legend-state.js';
import { mountListeningPanel } from '../listening/listening-panel.js';
import { describeAccount, type MapContext, selectAccount } from '../map-context.js';
import { createMapToolbar } from '../map-toolbar.js';
import { mountShortlistPanel } from '../shortlist-panel.js';
import type { Toast } from '../toast.js';
import { createPageData } from './map-data.js';
import { createMapLayout } from './map-layout.js';
import { mapMenu } from './map-menu.js';
import { createMapStage } from './map-stage.js';
import { describeMap, GRAPH_BUILT_MARK, loadMapPage } from './map-view-requests.js';
import {
  CLEARED,
  openingView,
  pageKeyAction,
  shortlistTabLabel,
  stageStatus,
} from './map-view-state.js';
import { readShortlist, saveShortlist } from './shortlist-storage.js';
import { mountWatchListViews } from './watch-list-views.js';
import { zoomControls } from './zoom-controls.js';

/** Milliseconds between two computations of the overview while a layout moves the accounts. */
const OVERVIEW_MOVED_MS = 500;

/** Mounts the page of map `initial.mapId` in `root`, on the view `initial` describes. */
export async function mountMapView(
  root: HTMLElement,
  api: ApiClient,
  initial: ViewState & { mapId: string },
  toast: Toast,
): Promise<void> {
  replaceChildren(root, h('div', { class: 'loading', role: 'status' }, 'Loading the map…'));
  let loaded: Awaited<ReturnType<typeof loadMapPage>>;
  try {
    loaded = await loadMapPage(api, initial.mapId);
  } catch (error) {
    replaceChildren(
      root,
      h(
        'div',
        { class: 'loading' },
        h('p', { class: 'error' }, `This map could not be opened: ${(error as Error).message}`),
        h('a', { href: '/' }, 'See all maps'),
      ),
    );
    return;
  }
  const { response, maps } = loaded;
  const map = response.map;
  document.title = `${map.name} · kolmap`;
  // Large maps are drawn first without their links, unless the view asked for reads them.
  const links = response.graph.links.source.length;
  const linksLater = links > LINKS_AFTER_FIRST_FRAME_ABOVE && !needsLinks(initial);
  const graph = toMapGraph(response.graph, { links: !linksLater });
  performance.mark(GRAPH_BUILT_MARK);
  const page = createPageData(graph);
  const { data } = page;
  const store = createStore<ViewState>(openingView(initial, graph));
  const derived = createStore<{ view: DerivedView }>({ view: deriveView(data, store.get()) });
  store.subscribe((state, previous) =>
    derived.set({ view: deriveView(data, state, { state: previous, view: derived.get().view }) }),
  );
  const info = createStore<{ map: MapInfo | null }>({ map: null });
  void describeMap(api, map.id).then((answer) => {
    // Without the map's description there is no telling whether it has listening: Explore.
    if (answer === null) store.set({ view: 'explore' });
    else info.set({ map: answer });
  });
  const shortlist = createStore({ keys: readShortlist(map.id) });
  shortlist.subscribe(({ keys }) => saveShortlist(map.id, keys));

  let listeningMounted = false;
  const layout = createMapLayout(root, (view, resized) => {
    if (resized) renderer.refresh();
    if (view === 'listening' && !listeningMounted) {
      listeningMounted = true;
      mountListeningPanel(layout.panels.listening, context);
    }
    store.set({ view });
  });
  const { panels, stage, tabs } = layout;

  let legend: LegendCover | null = null;
  const renderer = createMapStage(layout.container, {
    graph,
    store,
    derived,
    camera: initial.camera,
    links,
    addLinks: linksLater
      ? () => {
          addLinks(graph, response.graph);
          page.forgetDegrees();
          // What was derived meanwhile from the accounts alone (a click, the links between
          // communities of the overview) is derived again.
          if (needsLinks(store.get()) || derived.get().view.overview !== null) {
            derived.set({ view: deriveView(data, store.get()) });
          }
        }
      : null,
    coveredLeft: () => legend?.coveredLeft() ?? 0,
    coveredBox: () => legend?.coveredBox() ?? null,
    onFirstRender: () => {
      stage.dataset.state = 'ready';
    },
  });

  const context: MapContext = {
    api,
    map,
    data,
    communityById: new Map(data.communities.map((profile) => [profile.id, profile])),
    searchIndex: page.searchIndex,
    accountIndex: page.accountIndex,
    store,
    derived,
    info,
    shortlist,
    showNode: (key) => void renderer.showNode(key),
    showNodes: (keys) => void renderer.showNodes(keys),
    toast,
  };

  // While a layout moves the accounts, the overview follows them (at most every OVERVIEW_MOVED_MS).
  let moving = 0;
  graph.on('eachNodeAttributesUpdated', () => {
    moving ||= window.setTimeout(() => {
      moving = 0;
      derived.set({ view: afterAccountsMoved(data, derived.get().view) });
    }, OVERVIEW_MOVED_MS);
  });

  // A new path or ego network is framed, and so are the accounts the filters leave (the whole map
  // once they are reset).
  derived.subscribe(({ view }, { view: before }) => {
    if (view.path && view.path !== before.path) context.showNodes(view.path.nodes);
    else if (view.ego && view.ego !== before.ego) context.showNodes(view.ego.nodes);
    else if (view.shown !== before.shown) {
      if (view.shown !== null && view.shown.size > 0) context.showNodes(view.shown);
      else if (view.shown === null) void renderer.showAll();
    }
  });

  // Top bar.
  const search = createAccountSearch({
    index: context.searchIndex,
    id: 'account-search',
    label: 'Find an account',
    placeholder: 'Find an account (name, handle or id)  /',
    describe: (key) => describeAccount(context, key),
    onPick: (key) => selectAccount(context, key),
  });
  replaceChildren(
    layout.header,
    h('a', { class: 'brand', href: '/', title: 'All maps' }, 'kolmap'),
    mapMenu(maps, map),
    search,
    createMapToolbar(
      graph,
      renderer,
      map.name,
      toast,
      () => toDrawnLegend(store.get(), derived.get().view.appearance),
      () => new URL(toViewUrl(store.get()), window.location.origin).href,
    ),
  );

  mountAccountPanel(layout.accountPanel, context);
  // The side panels count and sort every account: drawn once the map is on screen.
  requestAnimationFrame(() =>
    setTimeout(() => {
      mountFiltersPanel(panels.filters, context);
      mountCommunitiesPanel(panels.communities, context);
      mountKolTable(panels.kols, context);
      mountShortlistPanel(panels.shortlist, context);
    }),
  );
  legend = mountLegend(stage, context);
  // A link's camera is kept; otherwise the whole map is framed beside the legend (before the first
  // frame is on screen).
  if (initial.camera === null) renderer.frameAll();
  stage.append(zoomControls(renderer.sigma.getCamera(), () => void renderer.showAll()));

  const drawStatus = () => {
    layout.status.textContent = stageStatus(derived.get().view.shown, graph.order, links);
  };
  drawStatus();
  derived.subscribe(drawStatus);
  const drawShortlistCount = () => {
    layout.shortlistTabLabel.textContent = shortlistTabLabel(shortlist.get().keys.length);
  };
  drawShortlistCount();
  shortlist.subscribe(drawShortlistCount);

  mountWatchListViews(context, tabs, panels.pv);

  // The URL follows the view, so that a link reproduces it.
  let urlTimer = 0;
  store.subscribe((state) => {
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(() => history.replaceState(null, '', toViewUrl(state)), 150);
  });

  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    const action = pageKeyAction(
      event.key,
      typing,
      document.querySelector('dialog[open]') !== null,
    );
    if (action === 'search') {
      event.preventDefault();
      document.getElementById('account-search')?.focus();
    } else if (action === 'clear') {
      store.set(CLEARED);
    }
  });

  if (initial.selected !== null && initial.camera === null && graph.hasNode(initial.selected)) {
    requestAnimationFrame(() => context.showNode(initial.selected as string));
  }
}
