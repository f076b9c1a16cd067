// What a person sees of a map: the map, the selection, the ego network or path shown, filters,
// appearance and camera, the side panel's view and the listening view's selectors. All of it lives
// in the URL (see url-state.ts), so a link reproduces a view.
import type { ListeningQuery } from '../api/api-client.js';

/** The side panel's views: Explore, and on maps analysed with a watch list Listening and PV queue. */
export const VIEWS = ['explore', 'listening', 'pv'] as const;
export type View = (typeof VIEWS)[number];

/** What the nodes are coloured by (`tonality` and `topic` on maps analysed with a watch list). */
export const COLOR_BY = [
  'community',
  'actorType',
  'platform',
  'role',
  'tonality',
  'topic',
] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/**
 * What the nodes are sized by: `size` is the map's own size (core's, logarithmic in attention
 * received, so most accounts stay small), else the KOL score.
 */
export const SIZE_BY = ['size', 'kolScore', 'pagerank', 'followers', 'inStrength'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/** Which links an ego network follows: attention received, given, or both. */
export const EGO_DIRECTIONS = ['in', 'out', 'both'] as const;
export type EgoDirection = (typeof EGO_DIRECTIONS)[number];

export const EGO_HOPS = [1, 2] as const;
export type EgoHops = (typeof EGO_HOPS)[number];

/** Which accounts are drawn. An empty list lets every value through. */
export interface Filters {
  communities: number[];
  actorTypes: string[];
  platforms: string[];
  languages: string[];
  countries: string[];
  roles: string[];
  /** KOL score bounds (0–100), both included. */
  minScore: number;
  maxScore: number;
  /** Minimum number of distinct neighbours, links in either direction. */
  minDegree: number;
}

export const DEFAULT_FILTERS: Readonly<Filters> = Object.freeze({
  communities: [],
  actorTypes: [],
  platforms: [],
  languages: [],
  countries: [],
  roles: [],
  minScore: 0,
  maxScore: 100,
  minDegree: 0,
});

/** Sigma's camera: the centre in framed-graph coordinates (0–1) and the zoom ratio. */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface EgoView {
  hops: EgoHops;
  direction: EgoDirection;
}

export interface PathView {
  from: string;
  to: string;
  /** Follow the direction of attention (A→B only when A gives B attention). */
  directed: boolean;
}

/** The listening view as it opens: series by brand per month, every post of the watch list. */
export const DEFAULT_LISTENING_QUERY: Readonly<ListeningQuery> = Object.freeze({
  by: 'brand',
  period: 'month',
  brands: [],
  area: null,
  platforms: [],
  from: null,
  to: null,
});

export interface ViewState {
  /** The open map; null on the map picker. */
  mapId: string | null;
  /** The selected account's key. */
  selected: string | null;
  /** The selected account's ego network, drawn instead of the whole map's emphasis. */
  ego: EgoView | null;
  path: PathView | null;
  /** A community brought to the front (from the communities panel). */
  focusCommunity: number | null;
  filters: Filters;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Null until the map has been drawn or when the link names none: the whole map is framed. */
  camera: CameraView | null;
  /** The side panel's view (the map stays beside it). */
  view: View;
  /** The listening view's selectors, kept while another view is open. */
  listening: ListeningQuery;
}

export const DEFAULT_VIEW_STATE: Readonly<ViewState> = Object.freeze({
  mapId: null,
  selected: null,
  ego: null,
  path: null,
  focusCommunity: null,
  filters: DEFAULT_FILTERS,
  colorBy: 'community',
  sizeBy: 'size',
  camera: null,
  view: 'explore',
  listening: DEFAULT_LISTENING_QUERY,
});
