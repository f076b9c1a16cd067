// The view state as a URL and back: `/maps/<id>?node=…&colour=…&communities=0-3,7&camera=…`.
// Defaults are left out so links stay short; values a link gets wrong fall back to their default.
import { PLATFORMS, SERIES_DIMENSIONS } from '@kolmap/model';
import type { ListeningQuery } from '../api/api-client.js';
import { LISTENING_PERIODS } from '../api/api-client.js';
import {
  type CameraView,
  COLOR_BY,
  DEFAULT_FILTERS,
  DEFAULT_LISTENING_QUERY,
  DEFAULT_VIEW_STATE,
  EGO_DIRECTIONS,
  type EgoView,
  type Filters,
  type PathView,
  SIZE_BY,
  VIEWS,
  type ViewState,
} from './view-state.js';

/** Most community ids a link may name (a range like `0-99999999` is cut there). */
export const MAX_LINKED_IDS = 100_000;

/** The path and query string of a view (no origin). */
export function toViewUrl(state: ViewState): string {
  if (state.mapId === null) return '/';
  const query = new URLSearchParams();
  const { filters } = state;
  if (state.selected !== null) query.set('node', state.selected);
  if (state.selected !== null && state.ego !== null) {
    query.set('ego', `${state.ego.hops}-${state.ego.direction}`);
  }
  if (state.path !== null) {
    query.set('from', state.path.from);
    query.set('to', state.path.to);
    if (state.path.directed) query.set('directed', '1');
  }
  if (state.focusCommunity !== null) query.set('focus', String(state.focusCommunity));
  if (state.colorBy !== DEFAULT_VIEW_STATE.colorBy) query.set('colour', state.colorBy);
  if (state.sizeBy !== DEFAULT_VIEW_STATE.sizeBy) query.set('size', state.sizeBy);
  if (filters.communities.length > 0) query.set('communities', toIdRanges(filters.communities));
  setList(query, 'types', filters.actorTypes);
  setList(query, 'platforms', filters.platforms);
  setList(query, 'languages', filters.languages);
  setList(query, 'countries', filters.countries);
  setList(query, 'roles', filters.roles);
  if (
    filters.minScore !== DEFAULT_FILTERS.minScore ||
    filters.maxScore !== DEFAULT_FILTERS.maxScore
  ) {
    query.set('score', `${filters.minScore}-${filters.maxScore}`);
  }
  if (filters.minDegree !== DEFAULT_FILTERS.minDegree)
    query.set('degree', String(filters.minDegree));
  if (state.camera !== null) {
    const { x, y, ratio } = state.camera;
    query.set('camera', [x, y, ratio].map((value) => String(round(value))).join(','));
  }
  if (state.view !== DEFAULT_VIEW_STATE.view) query.set('view', state.view);
  setListeningQuery(query, state.listening);
  const search = query.toString();
  return `/maps/${encodeURIComponent(state.mapId)}${search ? `?${search}` : ''}`;
}

/** The view a URL's path and query string describe. */
export function fromViewUrl(pathname: string, search: string): ViewState {
  const match = /^\/maps\/([^/]+)\/?$/.exec(pathname);
  if (!match) return { ...DEFAULT_VIEW_STATE };
  const query = new URLSearchParams(search);
  const selected = query.get('node') || null;
  const filters: Filters = {
    communities: fromIdRanges(query.get('communities') ?? ''),
    actorTypes: getList(query, 'types'),
    platforms: getList(query, 'platforms'),
    languages: getList(query, 'languages'),
    countries: getList(query, 'countries'),
    roles: getList(query, 'roles'),
    ...scoreRange(query.get('score')),
    minDegree: wholeNumber(query.get('degree')) ?? DEFAULT_FILTERS.minDegree,
  };
  return {
    mapId: safeDecode(match[1] ?? ''),
    selected,
    ego: selected === null ? null : egoView(query.get('ego')),
    path: pathView(query),
    focusCommunity: wholeNumber(query.get('focus')),
    filters,
    colorBy: oneOf(COLOR_BY, query.get('colour')) ?? DEFAULT_VIEW_STATE.colorBy,
    sizeBy: oneOf(SIZE_BY, query.get('size')) ?? DEFAULT_VIEW_STATE.sizeBy,
    camera: cameraView(query.get('camera')),
    view: oneOf(VIEWS, query.get('view')) ?? DEFAULT_VIEW_STATE.view,
    listening: listeningQuery(query),
  };
}

