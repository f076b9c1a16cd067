import type { ListeningView as Listening, SeriesRow as ListeningSeriesRow } from '@kolmap/model';
import type { ListeningQuery } from '../../../src/api/api-client.js';
import { DEFAULT_LISTENING_QUERY } from '../../../src/state/view-state.js';
import {
  communityTone,
  LINES,
  leaderFacts,
  leaderName,
  listeningRequest,
  platformsOnMap,
  postFacts,
  reduceListeningQuery,
  toListeningCharts,
  toWatchList,
} from '../../../src/ui/listening/listening-state.js';
import { smallMap } from '../../graph/small-map.js';

const query = (patch: Partial<ListeningQuery>): ListeningQuery => ({
  ...DEFAULT_LISTENING_QUERY,
  ...patch,
});

const row = (period: string, key: string, posts: number): ListeningSeriesRow => ({
  period,
  dimension: 'brand',
  key,
  label: key,
  posts,
  positive: 0,
  neutral: posts,
  negative: 0,
  tonality: 0.1,
  netTonality: null,
});

function listening(series: ListeningSeriesRow[]): Listening {
  return {
    by: 'brand',
    period: 'month',
    watchList: 'Oncology launch',
    now: '2024-06-30T00:00:00Z',
    listenedAt: '2024-06-30T00:00:00Z',
    counts: {
      read: 3000,
      purged: 0,
      otherLanguages: 0,
      listened: 3000,
      naming: 1234,
      rows: 1234,
      pvCases: 30,
      excludedFromMarketing: 0,
    },
    brands: [
      { name: 'Mammelis', own: true, therapeuticArea: 'oncology' },
      { name: 'Oncavera', own: false, therapeuticArea: 'oncology' },
    ],
    areas: ['oncology'],
    series,
    shareOfVoice: [
      {
        period: '2024-01',
        brand: 'Oncavera',
        own: false,
        posts: 1,
        share: 0.25,
        weighted: 1,
        weightedShare: 0.5,
      },
      {
        period: '2024-01',
        brand: 'Mammelis',
        own: true,
        posts: 3,
        share: 0.75,
        weighted: 1,
        weightedShare: 0.5,
      },
    ],
  };
}

describe('reduceListeningQuery', () => {
  it('sets what the series are by and per, and the area', () => {
    let state = reduceListeningQuery(DEFAULT_LISTENING_QUERY, { type: 'by', by: 'area' });
    state = reduceListeningQuery(state, { type: 'period', period: 'week' });
    state = reduceListeningQuery(state, { type: 'area', area: 'oncology' });
    expect(state).toEqual(query({ by: 'area', period: 'week', area: 'oncology' }));
    expect(reduceListeningQuery(state, { type: 'area', area: null }).area).toBeNull();
  });

  it('ticks and unticks brands and platforms in the order they were ticked', () => {
    let state = reduceListeningQuery(DEFAULT_LISTENING_QUERY, { type: 'brand', brand: 'B' });
    state = reduceListeningQuery(state, { type: 'brand', brand: 'A' });
    state = reduceListeningQuery(state, { type: 'platform', platform: 'x' });
    expect(state).toEqual(query({ brands: ['B', 'A'], platforms: ['x'] }));
    state = reduceListeningQuery(state, { type: 'brand', brand: 'B' });
    expect(state.brands).toEqual(['A']);
  });

  it('lets the other end of the range go when a day passes it', () => {
    const state = reduceListeningQuery(query({ to: '2024-02-01' }), {
      type: 'day',
      end: 'from',
      day: '2024-03-01',
    });
    expect(state).toEqual(query({ from: '2024-03-01' }));
  });

  it('lets go of the names the watch list has not, and changes nothing else', () => {
    const watch = toWatchList(listening([]));
    expect(watch).toEqual({ brands: ['Mammelis', 'Oncavera'], areas: ['oncology'] });
    const asked = query({ brands: ['mammelis', 'Nope'], area: 'cardiology' });
    expect(reduceListeningQuery(asked, { type: 'watched', watch })).toEqual(
      query({ brands: ['Mammelis'] }),
    );
    const known = query({ brands: ['Oncavera'] });
    expect(reduceListeningQuery(known, { type: 'watched', watch })).toBe(known);
  });
});

