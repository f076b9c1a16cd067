// Exports of a map: computed shortlists (CSV, JSON), saved shortlists as CSV, and the whole map as
// GEXF, GraphML or graphology JSON. Every export is written to the map's export log first; computed
// shortlists leave out the do-not-contact list of the map's watch list.
import {
  type ActorType,
  buildShortlist,
  type KolRole,
  type Platform,
  type ShortlistMode,
  type ShortlistOptions,
  type ShortlistRow,
  shortlistRowOf,
  shortlistToCsv,
  shortlistToJson,
  toGexf,
  toGraphml,
  toGraphologyJson,
} from '@kolmap/core';
import type { AccountAttributes, AccountRecord } from '@kolmap/model';
import type {
  ExportAuditEntry,
  ExportAuditResource,
  ShortlistsResource,
} from '../store/map-store.js';
import type { MapGraphs } from './map-graphs.js';
import type { MapListenings } from './map-listenings.js';

/** The formats of a computed shortlist. */
export const SHORTLIST_FORMATS = ['csv', 'json'] as const;
export type ShortlistFormat = (typeof SHORTLIST_FORMATS)[number];

/** The formats of a whole map, and core's writer of each. */
const MAP_FILE_WRITERS = {
  gexf: toGexf,
  graphml: toGraphml,
  json: toGraphologyJson,
} as const;
export type MapFileFormat = keyof typeof MAP_FILE_WRITERS;

/** A computed shortlist: the filters of /kols, how many accounts, how they are picked. */
export interface ShortlistQuery {
  community?: number[];
  actorType?: ActorType[];
  platform?: Platform[];
  role?: KolRole[];
  language?: string[];
  country?: string[];
  minScore?: number;
  maxScore?: number;
  text?: string;
  limit: number;
  mode: ShortlistMode;
  /** A CSV that Excel opens in any locale. */
  excel: boolean;
}

/** A named file: `content` is one string, or chunks for a large one. */
export interface ExportedFile {
  /** The name of what was exported (the map's or the shortlist's). */
  name: string;
  content: string | Iterable<string>;
}

export class ExportsService {
  private readonly audit: ExportAuditResource;
  private readonly shortlists: ShortlistsResource;
  private readonly graphs: MapGraphs;
  private readonly listenings: MapListenings;

  constructor(
    audit: ExportAuditResource,
    shortlists: ShortlistsResource,
    graphs: MapGraphs,
    listenings: MapListenings,
  ) {
    this.audit = audit;
    this.shortlists = shortlists;
    this.graphs = graphs;
    this.listenings = listenings;
  }

  /**
   * A shortlist computed from the map for `actor`: CSV text in chunks, or JSON text (audited with
   * the query).
   */
  async shortlist(
    mapId: string,
    format: ShortlistFormat,
    query: ShortlistQuery,
    actor: string,
  ): Promise<string | Iterable<string>> {
    // Top picks read the accounts only; diverse ones also who gives attention to whom.
    const { graph } = await this.graphs.graph(mapId, query.mode === 'top' ? 'accounts' : 'links');
    const shortlist = buildShortlist(graph, {
      ...toShortlistOptions(query),
      doNotContact: await this.listenings.doNotContact(mapId),
    });
    await this.record(mapId, actor, `shortlist.${format}`, query);
    return format === 'csv'
      ? shortlistToCsv(shortlist.rows, { excel: query.excel })
      : shortlistToJson(shortlist.rows);
  }

  /** A saved shortlist as CSV, one row per account in the saved order, for Excel or not (audited). */
  async savedShortlistCsv(
    mapId: string,
    shortlistId: string,
    actor: string,
    options: { excel: boolean } = { excel: false },
  ): Promise<ExportedFile> {
    const shortlist = await this.shortlists.get(mapId, shortlistId);
    const { accounts } = await this.graphs.get(mapId);
    await this.record(mapId, actor, `shortlists/${shortlist.id}.csv`, {
      shortlist: shortlist.name,
      ...shortlist.filters,
    });
    return {
      name: shortlist.name,
      content: shortlistToCsv(rowsOf(accounts, shortlist.accountKeys), options),
    };
  }

  /** The whole map, every account and interaction, in a graph file format (audited). */
  async mapFile(mapId: string, format: MapFileFormat, actor: string): Promise<ExportedFile> {
    const { graph, whole } = await this.graphs.graph(mapId, 'interactions');
    await this.record(mapId, actor, `export.${format}`, {});
    const write = MAP_FILE_WRITERS[format];
    return { name: whole.map.name, content: write(graph as Parameters<typeof write>[0]) };
  }

  /** Who exported what from the map, oldest first. */
  auditLog(mapId: string): Promise<ExportAuditEntry[]> {
    return this.audit.list(mapId);
  }

  private async record(mapId: string, actor: string, what: string, filters: object) {
    await this.audit.append({ mapId, actor, what, filters: JSON.parse(JSON.stringify(filters)) });
  }
}

function toShortlistOptions(query: ShortlistQuery): ShortlistOptions {
  const score =
    query.minScore !== undefined || query.maxScore !== undefined
      ? {
          ...(query.minScore !== undefined && { min: query.minScore }),
          ...(query.maxScore !== undefined && { max: query.maxScore }),
        }
      : undefined;
  return {
    limit: query.limit,
    mode: query.mode,
    ...(query.community && { communities: query.community }),
    ...(query.actorType && { actorTypes: query.actorType }),
    ...(query.platform && { platforms: query.platform }),
    ...(query.role && { roles: query.role }),
    ...(query.language && { languages: query.language }),
    ...(query.country && { countries: query.country }),
    ...(score && { score }),
  };
}

/** Shortlist rows for accounts picked by hand, in the given order (unknown keys skipped). */
function rowsOf(accounts: readonly AccountRecord[], keys: readonly string[]): ShortlistRow[] {
  const picked = new Set(keys);
  const byKey = new Map(
    accounts.filter(({ key }) => picked.has(key)).map(({ key, attributes }) => [key, attributes]),
  );
  return keys
    .filter((key) => byKey.has(key))
    .map((key, i) => shortlistRowOf(key, byKey.get(key) as AccountAttributes, i + 1));
}
