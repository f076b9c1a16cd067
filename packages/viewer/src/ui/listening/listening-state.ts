// The listening panel's state and what it shows: the selectors' actions (the selectors live in the
// view state, so in the address), the request a link's selectors make before the watch list is
// known, and the charts, series and words drawn from an answer.
import {
  actorTypeLabel,
  type ListeningView,
  PLATFORMS,
  platformLabel,
  platformsOf,
  type SeriesDimension,
  type ThematicCommunity,
  type TopicLeader,
  type TopPost,
} from '@kolmap/model';
import type { ListeningQuery } from '../../api/api-client.js';
import { type ListeningPeriod } from '../../api/api-client.js';
import { COMMUNITY_PALETTE } from '../../graph/appearance.js';
import { type MapGraph } from '../../graph/map-graph.js';
import { toChartSeries } from '../../listening/chart-series.js';
import { keepWatched, type WatchList, withDay } from '../../listening/listening-selectors.js';
import { type BrandShare, totalShareOfVoice } from '../../listening/share-of-voice.js';
import { formatCount, formatDate } from '../dom.js';
import type { LineChartOptions } from '../line-chart.js';

/** Series drawn at most (the ones with the most posts). */
export const LINES = 6;

export const DIMENSION_LABELS: Readonly<Record<SeriesDimension, string>> = {
  brand: 'Brand',
  area: 'Therapeutic area',
  topic: 'Topic',
  community: 'Thematic community',
};

const DIMENSION_PLURALS: Readonly<Record<SeriesDimension, string>> = {
  brand: 'brands',
  area: 'therapeutic areas',
  topic: 'topics',
  community: 'thematic communities',
};

export const PERIOD_LABELS: Readonly<Record<ListeningPeriod, string>> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
};

const TONE_LABELS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;

/** What the listening controls do to the selectors. */
export type ListeningAction =
  | { type: 'by'; by: SeriesDimension }
  | { type: 'period'; period: ListeningPeriod }
  /** An area of the watch list; null for all. */
  | { type: 'area'; area: string | null }
  /** One end of the range: a day (`2024-03-01`) or null to leave it open. */
  | { type: 'day'; end: 'from' | 'to'; day: string | null }
  /** Ticks a brand, or unticks it. */
  | { type: 'brand'; brand: string }
  /** Ticks a platform, or unticks it. */
  | { type: 'platform'; platform: string }
  /** The watch list is known: the brands and area it has not are let go. */
  | { type: 'watched'; watch: WatchList };

/** The selectors after `action`. */
export function reduceListeningQuery(
  query: ListeningQuery,
  action: ListeningAction,
): ListeningQuery {
  switch (action.type) {
    case 'by':
      return { ...query, by: action.by };
    case 'period':
      return { ...query, period: action.period };
    case 'area':
      return { ...query, area: action.area };
    case 'day':
      return withDay(query, action.end, action.day);
    case 'brand':
      return { ...query, brands: toggleValue(query.brands, action.brand) };
    case 'platform':
      return { ...query, platforms: toggleValue(query.platforms, action.platform) };
    case 'watched':
      return keepWatched(query, action.watch);
  }
}

/** `values` with `value` added, or taken out if it is there. */
function toggleValue(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((each) => each !== value) : [...values, value];
}

/** The names the watch list has, from an answer of `GET /listening`. */
export function toWatchList(listening: ListeningView): WatchList {
  return { brands: listening.brands.map((brand) => brand.name), areas: listening.areas };
}

/**
 * What to ask the API for `wanted`. Brands and areas a link names are checked against the watch list
 * before they are sent (the API refuses the names it does not have): until the watch list is known,
 * they are left out of a first request, which `checking` marks.
 */
export function listeningRequest(
  wanted: ListeningQuery,
  watch: WatchList | null,
): { query: ListeningQuery; checking: boolean } {
  const checking = watch === null && (wanted.brands.length > 0 || wanted.area !== null);
  return { query: checking ? { ...wanted, brands: [], area: null } : wanted, checking };
}

