// The map page: loads the map, lays out the top bar, the side panels and the sigma stage, and keeps
// them, the renderer and the URL in step with the view state.
import type { Camera } from 'sigma';
import type { ApiClient } from '../api/api-client.js';
import type { MapSummary } from '../api/api-types.js';
import { buildAccountIndex } from '../graph/account-nodes.js';
import { addLinks, communityProfiles, neighbourCounts, toMapGraph } from '../graph/map-graph.js';
import { buildSearchIndex, type SearchEntry } from '../graph/search-accounts.js';
import { type DerivedView, deriveView, type MapData, needsLinks } from '../render/derive-view.js';
import { createMapRenderer, LINKS_AFTER_FIRST_FRAME_ABOVE } from '../render/map-renderer.js';
import { neighbourhoodFocus, type Scene } from '../render/scene.js';
import { createStore } from '../state/create-store.js';
import { toViewUrl } from '../state/url-state.js';
import type { View, ViewState } from '../state/view-state.js';
import { mountAccountPanel } from './account/account-panel.js';
import { createAccountSearch } from './account-search.js';
import { mountCommunitiesPanel } from './communities-panel.js';
import { formatCount, formatDate, h, replaceChildren } from './dom.js';
import { mountFiltersPanel } from './filters-panel.js';
import { mountKolTable } from './kol-table.js';
import { currentLegend, mountLegend } from './legend.js';
import { mountListeningPanel } from './listening/listening-panel.js';
import { describeAccount, type MapContext, selectAccount } from './map-context.js';
import { createMapToolbar } from './map-toolbar.js';
import { mountPvQueuePanel } from './pv-queue/pv-queue-panel.js';
import { mountShortlistPanel } from './shortlist-panel.js';
import { createTabs } from './tabs.js';
import type { Toast } from './toast.js';

/** Performance mark set when the map's first frame is on screen. */
export const FIRST_RENDER_MARK = 'kolmap:first-render';
/** Performance mark set when a frame with the map's links is on screen (on large maps, later). */
export const LINKS_DRAWN_MARK = 'kolmap:links-drawn';

/** Milliseconds the pointer rests on an account before its neighbourhood comes forward. */
const HOVER_DELAY_MS = 80;