describe('listeningRequest', () => {
  it('leaves a link’s brands and area out until the watch list is known', () => {
    const wanted = query({ brands: ['Mammelis'], area: 'oncology', period: 'week' });
    expect(listeningRequest(wanted, null)).toEqual({
      query: query({ period: 'week' }),
      checking: true,
    });
    const watch = { brands: ['Mammelis'], areas: ['oncology'] };
    expect(listeningRequest(wanted, watch)).toEqual({ query: wanted, checking: false });
  });

  it('asks at once when the selectors name no brand or area', () => {
    const wanted = query({ platforms: ['x'] });
    expect(listeningRequest(wanted, null)).toEqual({ query: wanted, checking: false });
  });
});

describe('platformsOnMap', () => {
  it('lists the platforms of the accounts, and those a link asks for, in the usual order', () => {
    expect(platformsOnMap(smallMap(), [])).toEqual(['x', 'linkedin', 'facebook', 'instagram']);
    expect(platformsOnMap(smallMap(), ['youtube'])).toContain('youtube');
  });
});

describe('toListeningCharts', () => {
  it('names the series drawn and says how many are left out', () => {
    const brands = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const rows = brands.map((brand, index) => row('2024-01', brand, 10 - index));
    const charts = toListeningCharts(listening(rows), query({ by: 'brand', period: 'month' }));
    expect(charts.series.map((each) => each.label)).toEqual(brands.slice(0, LINES));
    expect(charts.series[0]).toEqual({ label: 'A', color: expect.any(String), total: 10 });
    expect(charts.leftOut).toBe('The 6 brands with the most posts; 2 more not drawn.');
    expect(charts.volume.title).toBe('Posts per month by brand');
    expect(charts.tonality.title).toBe('Mean tonality per month by brand');
    expect(charts.volume.lines[0]?.color).toBe(charts.tonality.lines[0]?.color);
    expect(charts.intro).toBe(
      'Oncology launch: 1,234 posts name a watched brand, area or topic (listened up to 30 Jun 2024).',
    );
  });

  it('gives the share of voice of every brand or of the area', () => {
    const all = toListeningCharts(listening([row('2024-01', 'A', 1)]), query({}));
    expect(all.leftOut).toBeNull();
    expect(all.sharesOf).toBe('All brands, every period');
    expect(all.shares.map((share) => share.brand)).toEqual(['Mammelis', 'Oncavera']);
    const area = toListeningCharts(listening([]), query({ area: 'oncology', by: 'area' }));
    expect(area.sharesOf).toBe('Brands of oncology, every period');
    expect(area.series).toEqual([]);
  });
});

describe('the words of the thematic communities', () => {
  const leader = {
    position: 1,
    key: 'x:a',
    name: null,
    handle: 'ana',
    platform: 'x',
    actorType: 'hcp',
    kolScore: 87.46,
    role: null,
    followers: null,
    url: null,
  };

  it('names a leader and says who they are', () => {
    expect(leaderName(leader)).toBe('@ana');
    expect(leaderName({ ...leader, handle: null })).toBe('x:a');
    expect(leaderName({ ...leader, name: 'Ana' })).toBe('Ana');
    expect(leaderFacts({ ...leader, actorType: null })).toBe('KOL score 87.5');
  });

  it('writes the tonality with its sign', () => {
    const community = { tonality: -0.123 } as Parameters<typeof communityTone>[0];
    expect(communityTone(community)).toBe('· tonality −0.12');
    expect(communityTone({ ...community, tonality: null })).toBeNull();
  });

  it('says where and how far a post spread', () => {
    const post = {
      key: 'x:p1',
      author: 'x:a',
      createdAt: '2024-03-04T10:00:00Z',
      reposts: 1200,
      replies: 3,
      tone: 'positive' as const,
    };
    expect(postFacts(post)).toBe('X · 4 Mar 2024 · 1,200 reposts · 3 replies · Positive');
    expect(postFacts({ ...post, tone: null })).toBe('X · 4 Mar 2024 · 1,200 reposts · 3 replies');
  });
});
