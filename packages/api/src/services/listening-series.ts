// Series and share of voice of a map's listening with filters, computed by core (computeSeries,
// computeShareOfVoice) from the stored post rows. Pure functions: the services read, these compute.
import {
  compileWatchList,
  computeSeries,
  computeShareOfVoice,
  type ListenedPost,
  type Listening,
  type ListeningInfo,
  type ListeningPostRow,
  type Period,
  type Platform,
  type SeriesDimension,
  type SeriesRow,
  type ShareOfVoiceRow,
} from '@kolmap/core';

/** A map's listening ready for series: core's Listening rebuilt from the rows. */
export interface SeriesSource {
  info: ListeningInfo;
  listening: Listening;
  /** Thematic community of an author (described communities only). */
  communityOf: (author: string) => number | undefined;
  /** KOL score of an author in the map. */
  kolScoreOf: (author: string) => number | undefined;
}

/**
 * Rebuilds what computeSeries and computeShareOfVoice read of each post (time, platform, author,
 * brands, areas, topics, tonality) from the stored rows; the rest of a listened post (its key, text
 * counters, PV finding) is not stored and left empty.
 */
export function toSeriesSource(
  info: ListeningInfo,
  rows: readonly ListeningPostRow[],
): SeriesSource {
  const topicKeys = info.topics.map(({ key }) => key);
  const communities = new Map<string, number>();
  const scores = new Map<string, number>();
  const posts = rows.map((row): ListenedPost => {
    if (row.community !== null) communities.set(row.author, row.community);
    if (row.kolScore !== null) scores.set(row.author, row.kolScore);
    return {
      key: '',
      id: '',
      platform: row.platform,
      author: row.author,
      createdAt: '',
      time: row.time,
      language: null,
      brands: row.brands,
      areas: row.areas,
      topics: row.topics.map((index) => topicKeys[index] as string),
      tonality: row.tonality,
      tone: row.tone,
      reposts: 0,
      replies: 0,
      repostOf: null,
      pv: null,
    };
  });
  return {
    info,
    listening: {
      watch: compileWatchList(info.watch),
      posts,
      pvFlags: [],
      topicLabels: new Map(info.topics.map(({ key, label }) => [key, label])),
      otherLanguages: info.counts.otherLanguages,
    },
    communityOf: (author) => communities.get(author),
    kolScoreOf: (author) => scores.get(author),
  };
}

export interface SeriesQuery {
  by: SeriesDimension;
  period: Period;
  /** Brand indices (into the watch list's brands): posts naming one of them; null: any. */
  brands: number[] | null;
  /** Area index: posts of this therapeutic area; null: any. */
  area: number | null;
  platforms: Platform[] | null;
  /** Milliseconds since the epoch, both included; null: open. */
  from: number | null;
  to: number | null;
  /** `by=topic`: the most used topics followed. */
  topTopics: number;
}

/**
 * Volume and tonality per `by` key and period of the posts that pass the filters (time, platform,
 * brands, area), and the share of voice of the watched brands per period.
 *
 * Series keys: `by=brand` gives the brands asked, else the brands of the area asked, else every
 * brand; `by=area` the area asked, else every area; `by=topic` the most used topics of the filtered
 * posts; `by=community` the described thematic communities.
 *
 * Share of voice compares brands with each other, so the brand filter does not narrow the posts it
 * counts (time and platform do): each brand's posts over all brands' posts (only the area's brands
 * when an area is asked, as computeShareOfVoice does), and the same weighted by the authors' KOL
 * scores; then only the rows of the brands asked are kept.
 */
export function computeListeningSeries(
  source: SeriesSource,
  query: SeriesQuery,
): { series: SeriesRow[]; shareOfVoice: ShareOfVoiceRow[] } {
  const { watch } = source.listening;
  const inWindow = source.listening.posts.filter(
    (post) =>
      (query.from === null || post.time >= query.from) &&
      (query.to === null || post.time <= query.to) &&
      (query.platforms === null || query.platforms.includes(post.platform)),
  );
  const wanted = inWindow.filter(
    (post) =>
      (query.brands === null || post.brands.some((brand) => query.brands?.includes(brand))) &&
      (query.area === null || post.areas.includes(query.area)),
  );
  let series = computeSeries(
    { ...source.listening, posts: wanted },
    {
      by: query.by,
      period: query.period,
      communityOf: source.communityOf,
      topTopics: query.topTopics,
    },
  );
  const brandNames = (indices: number[]) => new Set(indices.map((i) => watch.brands[i]?.name));
  if (query.by === 'brand' && (query.brands !== null || query.area !== null)) {
    const keep =
      query.brands !== null
        ? brandNames(query.brands)
        : brandNames(
            watch.brands.map((_, i) => i).filter((i) => watch.brandAreas[i] === query.area),
          );
    series = series.filter((row) => keep.has(row.key));
  } else if (query.by === 'area' && query.area !== null) {
    series = series.filter((row) => row.key === watch.areas[query.area as number]);
  }
  let shareOfVoice = computeShareOfVoice(
    { ...source.listening, posts: inWindow },
    {
      period: query.period,
      kolScoreOf: source.kolScoreOf,
      ...(query.area !== null && { area: watch.areas[query.area] }),
    },
  );
  if (query.brands !== null) {
    const keep = brandNames(query.brands);
    shareOfVoice = shareOfVoice.filter((row) => keep.has(row.brand));
  }
  return { series, shareOfVoice };
}
