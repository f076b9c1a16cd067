// The listening panel (maps analysed with a watch list): volume and tonality over time per brand,
// therapeutic area, topic or thematic community, share of voice of own products and competitors,
// and the thematic communities with their top terms, top posts and leaders (click one to select it
// on the map).

import type { ListeningQuery } from '../api/api-client.js';
import {
  LISTENING_DIMENSIONS,
  LISTENING_PERIODS,
  type Listening,
  type ListeningDimension,
  type ListeningPeriod,
  type ThematicCommunity,
  type Topics,
} from '../api/api-types.js';
import { COMMUNITY_PALETTE } from '../graph/appearance.js';
import { displayName, type MapGraph, platformsOf } from '../graph/map-graph.js';
import { actorTypeLabel, PLATFORMS, platformLabel } from '../graph/vocabulary.js';
import { toChartSeries } from '../listening/chart-series.js';
import { keepWatched, type WatchList, withDay } from '../listening/listening-selectors.js';
import { totalShareOfVoice } from '../listening/share-of-voice.js';
import { type Child, formatCount, formatDate, formatShare, h, replaceChildren } from './dom.js';
import { lineChart } from './line-chart.js';
import { type MapContext, selectAccount } from './map-context.js';
import { COMPETITOR_COLORS, OWN_COLORS, shareOfVoiceChart } from './share-of-voice-chart.js';

/** Series drawn at most (the ones with the most posts). */
const LINES = 6;

const DIMENSION_LABELS: Record<ListeningDimension, string> = {
  brand: 'Brand',
  area: 'Therapeutic area',
  topic: 'Topic',
  community: 'Thematic community',
};

const DIMENSION_PLURALS: Record<ListeningDimension, string> = {
  brand: 'brands',
  area: 'therapeutic areas',
  topic: 'topics',
  community: 'thematic communities',
};

const PERIOD_LABELS: Record<ListeningPeriod, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
};

const TONE_LABELS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;

