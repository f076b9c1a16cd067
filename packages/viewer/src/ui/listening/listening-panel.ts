// The listening panel (maps analysed with a watch list): volume and tonality over time per brand,
// therapeutic area, topic or thematic community, share of voice of own products and competitors,
// and the thematic communities with their top terms, top posts and leaders (click one to select it
// on the map). This file wires the parts beside it: state, requests, controls, charts, topics.
import { displayName } from '../../graph/map-graph.js';
import { h, replaceChildren } from '../dom.js';
import { type MapContext, selectAccount } from '../map-context.js';
import { drawListeningCharts } from './listening-charts.js';
import { createListeningControls } from './listening-controls.js';
import { createListeningLoader } from './listening-requests.js';
import {
  type ListeningAction,
  platformsOnMap,
  reduceListeningQuery,
  toListeningCharts,
} from './listening-state.js';
import { drawTopics } from './thematic-communities.js';

/** Mounts the listening view into `panel`, and asks for its series and topics. */
export function mountListeningPanel(panel: HTMLElement, context: MapContext): void {
  const { api, map, data, store } = context;
  // The selectors live in the view state (and so in the address); the controls only change it.
  const query = () => store.get().listening;
  const dispatch = (action: ListeningAction) =>
    store.set({ listening: reduceListeningQuery(query(), action) });

  const intro = h('p', { class: 'panel-intro' }, 'Loading what was heard…');
  const controls = createListeningControls(
    query(),
    platformsOnMap(data.graph, query().platforms),
    dispatch,
  );
  const charts = h('div', { class: 'listening-charts', 'aria-live': 'polite' });
  const topicsSection = h('div', { class: 'listening-topics' });
  panel.append(intro, controls.element, charts, topicsSection);

  const loader = createListeningLoader(api, map.id, {
    query,
    watchList: (listening, watch) => {
      controls.fillWatchList(listening);
      controls.draw(query());
      dispatch({ type: 'watched', watch });
    },
    answer: (listening, shown) => {
      const model = toListeningCharts(listening, shown);
      intro.textContent = model.intro;
      drawListeningCharts(charts, model);
    },
    failure: (error) =>
      replaceChildren(
        charts,
        h('p', { class: 'error' }, `Listening could not be loaded: ${error.message}`),
      ),
    busy: (busy) => {
      if (busy) charts.setAttribute('aria-busy', 'true');
      else charts.removeAttribute('aria-busy');
    },
  });
  store.subscribe((state, previous) => {
    if (state.listening === previous.listening) return;
    controls.draw(state.listening);
    void loader.load();
  });

  async function loadTopics() {
    try {
      drawTopics(topicsSection, await loader.topics(), {
        onMap: (key) => data.graph.hasNode(key),
        author: (account) => {
          const node = context.accountIndex().get(account);
          if (!node) return null;
          return { node, name: displayName(node, data.graph.getNodeAttributes(node)) };
        },
        select: (node) => selectAccount(context, node),
      });
    } catch (error) {
      replaceChildren(
        topicsSection,
        h('p', { class: 'error' }, `Topics could not be loaded: ${(error as Error).message}`),
      );
    }
  }

  void loader.load();
  void loadTopics();
}
