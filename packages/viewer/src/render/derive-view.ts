// Everything the page draws that follows from the map and the view state: appearance, accounts shown
// and the filter counts, the community overview of large maps, the ego network, the path and what is
// brought forward. Each part is recomputed only when what it depends on changed.
import { type CommunityProfile } from '@kolmap/model';
import { type Appearance, computeAppearance } from '../graph/appearance.js';
import { type CommunityOverview, computeCommunityOverview } from '../graph/community-overview.js';
import { computeEgoNetwork, type EgoNetwork } from '../graph/ego-network.js';
import {
  countFilterValues,
  type FilterCounts,
  filterAccounts,
  isFiltering,
} from '../graph/filters.js';
import type { MapGraph } from '../graph/map-graph.js';
import { type AccountPath, findShortestPath } from '../graph/shortest-path.js';
import type { ViewState } from '../state/view-state.js';
import { OVERVIEW_ABOVE } from './level-of-detail.js';
import { communityFocus, type Focus, neighbourhoodFocus } from './scene.js';

export interface MapData {
  graph: MapGraph;
  communities: CommunityProfile[];
  /** Distinct neighbours of each account (counted on first call). */
  degrees: () => ReadonlyMap<string, number>;
}

export interface DerivedView {
  appearance: Appearance;
  /** Accounts the filters let through; null when nothing is filtered. */
  shown: Set<string> | null;
  /** How many accounts each filter value would show: counted on first call (only panels ask). */
  counts: () => FilterCounts;
  /** The communities of the accounts shown, on maps of more than OVERVIEW_ABOVE accounts. */
  overview: CommunityOverview | null;
  /** The selected account's ego network, when asked for. */
  ego: EgoNetwork | null;
  /** The path asked for: null when there is none, undefined when none is asked for. */
  path: AccountPath | null | undefined;
  /** What is brought forward: the path, else the ego network, the selection, the community. */
  focus: Focus | null;
}

/**
 * The derived view of `state`. Given the previous state and its derived view, parts whose inputs
 * are the same objects are reused (the view state is replaced, never mutated), and the previous
 * view itself when no part changed (a camera move changes none).
 */
export function deriveView(
  data: MapData,
  state: ViewState,
  before?: { state: ViewState; view: DerivedView },
): DerivedView {
  const { graph } = data;
  const old = before?.state;
  const reuse = before?.view;
  const sameAppearance = old && old.colorBy === state.colorBy && old.sizeBy === state.sizeBy;
  const appearance =
    sameAppearance && reuse
      ? reuse.appearance
      : computeAppearance(graph, data.communities, {
          colorBy: state.colorBy,
          sizeBy: state.sizeBy,
        });
  const sameFilters = old?.filters === state.filters && reuse;
  const shown = sameFilters
    ? reuse.shown
    : isFiltering(state.filters)
      ? filterAccounts(graph, state.filters, data.degrees)
      : null;
  const counts = sameFilters ? reuse.counts : countOnce(data, state.filters);
  const overview =
    sameFilters && sameAppearance && reuse
      ? reuse.overview
      : graph.order > OVERVIEW_ABOVE
        ? computeCommunityOverview(graph, data.communities, appearance.colors, shown)
        : null;
  const sameEgo = reuse && old?.selected === state.selected && old.ego === state.ego;
  const ego = sameEgo
    ? reuse.ego
    : state.selected !== null && state.ego !== null
      ? computeEgoNetwork(graph, state.selected, state.ego.hops, state.ego.direction)
      : null;
  const path =
    reuse && old?.path === state.path
      ? reuse.path
      : state.path === null
        ? undefined
        : findShortestPath(graph, state.path.from, state.path.to, state.path.directed);
  const sameFocus =
    reuse && sameEgo && old?.path === state.path && old.focusCommunity === state.focusCommunity;
  const focus = sameFocus ? reuse.focus : computeFocus(data, state, ego, path);
  const view = { appearance, shown, counts, overview, ego, path, focus };
  const unchanged =
    reuse &&
    (Object.keys(view) as (keyof DerivedView)[]).every((part) => view[part] === reuse[part]);
  return unchanged ? reuse : view;
}

/**
 * The derived view once the accounts moved (a layout wrote their positions): the community
 * overview computed again at the new centroids, the rest as it was.
 */
export function afterAccountsMoved(data: MapData, view: DerivedView): DerivedView {
  if (view.overview === null) return view;
  const { graph, communities } = data;
  const overview = computeCommunityOverview(graph, communities, view.appearance.colors, view.shown);
  return { ...view, overview };
}

/** Whether what `state` shows reads the map's links (a selection, path, community or minimum degree). */
export function needsLinks(state: ViewState): boolean {
  return (
    state.selected !== null ||
    state.path !== null ||
    state.focusCommunity !== null ||
    state.filters.minDegree > 0
  );
}

function countOnce(data: MapData, filters: ViewState['filters']): () => FilterCounts {
  let counts: FilterCounts | undefined;
  return () => {
    counts ??= countFilterValues(data.graph, filters, data.degrees);
    return counts;
  };
}

function computeFocus(
  data: MapData,
  state: ViewState,
  ego: EgoNetwork | null,
  path: AccountPath | null | undefined,
): Focus | null {
  if (path) return { nodes: new Set(path.nodes), edges: new Set(path.edges), arrows: true };
  if (ego) return { nodes: new Set(ego.nodes), edges: new Set(ego.edges), arrows: true };
  if (state.selected !== null && data.graph.hasNode(state.selected)) {
    return neighbourhoodFocus(data.graph, state.selected);
  }
  if (state.focusCommunity !== null) return communityFocus(data.graph, state.focusCommunity);
  return null;
}