/**
 * The listening selectors that differ from the defaults, named apart from the map's own (`on` for
 * platforms, `since`/`until` for dates: `platforms`, `from` and `to` are the filters and the path):
 * `by=area&per=week&brands=A,B&area=oncology&on=x&since=2024-03-01&until=2024-06-30`.
 */
function setListeningQuery(query: URLSearchParams, listening: ListeningQuery): void {
  const defaults = DEFAULT_LISTENING_QUERY;
  if (listening.by !== defaults.by) query.set('by', listening.by);
  if (listening.period !== defaults.period) query.set('per', listening.period);
  setList(query, 'brands', listening.brands);
  if (listening.area !== null) query.set('area', listening.area);
  setList(query, 'on', listening.platforms);
  if (listening.from !== null) query.set('since', listening.from);
  if (listening.to !== null) query.set('until', listening.to);
}

/**
 * The listening selectors of a link. Which brands and areas the watch list has is known only once
 * the listening view has asked the API, which lets go of the others then (see keepWatched).
 */
function listeningQuery(query: URLSearchParams): ListeningQuery {
  const defaults = DEFAULT_LISTENING_QUERY;
  const from = isoDate(query.get('since'));
  const to = isoDate(query.get('until'));
  const inOrder = from === null || to === null || from <= to;
  return {
    by: oneOf(SERIES_DIMENSIONS, query.get('by')) ?? defaults.by,
    period: oneOf(LISTENING_PERIODS, query.get('per')) ?? defaults.period,
    brands: getList(query, 'brands'),
    area: query.get('area') || defaults.area,
    platforms: getList(query, 'on').filter((code) => oneOf(PLATFORMS, code) !== null),
    from: inOrder ? from : defaults.from,
    to: inOrder ? to : defaults.to,
  };
}

/** `2024-03-01` when it is a day of the calendar, else null. */
function isoDate(text: string | null): string | null {
  if (text === null || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text) ? text : null;
}

/** Sorted ids as ranges: `[0, 1, 2, 3, 7]` → `"0-3,7"`. */
export function toIdRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? String(start) : `${start}-${end}`);
    i++;
  }
  return parts.join(',');
}

/** `"0-3,7"` → `[0, 1, 2, 3, 7]`; parts that are not whole numbers or ranges are skipped. */
export function fromIdRanges(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!range) continue;
    const start = Number(range[1]);
    const end = range[2] === undefined ? start : Number(range[2]);
    for (let id = start; id <= end && ids.size < MAX_LINKED_IDS; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

function setList(query: URLSearchParams, name: string, values: readonly string[]): void {
  if (values.length > 0) query.set(name, values.join(','));
}

function getList(query: URLSearchParams, name: string): string[] {
  const text = query.get(name);
  if (!text) return [];
  return [...new Set(text.split(',').filter((value) => value !== ''))];
}

function scoreRange(text: string | null): Pick<Filters, 'minScore' | 'maxScore'> {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text ?? '');
  const defaults = { minScore: DEFAULT_FILTERS.minScore, maxScore: DEFAULT_FILTERS.maxScore };
  if (!match) return defaults;
  const minScore = Number(match[1]);
  const maxScore = Number(match[2]);
  if (minScore > maxScore || maxScore > 100) return defaults;
  return { minScore, maxScore };
}

function egoView(text: string | null): EgoView | null {
  const match = /^([12])-(\w+)$/.exec(text ?? '');
  const direction = oneOf(EGO_DIRECTIONS, match?.[2] ?? null);
  if (!match || direction === null) return null;
  return { hops: match[1] === '2' ? 2 : 1, direction };
}

function pathView(query: URLSearchParams): PathView | null {
  const from = query.get('from');
  const to = query.get('to');
  if (!from || !to) return null;
  return { from, to, directed: query.get('directed') === '1' };
}

function cameraView(text: string | null): CameraView | null {
  const values = (text ?? '').split(',').map(Number);
  if (values.length !== 3 || !values.every(Number.isFinite)) return null;
  const [x, y, ratio] = values as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

function wholeNumber(text: string | null): number | null {
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}

function oneOf<T extends string>(values: readonly T[], text: string | null): T | null {
  return values.find((value) => value === text) ?? null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Camera values to 5 significant digits: enough to reproduce a view, short in a link. */
function round(value: number): number {
  return Number(value.toPrecision(5));
}
