// Listening of a map analysed with a watch list: volume, tonality and share of voice series with
// filters, topics and thematic communities, and the reversal of privacy-mode pseudonyms (audited).
import {
  type ListeningInfo,
  type Period,
  type Platform,
  revealPseudonym,
  type SeriesDimension,
  type SeriesRow,
  type ShareOfVoiceRow,
} from '@kolmap/core';
import { foldText } from '@kolmap/model';
import { ListeningNotFoundError } from '../store/errors.js';
import type { ExportAuditResource } from '../store/map-store.js';
import { computeListeningSeries } from './listening-series.js';
import type { MapGraphs } from './map-graphs.js';
import type { MapListenings } from './map-listenings.js';
import {
  NoPseudonymKeyError,
  NotInWatchListError,
  PseudonymNotFoundError,
} from './service-errors.js';

/** What series to compute, of which posts. */
export interface ListeningSeriesQuery {
  /** What each series is of. */
  by: SeriesDimension;
  period: Period;
  /** Posts naming one of these brands (names of the watch list, any case and accents). */
  brand?: string[];
  /** Posts of this therapeutic area (a name of the watch list, any case and accents). */
  area?: string;
  platform?: Platform[];
  /** Milliseconds since the epoch, both included. */
  from?: number;
  to?: number;
  /** `by=topic`: how many of the most used topics. */
  top: number;
}

/** The series of a map's listening, with what was listened to. */
export interface ListeningSeries {
  by: SeriesDimension;
  period: Period;
  watchList: string | null;
  now: string;
  listenedAt: string;
  counts: ListeningInfo['counts'];
  brands: Array<{ name: string; own: boolean; therapeuticArea: string | null }>;
  areas: readonly string[];
  series: SeriesRow[];
  shareOfVoice: ShareOfVoiceRow[];
}

/** The most used topics and the thematic communities of a map's listening. */
export interface ListeningTopics {
  topics: ListeningInfo['topics'];
  communities: ListeningInfo['communities'];
  skippedTopics: ListeningInfo['skippedTopics'];
  privacy: ListeningInfo['privacy'];
}

/** The account a pseudonym stands for: its own key, and the key of the map node holding it. */
export interface RevealedPseudonym {
  pseudonym: string;
  accountKey: string;
  mapKey: string;
}

export class ListeningService {
  private readonly audit: ExportAuditResource;
  private readonly graphs: MapGraphs;
  private readonly listenings: MapListenings;
  private readonly pseudonymKey: string | null;

  /** @param pseudonymKey the secret of privacy-mode pseudonyms (config KOLMAP_PSEUDONYM_KEY). */
  constructor(
    audit: ExportAuditResource,
    graphs: MapGraphs,
    listenings: MapListenings,
    pseudonymKey: string | null,
  ) {
    this.audit = audit;
    this.graphs = graphs;
    this.listenings = listenings;
    this.pseudonymKey = pseudonymKey;
  }

  /**
   * Volume and tonality per `by` key and period of the posts that pass the filters, and the share
   * of voice of the watched brands (see computeListeningSeries). ListeningNotFoundError without a
   * listening; NotInWatchListError for a brand or area the watch list does not name.
   */
  async series(mapId: string, query: ListeningSeriesQuery): Promise<ListeningSeries> {
    const source = await this.listenings.series(mapId);
    if (source === null) throw new ListeningNotFoundError(mapId);
    const { info } = source;
    const { brands, areas, brandAreas } = source.listening.watch;
    const brandNames = brands.map((brand) => brand.name);
    const brandIndices =
      query.brand?.map((name) => indexOf(brandNames, name, 'brand', 'brand')) ?? null;
    const area =
      query.area === undefined ? null : indexOf(areas, query.area, 'area', 'therapeutic area');
    const result = computeListeningSeries(source, {
      by: query.by,
      period: query.period,
      brands: brandIndices,
      area,
      platforms: query.platform ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      topTopics: query.top,
    });
    return {
      by: query.by,
      period: query.period,
      watchList: info.watch.name ?? null,
      now: info.now,
      listenedAt: info.listenedAt,
      counts: info.counts,
      brands: brands.map((brand, i) => {
        const brandArea = brandAreas[i];
        return {
          name: brand.name,
          own: brand.own,
          therapeuticArea: brandArea == null ? null : (areas[brandArea] as string),
        };
      }),
      areas,
      ...result,
    };
  }

  /** The `limit` most used topics and the thematic communities (ListeningNotFoundError without). */
  async topics(mapId: string, limit: number): Promise<ListeningTopics> {
    const info = await this.listenings.info(mapId);
    if (info === null) throw new ListeningNotFoundError(mapId);
    return {
      topics: info.topics.slice(0, limit),
      communities: info.communities,
      skippedTopics: info.skippedTopics,
      privacy: info.privacy,
    };
  }

  /**
   * The account a privacy-mode pseudonym stands for, its reversal written to the map's export log
   * by `actor`. NoPseudonymKeyError without the server's key, PseudonymNotFoundError when no
   * account of the map has it.
   */
  async revealPseudonym(
    mapId: string,
    pseudonym: string,
    actor: string,
  ): Promise<RevealedPseudonym> {
    const secret = this.pseudonymKey;
    if (secret === null) throw new NoPseudonymKeyError();
    const whole = await this.graphs.get(mapId);
    for (const { key, attributes } of whole.accounts) {
      const merged = Array.isArray(attributes.accounts) ? (attributes.accounts as string[]) : [];
      const accountKey = revealPseudonym(pseudonym, [key, ...merged], secret);
      if (accountKey === null) continue;
      await this.audit.append({ mapId, actor, what: `pseudonym ${pseudonym}` });
      return { pseudonym, accountKey, mapKey: key };
    }
    throw new PseudonymNotFoundError(pseudonym);
  }
}

/** Index of `name` among `names`, ignoring case and accents; NotInWatchListError otherwise. */
function indexOf(
  names: readonly string[],
  name: string,
  field: 'brand' | 'area',
  what: string,
): number {
  const wanted = foldText(name.trim());
  const index = names.findIndex((known) => foldText(known) === wanted);
  if (index >= 0) return index;
  throw new NotInWatchListError(field, name, what, names);
}