export function mountListeningPanel(panel: HTMLElement, context: MapContext): void {
  const { api, map, data, store } = context;
  const nodeOfAccount = (account: string) => context.accountIndex().get(account) ?? null;
  // The selectors live in the view state (and so in the address); the controls only change it.
  const query = () => store.get().listening;
  const choose = (next: ListeningQuery) => store.set({ listening: next });
  /** The watch list's brands and areas, known from the first answer. */
  let watch: WatchList | null = null;

  const intro = h('p', { class: 'panel-intro' }, 'Loading what was heard…');
  const bySelect = select('listening-by', LISTENING_DIMENSIONS, DIMENSION_LABELS, query().by);
  const periodSelect = select('listening-period', LISTENING_PERIODS, PERIOD_LABELS, query().period);
  const areaSelect = h('select', { id: 'listening-area', class: 'select' });
  const fromInput = h('input', { id: 'listening-from', class: 'text-input', type: 'date' });
  const toInput = h('input', { id: 'listening-to', class: 'text-input', type: 'date' });
  const brandChoices = h('div', {
    class: 'listening-choices',
    role: 'group',
    'aria-label': 'Brands',
  });
  const platformChoices = h(
    'div',
    { class: 'listening-choices', role: 'group', 'aria-label': 'Platforms' },
    ...platformsOnMap(data.graph, query().platforms).map((code) =>
      choice(platformLabel(code), code, () =>
        choose({ ...query(), platforms: toggle(query().platforms, code) }),
      ),
    ),
  );
  const charts = h('div', { class: 'listening-charts', 'aria-live': 'polite' });
  const topicsSection = h('div', { class: 'listening-topics' });
  panel.append(
    intro,
    h(
      'div',
      { class: 'listening-controls' },
      h('label', { for: bySelect.id }, 'Series by'),
      bySelect,
      h('label', { for: periodSelect.id }, 'Per'),
      periodSelect,
      h('label', { for: areaSelect.id }, 'Area'),
      areaSelect,
      h('label', { for: fromInput.id }, 'From'),
      fromInput,
      h('label', { for: toInput.id }, 'To'),
      toInput,
      h('span', {}, 'Brands'),
      brandChoices,
      h('span', {}, 'Platforms'),
      platformChoices,
    ),
    charts,
    topicsSection,
  );
  bySelect.addEventListener('change', () =>
    choose({ ...query(), by: bySelect.value as ListeningDimension }),
  );
  periodSelect.addEventListener('change', () =>
    choose({ ...query(), period: periodSelect.value as ListeningPeriod }),
  );
  areaSelect.addEventListener('change', () =>
    choose({ ...query(), area: areaSelect.value === '' ? null : areaSelect.value }),
  );
  fromInput.addEventListener('change', () =>
    choose(withDay(query(), 'from', fromInput.value || null)),
  );
  toInput.addEventListener('change', () => choose(withDay(query(), 'to', toInput.value || null)));
  store.subscribe((state, previous) => {
    if (state.listening === previous.listening) return;
    drawControls();
    void load();
  });

  /** The controls as the selectors are (they may change from elsewhere: a link, a bad value let go). */
  function drawControls() {
    const { by, period, area, from, to, brands, platforms } = query();
    bySelect.value = by;
    periodSelect.value = period;
    areaSelect.value = area ?? '';
    fromInput.value = from ?? '';
    fromInput.max = to ?? '';
    toInput.value = to ?? '';
    toInput.min = from ?? '';
    for (const [group, chosen] of [
      [brandChoices, brands],
      [platformChoices, platforms],
    ] as const) {
      for (const button of group.querySelectorAll<HTMLButtonElement>('button')) {
        button.setAttribute('aria-pressed', String(chosen.includes(button.value)));
      }
    }
  }

  /** Learns the watch list's brands and areas, and lets go of those a link names but it has not. */
  function fillWatchList(listening: Listening) {
    watch = { brands: listening.brands.map((brand) => brand.name), areas: listening.areas };
    areaSelect.append(
      h('option', { value: '' }, 'All areas'),
      ...listening.areas.map((area) => h('option', { value: area }, area)),
    );
    brandChoices.append(
      ...listening.brands.map((brand) => {
        const button = choice(brand.name, brand.name, () =>
          choose({ ...query(), brands: toggle(query().brands, brand.name) }),
        );
        // Own products stand out from competitors, as in the share of voice.
        if (brand.own) button.classList.add('own-brand');
        button.title = brand.own ? 'Own product' : 'Competitor';
        return button;
      }),
    );
    drawControls();
    choose(keepWatched(query(), watch));
  }

  let asked = 0;
  async function load() {
    const ask = ++asked;
    charts.setAttribute('aria-busy', 'true');
    try {
      const wanted = query();
      // Brands and areas a link names are checked against the watch list before they are sent:
      // the API refuses the names it does not have.
      const unchecked = watch === null && (wanted.brands.length > 0 || wanted.area !== null);
      const listening = await api.getListening(
        map.id,
        unchecked ? { ...wanted, brands: [], area: null } : wanted,
      );
      if (ask !== asked) return;
      // Letting go of names the watch list has not changes the selectors, which loads them again.
      if (watch === null) fillWatchList(listening);
      if (ask !== asked) return;
      // The link's brands and area are all the watch list's: now they are asked for.
      if (unchecked) {
        void load();
        return;
      }
      drawCharts(listening, wanted);
    } catch (error) {
      if (ask !== asked) return;
      replaceChildren(
        charts,
        h('p', { class: 'error' }, `Listening could not be loaded: ${(error as Error).message}`),
      );
    } finally {
      if (ask === asked) charts.removeAttribute('aria-busy');
    }
  }

  function drawCharts(listening: Listening, shown: ListeningQuery) {
    intro.textContent = `${listening.watchList ?? 'The watch list'}: ${formatCount(listening.counts.rows)} posts name a watched brand, area or topic (listened up to ${formatDate(listening.now)}).`;
    const { periods, series, leftOut } = toChartSeries(listening.series, LINES);
    const colorOf = (index: number) => COMMUNITY_PALETTE[index % COMMUNITY_PALETTE.length];
    const lines = (pick: 'posts' | 'tonality') =>
      series.map((each, index) => ({
        label: each.label,
        color: colorOf(index) as string,
        values: each[pick],
      }));
    const shares = totalShareOfVoice(listening.shareOfVoice);
    const noun = DIMENSION_LABELS[shown.by].toLowerCase();
    replaceChildren(
      charts,
      series.length === 0
        ? h('p', { class: 'muted' }, 'No post in these series.')
        : h(
            'div',
            {},
            h(
              'ul',
              { class: 'series-legend', 'aria-label': 'Series' },
              ...series.map((each, index) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'swatch', style: { background: colorOf(index) } }),
                  h('span', { class: 'series-name' }, each.label),
                  h('span', { class: 'muted' }, formatCount(each.total)),
                ),
              ),
            ),
            leftOut > 0
              ? h(
                  'p',
                  { class: 'muted small' },
                  `The ${LINES} ${DIMENSION_PLURALS[shown.by]} with the most posts; ${leftOut} more not drawn.`,
                )
              : null,
            section(
              'Volume',
              'Posts per period',
              lineChart({
                title: `Posts per ${shown.period} by ${noun}`,
                periods,
                lines: lines('posts'),
                format: (value) => formatCount(value),
                areas: true,
              }),
            ),
            section(
              'Tonality',
              'Mean tonality of the posts, −1 negative to +1 positive',
              lineChart({
                title: `Mean tonality per ${shown.period} by ${noun}`,
                periods,
                lines: lines('tonality'),
                format: (value) => (value === 0 ? '0' : value.toFixed(2)),
              }),
            ),
          ),
      section(
        'Share of voice',
        shown.area === null ? 'All brands, every period' : `Brands of ${shown.area}, every period`,
        shares.length === 0
          ? h('p', { class: 'muted' }, 'No brand named.')
          : h(
              'div',
              {},
              h(
                'ul',
                { class: 'series-legend sov-legend' },
                legendItem(OWN_COLORS[0], 'Own products, by posts'),
                legendItem(OWN_COLORS[1], 'KOL-weighted'),
                legendItem(COMPETITOR_COLORS[0], 'Competitors, by posts'),
                legendItem(COMPETITOR_COLORS[1], 'KOL-weighted'),
              ),
              shareOfVoiceChart(shares),
            ),
      ),
    );
  }

  async function loadTopics() {
    try {
      drawTopics(await api.getTopics(map.id));
    } catch (error) {
      replaceChildren(
        topicsSection,
        h('p', { class: 'error' }, `Topics could not be loaded: ${(error as Error).message}`),
      );
    }
  }

  function drawTopics(topics: Topics) {
    replaceChildren(
      topicsSection,
      section(
        'Most used topics',
        'Hashtags, keywords and brands, by posts',
        h(
          'ul',
          { class: 'topic-chips' },
          ...topics.topics.map((topic) =>
            h(
              'li',
              { class: 'topic-chip' },
              topic.label,
              h('span', { class: 'muted' }, formatCount(topic.posts)),
            ),
          ),
        ),
      ),
      section(
        'Thematic communities',
        'Accounts linked by the topics they share',
        ...topics.communities.map(communityCard),
      ),
    );
  }

  function communityCard(community: ThematicCommunity): HTMLElement {
    const tone =
      community.tonality === null
        ? null
        : h(
            'span',
            { title: 'Mean tonality of its posts, −1 negative to +1 positive' },
            `· tonality ${community.tonality >= 0 ? '+' : '−'}${Math.abs(community.tonality).toFixed(2)}`,
          );
    return h(
      'article',
      { class: 'theme-card', 'aria-labelledby': `theme-${community.id}` },
      h('h4', { id: `theme-${community.id}` }, community.label),
      h(
        'p',
        { class: 'theme-facts muted small' },
        `${formatCount(community.accounts)} accounts · ${formatCount(community.posts)} posts `,
        tone,
      ),
      h(
        'ul',
        { class: 'term-list', 'aria-label': 'Top terms' },
        ...community.topTerms
          .slice(0, 8)
          .map((term) =>
            h(
              'li',
              { title: `${formatCount(term.posts)} posts` },
              term.label,
              h('span', { class: 'muted' }, formatShare(term.share)),
            ),
          ),
      ),
      community.leaders.length === 0
        ? null
        : h(
            'div',
            {},
            h('h5', {}, 'Leaders'),
            h(
              'ol',
              { class: 'leader-list' },
              ...community.leaders.slice(0, 5).map((leader) => {
                const onMap = data.graph.hasNode(leader.key);
                const name = leader.name ?? (leader.handle ? `@${leader.handle}` : leader.key);
                return h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'row-button',
                      disabled: !onMap,
                      title: onMap ? 'Select on the map' : 'Not on this map',
                      onclick: () => selectAccount(context, leader.key),
                    },
                    name,
                  ),
                  h(
                    'span',
                    { class: 'muted small' },
                    [
                      leader.actorType ? actorTypeLabel(leader.actorType) : '',
                      `KOL score ${leader.kolScore.toFixed(1)}`,
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  ),
                );
              }),
            ),
          ),
      community.topPosts.length === 0
        ? null
        : h(
            'div',
            {},
            h('h5', {}, 'Posts that spread most'),
            h(
              'ul',
              { class: 'post-list' },
              ...community.topPosts.slice(0, 3).map((post) => {
                const node = nodeOfAccount(post.author);
                const platform = post.key.slice(0, post.key.indexOf(':'));
                const author: Child = node
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'row-button',
                        title: 'Select the author on the map',
                        onclick: () => selectAccount(context, node),
                      },
                      displayName(node, data.graph.getNodeAttributes(node)),
                    )
                  : h('span', {}, post.author);
                return h(
                  'li',
                  {},
                  author,
                  h(
                    'span',
                    { class: 'muted small' },
                    [
                      platformLabel(platform),
                      formatDate(post.createdAt),
                      `${formatCount(post.reposts)} reposts`,
                      `${formatCount(post.replies)} replies`,
                      post.tone ? TONE_LABELS[post.tone] : '',
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  ),
                );
              }),
            ),
          ),
    );
  }

  void load();
  void loadTopics();
}