/** The platforms the accounts of the map are on (and any a link asks for), in the usual order. */
export function platformsOnMap(graph: MapGraph, asked: readonly string[]): string[] {
  const found = new Set<string>(asked);
  graph.forEachNode((_node, attributes) => {
    for (const code of platformsOf(attributes)) found.add(code);
  });
  return PLATFORMS.filter((code) => found.has(code));
}

/** One series as named above the charts. */
export interface SeriesName {
  label: string;
  color: string;
  total: number;
}

/** Everything the charts of an answer draw. */
export interface ListeningCharts {
  /** The line above the controls: the watch list, its posts and the day it was listened up to. */
  intro: string;
  series: SeriesName[];
  /** How many series are not drawn, when some are not. */
  leftOut: string | null;
  volume: LineChartOptions;
  tonality: LineChartOptions;
  shares: BrandShare[];
  /** What the share of voice is of: every brand, or those of the area. */
  sharesOf: string;
}

/** The charts of `listening`, the answer to the selectors `shown`. */
export function toListeningCharts(
  listening: ListeningView,
  shown: ListeningQuery,
): ListeningCharts {
  const { periods, series, leftOut } = toChartSeries(listening.series, LINES);
  const colorOf = (index: number) => COMMUNITY_PALETTE[index % COMMUNITY_PALETTE.length] as string;
  const lines = (pick: 'posts' | 'tonality') =>
    series.map((each, index) => ({ label: each.label, color: colorOf(index), values: each[pick] }));
  const noun = DIMENSION_LABELS[shown.by].toLowerCase();
  return {
    intro: `${listening.watchList ?? 'The watch list'}: ${formatCount(listening.counts.rows)} posts name a watched brand, area or topic (listened up to ${formatDate(listening.now)}).`,
    series: series.map((each, index) => ({
      label: each.label,
      color: colorOf(index),
      total: each.total,
    })),
    leftOut:
      leftOut > 0
        ? `The ${LINES} ${DIMENSION_PLURALS[shown.by]} with the most posts; ${leftOut} more not drawn.`
        : null,
    volume: {
      title: `Posts per ${shown.period} by ${noun}`,
      periods,
      lines: lines('posts'),
      format: (value) => formatCount(value),
      areas: true,
    },
    tonality: {
      title: `Mean tonality per ${shown.period} by ${noun}`,
      periods,
      lines: lines('tonality'),
      format: (value) => (value === 0 ? '0' : value.toFixed(2)),
    },
    shares: totalShareOfVoice(listening.shareOfVoice),
    sharesOf:
      shown.area === null ? 'All brands, every period' : `Brands of ${shown.area}, every period`,
  };
}

/** A thematic community's mean tonality: "· tonality +0.12"; null when it has none. */
export function communityTone(community: ThematicCommunity): string | null {
  if (community.tonality === null) return null;
  const sign = community.tonality >= 0 ? '+' : '−';
  return `· tonality ${sign}${Math.abs(community.tonality).toFixed(2)}`;
}

/** A leader's name: their name, else their handle, else their account key. */
export function leaderName(leader: TopicLeader): string {
  return leader.name ?? (leader.handle ? `@${leader.handle}` : leader.key);
}

/** "HCP · KOL score 87.5". */
export function leaderFacts(leader: TopicLeader): string {
  return [
    leader.actorType ? actorTypeLabel(leader.actorType) : '',
    `KOL score ${leader.kolScore.toFixed(1)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "X · 4 Mar 2024 · 12 reposts · 3 replies · Positive". */
export function postFacts(post: TopPost): string {
  const platform = post.key.slice(0, post.key.indexOf(':'));
  return [
    platformLabel(platform),
    formatDate(post.createdAt),
    `${formatCount(post.reposts)} reposts`,
    `${formatCount(post.replies)} replies`,
    post.tone ? TONE_LABELS[post.tone] : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
