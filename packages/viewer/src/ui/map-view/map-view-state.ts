// The map page's own state and what it derives: the view a link opens on the map, the scene sigma
// draws, the stage's status line, the shortlist tab's label and what the page's keys do.
import type { MapGraph } from '../../graph/map-graph.js';
import type { DerivedView } from '../../render/derive-view.js';
import { showsOverview } from '../../render/level-of-detail.js';
import type { Scene } from '../../render/scene.js';
import type { ViewState } from '../../state/view-state.js';
import { formatCount } from '../dom.js';

/** What Escape and a click on the empty map clear: selection, ego network, path and community. */
export const CLEARED: Readonly<Partial<ViewState>> = Object.freeze({
  selected: null,
  ego: null,
  path: null,
  focusCommunity: null,
});

/** The view a link opens: its selection let go when the account is not on the map. */
export function openingView(initial: ViewState, graph: MapGraph): ViewState {
  const onMap = initial.selected !== null && graph.hasNode(initial.selected);
  return { ...initial, selected: onMap ? initial.selected : null };
}

/**
 * The scene sigma draws: the derived view, the account hovered and the one selected, and whether the
 * camera's zoom `ratio` shows the community overview (see level-of-detail.ts).
 */
export function toScene(
  view: DerivedView,
  selected: string | null,
  hover: Scene['hover'],
  graph: MapGraph,
  ratio: number,
): Scene {
  return {
    appearance: view.appearance,
    shown: view.shown,
    focus: view.focus,
    hover,
    selected,
    directed: graph.type !== 'undirected',
    overview: view.overview,
    showOverview: view.overview !== null && showsOverview(view.shown?.size ?? graph.order, ratio),
  };
}

/** "1,234 accounts · 5,678 links", or "12 of 1,234 accounts shown" while filters hide some. */
export function stageStatus(
  shown: ReadonlySet<string> | null,
  order: number,
  links: number,
): string {
  return shown === null || shown.size === order
    ? `${formatCount(order)} accounts · ${formatCount(links)} links`
    : `${formatCount(shown.size)} of ${formatCount(order)} accounts shown`;
}

/** "Shortlist (3)", or "Shortlist" when it is empty. */
export function shortlistTabLabel(count: number): string {
  return count > 0 ? `Shortlist (${count})` : 'Shortlist';
}

/**
 * What a key does on the page: `/` goes to the search, Escape clears the selection (not while
 * typing in a field, nor while a dialog is open); null for the other keys.
 */
export function pageKeyAction(
  key: string,
  typing: boolean,
  dialogOpen: boolean,
): 'search' | 'clear' | null {
  if (typing) return null;
  if (key === '/') return 'search';
  if (key === 'Escape' && !dialogOpen) return 'clear';
  return null;
}