export async function mountMapView(
  root: HTMLElement,
  api: ApiClient,
  initial: ViewState & { mapId: string },
  toast: Toast,
): Promise<void> {
  replaceChildren(root, h('div', { class: 'loading', role: 'status' }, 'Loading the map…'));
  let response: Awaited<ReturnType<ApiClient['getGraph']>>;
  let maps: MapSummary[];
  try {
    [response, maps] = await Promise.all([
      api.getGraph(initial.mapId),
      api.listMaps().catch(() => []),
    ]);
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
  const map = response.map;
  document.title = `${map.name} · kolmap`;
  // Large maps are drawn first without their links, unless the view asked for reads them.
  const links = response.graph.edges.length;
  const linksLater = links > LINKS_AFTER_FIRST_FRAME_ABOVE && !needsLinks(initial);
  const graph = toMapGraph(response.graph, { links: !linksLater });
  let degrees: Map<string, number> | undefined;
  let searchIndex: SearchEntry[] | undefined;
  let accountIndex: Map<string, string> | undefined;
  const data: MapData = {
    graph,
    communities: communityProfiles(graph),
    degrees: () => {
      degrees ??= neighbourCounts(graph);
      return degrees;
    },
  };
  const store = createStore<ViewState>({
    ...initial,
    selected:
      initial.selected !== null && graph.hasNode(initial.selected) ? initial.selected : null,
  });
  const derived = createStore<{ view: DerivedView }>({ view: deriveView(data, store.get()) });
  store.subscribe((state, previous) =>
    derived.set({ view: deriveView(data, state, { state: previous, view: derived.get().view }) }),
  );
  const info = createStore<{ map: Awaited<ReturnType<ApiClient['getMap']>> | null }>({ map: null });
  api.getMap(map.id).then(
    (answer) => info.set({ map: answer }),
    // Without the map's description there is no telling whether it has listening: Explore.
    () => store.set({ view: 'explore' }),
  );
  const shortlist = createStore({ keys: readShortlist(map.id) });
  shortlist.subscribe(({ keys }) => saveShortlist(map.id, keys));

  // Layout of the page.
  const container = h('div', { class: 'sigma-container' });
  const status = h('div', { class: 'stage-status', 'aria-live': 'polite' });
  const stage = h(
    'main',
    { class: 'stage', 'aria-label': 'Map', dataset: { state: 'loading' } },
    container,
    status,
  );
  const accountPanel = h('aside', {
    class: 'account-panel',
    'aria-labelledby': 'account-name',
    hidden: true,
  });
  const panels = {
    filters: h('div', { class: 'filters-panel' }),
    communities: h('div', { class: 'communities-panel' }),
    kols: h('div', { class: 'kols-panel' }),
    shortlist: h('div', { class: 'shortlist-panel' }),
    listening: h('div', { class: 'listening-panel' }),
    pv: h('div', { class: 'pv-panel' }),
  };
  const shortlistTabLabel = h('span', {}, 'Shortlist');
  const header = h('header', { class: 'top-bar' });
  const sidePanel = h('aside', { class: 'side-panel', 'aria-label': 'Panels' });
  const exploreTabs = createTabs('Explore', [
    { id: 'filters', label: 'Filters', panel: panels.filters },
    { id: 'communities', label: 'Communities', panel: panels.communities },
    { id: 'kols', label: 'KOLs', panel: panels.kols },
    { id: 'shortlist', label: shortlistTabLabel, panel: panels.shortlist },
  ]);
  // Maps analysed with a watch list have two more views beside the exploring tabs; they show charts
  // and posts, and the side panel widens for them.
  let listeningMounted = false;
  const tabs = createTabs(
    'View',
    [
      {
        id: 'explore',
        label: 'Explore',
        panel: h('div', { class: 'tab-panel-flush' }, exploreTabs.element),
      },
      { id: 'listening', label: 'Listening', panel: panels.listening, hidden: true },
      { id: 'pv', label: 'PV queue', panel: panels.pv, hidden: true },
    ],
    (id) => {
      const wide = id !== 'explore';
      if (wide !== sidePanel.classList.contains('side-panel-wide')) {
        sidePanel.classList.toggle('side-panel-wide', wide);
        renderer.refresh();
      }
      if (id === 'listening' && !listeningMounted) {
        listeningMounted = true;
        mountListeningPanel(panels.listening, context);
      }
      store.set({ view: id as View });
    },
  );
  tabs.element.classList.add('view-tabs');
  sidePanel.append(tabs.element);
  replaceChildren(
    root,
    h(
      'div',
      { class: 'app' },
      header,
      h('div', { class: 'workspace' }, sidePanel, stage, accountPanel),
    ),
  );

  // The renderer, drawing the scene the view state gives.
  let legendWidth = () => 0;
  let hover: Scene['hover'] = null;
  let hoverTimer = 0;
  let scene = toScene();
  function toScene(): Scene {
    const { view } = derived.get();
    return {
      appearance: view.appearance,
      shown: view.shown,
      focus: view.focus,
      hover,
      selected: store.get().selected,
      directed: graph.type !== 'undirected',
    };
  }
  const renderer = createMapRenderer(container, graph, {
    getScene: () => scene,
    onClickNode: (node) => store.set({ selected: node, focusCommunity: null }),
    onClickStage: () => store.set({ selected: null, ego: null, path: null, focusCommunity: null }),
    onHover: (node) => {
      // The neighbourhood comes forward once the pointer rests on an account, so that sweeping
      // across the map does not redraw it at every account passed over.
      clearTimeout(hoverTimer);
      hoverTimer = window.setTimeout(
        () => {
          hover = node === null ? null : neighbourhoodFocus(graph, node);
          scene = toScene();
          renderer.refresh();
        },
        node === null ? 0 : HOVER_DELAY_MS,
      );
    },
    onCamera: ({ x, y, ratio }) => store.set({ camera: { x, y, ratio } }),
    coveredLeft: () => legendWidth(),
    links,
    addLinks: linksLater
      ? () => {
          addLinks(graph, response.graph);
          degrees = undefined;
          // What was derived meanwhile from the accounts alone (a click, a hover) is derived again.
          if (needsLinks(store.get())) derived.set({ view: deriveView(data, store.get()) });
        }
      : null,
    onLinksDrawn: () => performance.mark(LINKS_DRAWN_MARK),
    onFirstRender: () => {
      performance.mark(FIRST_RENDER_MARK);
      stage.dataset.state = 'ready';
    },
  });
  if (initial.camera) renderer.sigma.getCamera().setState(initial.camera);
  derived.subscribe(() => {
    scene = toScene();
    renderer.refresh();
  });
  store.subscribe((state, previous) => {
    if (state.selected === previous.selected) return;
    scene = toScene();
    renderer.refresh();
  });

  const context: MapContext = {
    api,
    map,
    data,
    communityById: new Map(data.communities.map((profile) => [profile.id, profile])),
    searchIndex: () => {
      searchIndex ??= buildSearchIndex(graph);
      return searchIndex;
    },
    accountIndex: () => {
      accountIndex ??= buildAccountIndex(graph);
      return accountIndex;
    },
    store,
    derived,
    info,
    shortlist,
    showNode: (key) => void renderer.showNode(key),
    showNodes: (keys) => void renderer.showNodes(keys),
    toast,
  };

  // A new path or ego network is framed.
  derived.subscribe(({ view }, { view: before }) => {
    if (view.path && view.path !== before.path) context.showNodes(view.path.nodes);
    else if (view.ego && view.ego !== before.ego) context.showNodes(view.ego.nodes);
  });

  // Top bar.
  const search = createAccountSearch({
    index: context.searchIndex,
    id: 'account-search',
    label: 'Find an account',
    placeholder: 'Find an account (name or handle)  /',
    describe: (key) => describeAccount(context, key),
    onPick: (key) => selectAccount(context, key),
  });
  replaceChildren(
    header,
    h('a', { class: 'brand', href: '/', title: 'All maps' }, 'kolmap'),
    mapMenu(maps, map),
    search,
    createMapToolbar(
      graph,
      renderer,
      map.name,
      toast,
      () => currentLegend(context),
      () => new URL(toViewUrl(store.get()), window.location.origin).href,
    ),
  );

  mountAccountPanel(accountPanel, context);
  // The side panels count and sort every account: drawn once the map is on screen.
  requestAnimationFrame(() =>
    setTimeout(() => {
      mountFiltersPanel(panels.filters, context);
      mountCommunitiesPanel(panels.communities, context);
      mountKolTable(panels.kols, context);
      mountShortlistPanel(panels.shortlist, context);
    }),
  );
  legendWidth = mountLegend(stage, context);
  stage.append(zoomControls(renderer.sigma.getCamera()));

  const drawStatus = () => {
    const { shown } = derived.get().view;
    status.textContent =
      shown === null || shown.size === graph.order
        ? `${formatCount(graph.order)} accounts · ${formatCount(links)} links`
        : `${formatCount(shown.size)} of ${formatCount(graph.order)} accounts shown`;
  };
  drawStatus();
  derived.subscribe(drawStatus);
  const drawShortlistCount = () => {
    const count = shortlist.get().keys.length;
    shortlistTabLabel.textContent = count > 0 ? `Shortlist (${count})` : 'Shortlist';
  };
  drawShortlistCount();
  shortlist.subscribe(drawShortlistCount);

  // Listening and the PV queue, on maps analysed with a watch list; the PV queue only for the roles
  // that may read it (analysts and admins: `GET /me` tells), never asked for by the others. A link
  // naming one of them opens it once it is known to be there, and falls back to Explore otherwise
  // (unless the view was changed meanwhile).
  const openOr = (view: View, shown: boolean) => {
    if (store.get().view !== view) return;
    if (!shown || !tabs.choose(view)) store.set({ view: 'explore' });
  };
  let described = false;
  info.subscribe(({ map: answer }) => {
    if (described || answer === null) return;
    described = true;
    const listening = Boolean(answer.attributes.listening);
    tabs.setShown('listening', listening);
    openOr('listening', listening);
    if (!listening) {
      openOr('pv', false);
      return;
    }
    context.api
      .me()
      .then((caller) => (caller.role === 'viewer' ? false : mountPvQueuePanel(panels.pv, context)))
      .then(
        (shown) => {
          tabs.setShown('pv', shown);
          openOr('pv', shown);
        },
        (error: Error) => {
          openOr('pv', false);
          toast(`The PV queue could not be loaded: ${error.message}`, 'error');
        },
      );
  });

  // The URL follows the view, so that a link reproduces it.
  let urlTimer = 0;
  store.subscribe((state) => {
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(() => history.replaceState(null, '', toViewUrl(state)), 150);
  });

  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      document.getElementById('account-search')?.focus();
    } else if (event.key === 'Escape' && !typing && !document.querySelector('dialog[open]')) {
      store.set({ selected: null, ego: null, path: null, focusCommunity: null });
    }
  });

  if (initial.selected !== null && initial.camera === null && graph.hasNode(initial.selected)) {
    requestAnimationFrame(() => context.showNode(initial.selected as string));
  }
}

