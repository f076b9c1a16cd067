// The viewer's client of kolmap's HTTP API: one function per endpoint it uses, the API key sent as a
// bearer token when there is one, and a prompt for a key when the API answers 401.
import {
  type AccountDetail,
  type Caller,
  type ListeningView,
  type MapGraphResponse,
  type MapInfo,
  type MapSummary,
  type Period,
  type PvCaseChange,
  type PvCasePage,
  type PvCaseView,
  type PvReviewStatus,
  type SavedShortlist,
  type SeriesDimension,
  type Topics,
} from '@kolmap/model';

/** The periods the viewer draws series per: model's `PERIODS` but `all`. */
export const LISTENING_PERIODS = ['day', 'week', 'month'] as const satisfies readonly Period[];
export type ListeningPeriod = (typeof LISTENING_PERIODS)[number];

/** What the listening series are of, per which period, and the filters of their posts. */
export interface ListeningQuery {
  by: SeriesDimension;
  period: ListeningPeriod;
  /** Posts naming one of these brands (names of the watch list); empty for every brand. */
  brands: string[];
  /** A therapeutic area of the watch list; null for all. */
  area: string | null;
  /** Posts on these platforms; empty for every platform. */
  platforms: string[];
  /** Posts from this day (`2024-03-01`) and up to this one, both included; null leaves an end open. */
  from: string | null;
  to: string | null;
}

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ApiClientOptions {
  /** Prefix of every path. Default `/api/v1`. */
  baseUrl?: string;
  /** The API key in use, or null. */
  getKey: () => string | null;
  setKey: (key: string) => void;
  /** Asks the person for a key after a 401; resolves null when they cancel. */
  askForKey: (message: string) => Promise<string | null>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** PV cases asked for at a time. */
const PV_CASES_PAGE = 50;

/** A client of the API; every method rejects with ApiError. */
export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl ?? '/api/v1';
  let asking: Promise<string | null> | null = null;

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    for (;;) {
      const headers = new Headers(init.headers);
      const key = options.getKey();
      if (key) headers.set('Authorization', `Bearer ${key}`);
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, { ...init, headers });
      } catch (error) {
        throw new ApiError(0, 'NETWORK', `The API did not answer (${String(error)})`);
      }
      if (response.ok) return response;
      const failure = await toApiError(response);
      if (response.status !== 401) throw failure;
      if (options.getKey() === key) {
        // Requests refused together share one prompt.
        asking ??= options
          .askForKey(
            key ? 'This API key was refused. Enter another one.' : 'This server needs an API key.',
          )
          .then((given) => {
            asking = null;
            if (given) options.setKey(given);
            return given;
          });
        if (!(await asking)) throw failure;
      }
    }
  }

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await send(path, init)).json()) as T;
  }

  const map = (mapId: string) => `/maps/${encodeURIComponent(mapId)}`;

  return {
    /** Who the key belongs to and its role (`local`/admin when the server has no keys). */
    async me(): Promise<Caller> {
      return json<Caller>('/me');
    },

    async listMaps(): Promise<MapSummary[]> {
      return (await json<{ maps: MapSummary[] }>('/maps')).maps;
    },
    getMap(mapId: string): Promise<MapInfo> {
      return json<MapInfo>(map(mapId));
    },
    getGraph(mapId: string): Promise<MapGraphResponse> {
      return json<MapGraphResponse>(`${map(mapId)}/graph`);
    },
    getAccount(mapId: string, key: string): Promise<AccountDetail> {
      return json<AccountDetail>(
        `${map(mapId)}/accounts/${encodeURIComponent(key)}?hops=1&direction=both&maxEdges=1`,
      );
    },
    saveShortlist(
      mapId: string,
      input: { name: string; accountKeys: string[]; filters: Record<string, unknown> },
    ): Promise<SavedShortlist> {
      return json<SavedShortlist>(`${map(mapId)}/shortlists`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
    },
    getListening(mapId: string, query: ListeningQuery): Promise<ListeningView> {
      const search = new URLSearchParams({ by: query.by, period: query.period });
      if (query.brands.length > 0) search.set('brand', query.brands.join(','));
      if (query.area !== null) search.set('area', query.area);
      if (query.platforms.length > 0) search.set('platform', query.platforms.join(','));
      if (query.from !== null) search.set('from', query.from);
      if (query.to !== null) search.set('to', query.to);
      return json<ListeningView>(`${map(mapId)}/listening?${search}`);
    },
    getTopics(mapId: string): Promise<Topics> {
      return json<Topics>(`${map(mapId)}/topics?limit=12`);
    },
    /** A page of the pharmacovigilance review queue (analysts and admins: 403 otherwise). */
    listPvCases(
      mapId: string,
      query: { status: PvReviewStatus | null; cursor: string | null },
    ): Promise<PvCasePage> {
      const search = new URLSearchParams({ limit: String(PV_CASES_PAGE) });
      if (query.status !== null) search.set('status', query.status);
      if (query.cursor !== null) search.set('cursor', query.cursor);
      return json<PvCasePage>(`${map(mapId)}/pv-cases?${search}`);
    },
    getPvCase(mapId: string, caseId: string): Promise<PvCaseView> {
      return json<PvCaseView>(`${map(mapId)}/pv-cases/${encodeURIComponent(caseId)}`);
    },
    /** Rejects with ApiError 409 `INVALID_REVIEW_CHANGE` when the review rules forbid the change. */
    updatePvCase(mapId: string, caseId: string, change: PvCaseChange): Promise<PvCaseView> {
      return json<PvCaseView>(`${map(mapId)}/pv-cases/${encodeURIComponent(caseId)}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(change),
      });
    },
    /** The shortlist as CSV; the API records the export in its audit log. */
    async exportShortlistCsv(mapId: string, shortlistId: string): Promise<Blob> {
      return (await send(`${map(mapId)}/shortlists/${encodeURIComponent(shortlistId)}.csv`)).blob();
    },
  };
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (error?.code) {
      return new ApiError(
        response.status,
        error.code,
        error.message ?? response.statusText,
        error.details,
      );
    }
  } catch {
    // Not JSON: a proxy's or the server's own page; reported by status below.
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || text);
}