/** The platforms the accounts of the map are on (and any a link asks for), in the usual order. */
function platformsOnMap(graph: MapGraph, asked: readonly string[]): string[] {
  const found = new Set<string>(asked);
  graph.forEachNode((_node, attributes) => {
    for (const code of platformsOf(attributes)) found.add(code);
  });
  return PLATFORMS.filter((code) => found.has(code));
}

/** `values` with `value` added, or taken out if it is there. */
function toggle(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((each) => each !== value) : [...values, value];
}

/** A value that can be ticked; none ticked lets every value through. */
function choice(label: string, value: string, onclick: () => void): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'segment', value, 'aria-pressed': 'false', onclick },
    label,
  );
}

function section(title: string, hint: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'listening-section', 'aria-label': title },
    h('h3', {}, title, ' ', h('span', { class: 'section-hint' }, hint)),
    ...children,
  );
}

function legendItem(color: string, label: string): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: 'swatch swatch-square', style: { background: color } }),
    label,
  );
}

function select<T extends string>(
  id: string,
  values: readonly T[],
  labels: Record<T, string>,
  value: T,
): HTMLSelectElement {
  const element = h(
    'select',
    { id, class: 'select' },
    ...values.map((option) => h('option', { value: option }, labels[option])),
  );
  element.value = value;
  return element;
}