function mapMenu(maps: MapSummary[], current: MapSummary): HTMLElement {
  const ready = maps.filter((map) => map.status === 'ready');
  if (!ready.some((map) => map.id === current.id)) ready.unshift(current);
  const select = h(
    'select',
    {
      id: 'map-menu',
      class: 'select map-menu',
      onchange: () => window.location.assign(`/maps/${encodeURIComponent(select.value)}`),
    },
    ...ready.map((map) =>
      h(
        'option',
        { value: map.id },
        `${map.name} · ${formatCount(map.counts.accounts)} accounts · ${formatDate(map.readyAt ?? map.createdAt)}`,
      ),
    ),
  );
  select.value = current.id;
  return h(
    'div',
    { class: 'map-menu-holder' },
    h('label', { for: 'map-menu', class: 'visually-hidden' }, 'Map'),
    select,
  );
}

function zoomControls(camera: Camera): HTMLElement {
  const button = (label: string, title: string, action: () => void) =>
    h(
      'button',
      { type: 'button', class: 'zoom-button', 'aria-label': title, title, onclick: action },
      label,
    );
  return h(
    'div',
    { class: 'zoom-controls', role: 'group', 'aria-label': 'Zoom' },
    button('+', 'Zoom in', () => void camera.animatedZoom({ duration: 250 })),
    button('−', 'Zoom out', () => void camera.animatedUnzoom({ duration: 250 })),
    button('⤢', 'Show the whole map', () => void camera.animatedReset({ duration: 300 })),
  );
}

const shortlistStorageKey = (mapId: string) => `kolmap:shortlist:${mapId}`;

function readShortlist(mapId: string): string[] {
  try {
    const keys = JSON.parse(localStorage.getItem(shortlistStorageKey(mapId)) ?? '[]') as unknown;
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

function saveShortlist(mapId: string, keys: string[]): void {
  localStorage.setItem(shortlistStorageKey(mapId), JSON.stringify(keys));
}
