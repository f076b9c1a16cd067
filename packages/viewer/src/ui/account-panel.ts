// The side panel of the selected account: who they are (profile), why they matter (KOL score and
// its breakdown, ranks, role, community) and how to reach them (strongest interactions both ways,
// ego network, path to another account).
import type { AccountAttributes, AccountDetail } from '../api/api-types.js';
import { displayName, platformsOf } from '../graph/map-graph.js';
import {
  actorTypeLabel,
  countryLabel,
  platformLabel,
  roleLabel,
  roleMeaning,
} from '../graph/vocabulary.js';
import { EGO_DIRECTIONS, type EgoDirection, type EgoHops } from '../state/view-state.js';
import { createAccountSearch } from './account-search.js';
import { type Child, formatCompact, formatCount, formatScore, h, replaceChildren } from './dom.js';
import {
  communityName,
  describeAccount,
  type MapContext,
  selectAccount,
  toggleShortlisted,
} from './map-context.js';
import { scoreChart, scoreWeights } from './score-chart.js';
import { shortlistButton } from './shortlist-panel.js';

/** Interactions listed each way. */
const STRONGEST = 5;

const DIRECTION_LABELS: Record<EgoDirection, string> = {
  in: 'Received',
  out: 'Given',
  both: 'Both',
};

export function mountAccountPanel(panel: HTMLElement, context: MapContext): void {
  const { store, derived, data, api, map, shortlist, info } = context;
  const details = new Map<string, AccountDetail | Error>();
  const content = h('div', { class: 'account-content' });
  panel.append(content);
  let shownKey: string | null = null;
  let drawnPath = store.get().path;
  /** Whether the next path follows the direction of attention (kept while no path is shown). */
  let followDirection = false;

  function draw() {
    const { selected } = store.get();
    panel.hidden = selected === null || !data.graph.hasNode(selected);
    if (panel.hidden || selected === null) {
      shownKey = null;
      return;
    }
    const keepScroll = shownKey === selected ? content.scrollTop : 0;
    shownKey = selected;
    const newPath = store.get().path !== drawnPath && store.get().path !== null;
    drawnPath = store.get().path;
    const local = data.graph.getNodeAttributes(selected);
    const detail = details.get(selected);
    if (detail === undefined) {
      api.getAccount(map.id, selected).then(
        (answer) => {
          details.set(selected, answer);
          if (store.get().selected === selected) draw();
        },
        (error: Error) => {
          details.set(selected, error);
          if (store.get().selected === selected) draw();
        },
      );
    }
    const attributes: AccountAttributes =
      detail && !(detail instanceof Error) ? { ...local, ...detail.account.attributes } : local;
    replaceChildren(
      content,
      header(selected, attributes),
      detail instanceof Error
        ? h('p', { class: 'error small' }, `Profile details could not be loaded: ${detail.message}`)
        : null,
      profile(attributes, detail === undefined),
      importance(selected, attributes),
      reach(selected),
      egoControls(),
      pathFinder(selected),
    );
    content.scrollTop = keepScroll;
    if (newPath) content.querySelector('.path-list')?.scrollIntoView({ block: 'nearest' });
  }

  function header(key: string, attributes: AccountAttributes): HTMLElement {
    const name = displayName(key, attributes);
    const platforms = platformsOf(attributes).map(platformLabel).join(', ');
    const listed = shortlist.get().keys.includes(key);
    return h(
      'header',
      { class: 'account-header' },
      h(
        'div',
        { class: 'account-title' },
        h('h2', { id: 'account-name' }, name),
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': 'Close the account panel',
            title: 'Close (Esc)',
            onclick: () => store.set({ selected: null, ego: null }),
          },
          '×',
        ),
      ),
      h(
        'p',
        { class: 'account-subtitle' },
        [
          attributes.handle && name !== `@${attributes.handle}` ? `@${attributes.handle}` : '',
          platforms,
          attributes.actorType ? actorTypeLabel(attributes.actorType) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            class: listed ? 'button button-small button-on' : 'button button-small',
            'aria-pressed': listed ? 'true' : 'false',
            onclick: () => toggleShortlisted(context, key),
          },
          listed ? '★ In the shortlist' : '☆ Add to shortlist',
        ),
      ),
    );
  }

  function profile(attributes: AccountAttributes, loading: boolean): HTMLElement {
    const facts: Child[] = [];
    const fact = (label: string, value: Child) =>
      facts.push(h('dt', {}, label), h('dd', {}, value));
    if (attributes.followers !== undefined) {
      fact(
        'Followers',
        h(
          'span',
          { title: formatCount(attributes.followers) },
          formatCompact(attributes.followers),
        ),
      );
    }
    if (attributes.specialty) fact('Specialty', attributes.specialty);
    if (attributes.country) fact('Country', countryLabel(attributes.country));
    if (Array.isArray(attributes.accounts) && attributes.accounts.length > 0) {
      fact('Accounts', attributes.accounts.map(accountLabel).join(', '));
    }
    return h(
      'section',
      { class: 'account-section', 'aria-label': 'Profile' },
      attributes.bio ? h('p', { class: 'account-bio' }, attributes.bio) : null,
      loading ? h('p', { class: 'muted small' }, 'Loading profile…') : null,
      facts.length > 0 ? h('dl', { class: 'facts' }, ...facts) : null,
      typeof attributes.url === 'string' && /^https?:\/\//.test(attributes.url)
        ? h(
            'a',
            {
              class: 'profile-link',
              href: attributes.url,
              target: '_blank',
              rel: 'noopener noreferrer',
            },
            'Open the profile ↗',
          )
        : null,
    );
  }

  function importance(key: string, attributes: AccountAttributes): HTMLElement {
    const weights = scoreWeights(info.get().map?.params);
    const communityId = attributes.community;
    const color =
      communityId === undefined ? null : (derived.get().view.appearance.colors.get(key) ?? null);
    return h(
      'section',
      { class: 'account-section', 'aria-labelledby': 'why-title' },
      h('h3', { id: 'why-title' }, 'Why they matter'),
      h(
        'div',
        { class: 'score-summary' },
        h(
          'div',
          { class: 'score-big' },
          h(
            'span',
            { class: 'score-value', 'data-kol-score': '' },
            formatScore(attributes.kolScore),
          ),
          h('span', { class: 'score-caption' }, 'KOL score'),
        ),
        h(
          'div',
          { class: 'ranks' },
          attributes.rank === undefined
            ? null
            : h(
                'div',
                {},
                h('strong', {}, `#${formatCount(attributes.rank)}`),
                ` of ${formatCount(data.graph.order)} accounts`,
              ),
          attributes.communityRank === undefined
            ? null
            : h(
                'div',
                {},
                h('strong', {}, `#${formatCount(attributes.communityRank)}`),
                ' in their community',
              ),
        ),
      ),
      attributes.role
        ? h(
            'p',
            { class: 'role-line' },
            h('span', { class: `role-chip role-${attributes.role}` }, roleLabel(attributes.role)),
            ' ',
            roleMeaning(attributes.role),
          )
        : null,
      communityId === undefined
        ? null
        : h(
            'p',
            { class: 'community-line' },
            'Community: ',
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                onclick: () => {
                  store.set({ focusCommunity: communityId, selected: null, ego: null, path: null });
                  context.showNodes(
                    data.graph.filterNodes((_node, a) => a.community === communityId),
                  );
                },
              },
              color ? h('span', { class: 'swatch', style: { background: color } }) : null,
              communityName(context, communityId),
            ),
          ),
      attributes.scoreBreakdown ? scoreChart(attributes.scoreBreakdown, weights) : null,
    );
  }

  function reach(key: string): HTMLElement {
    const { graph } = data;
    const strongest = (edges: string[], other: (edge: string) => string) =>
      edges
        .map((edge) => ({ key: other(edge), weight: graph.getEdgeAttribute(edge, 'weight') ?? 1 }))
        .filter((link) => link.key !== key)
        .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
        .slice(0, STRONGEST);
    const list = (title: string, hint: string, links: Array<{ key: string; weight: number }>) =>
      h(
        'div',
        { class: 'interaction-list' },
        h('h4', {}, title, ' ', h('span', { class: 'muted small' }, hint)),
        links.length === 0
          ? h('p', { class: 'muted small' }, 'None')
          : h(
              'ol',
              {},
              ...links.map((link) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'row-button',
                      title: describeAccount(context, link.key),
                      onclick: () => selectAccount(context, link.key),
                    },
                    displayName(link.key, graph.getNodeAttributes(link.key)),
                  ),
                  h(
                    'span',
                    { class: 'interaction-weight', title: 'Interaction weight' },
                    formatWeight(link.weight),
                  ),
                ),
              ),
            ),
      );
    const other = (edge: string) => graph.opposite(key, edge);
    return h(
      'section',
      { class: 'account-section', 'aria-labelledby': 'reach-title' },
      h('h3', { id: 'reach-title' }, 'How to reach them'),
      graph.type === 'undirected'
        ? list('Strongest links', '', strongest(graph.edges(key), other))
        : h(
            'div',
            {},
            list('Who engages with them most', '(incoming)', strongest(graph.inEdges(key), other)),
            list('Whom they engage with most', '(outgoing)', strongest(graph.outEdges(key), other)),
          ),
    );
  }

  function egoControls(): HTMLElement {
    const { ego } = store.get();
    const hopsButtons = ([null, 1, 2] as const).map((hops) =>
      h(
        'button',
        {
          type: 'button',
          class: 'segment',
          'aria-pressed': (ego?.hops ?? null) === hops ? 'true' : 'false',
          onclick: () =>
            store.set({
              ego:
                hops === null
                  ? null
                  : { hops: hops as EgoHops, direction: ego?.direction ?? 'both' },
              path: null,
            }),
        },
        hops === null ? 'Off' : hops === 1 ? '1 hop' : '2 hops',
      ),
    );
    const directionButtons = EGO_DIRECTIONS.map((direction) =>
      h(
        'button',
        {
          type: 'button',
          class: 'segment',
          disabled: ego === null,
          'aria-pressed': ego?.direction === direction ? 'true' : 'false',
          onclick: () => ego && store.set({ ego: { hops: ego.hops, direction } }),
        },
        DIRECTION_LABELS[direction],
      ),
    );
    const egoNetwork = derived.get().view.ego;
    return h(
      'section',
      { class: 'account-section', 'aria-labelledby': 'ego-title' },
      h('h3', { id: 'ego-title' }, 'Ego network'),
      h('div', { class: 'segmented', role: 'group', 'aria-label': 'Hops' }, ...hopsButtons),
      data.graph.type === 'undirected'
        ? null
        : h(
            'div',
            { class: 'segmented', role: 'group', 'aria-label': 'Attention' },
            ...directionButtons,
          ),
      egoNetwork
        ? h(
            'p',
            { class: 'muted small' },
            `${formatCount(egoNetwork.nodes.length - 1)} accounts, ${formatCount(egoNetwork.edges.length)} links highlighted.`,
          )
        : null,
    );
  }

  function pathFinder(from: string): HTMLElement {
    const { path: asked } = store.get();
    const directed = asked?.directed ?? followDirection;
    const found = derived.get().view.path;
    const search = createAccountSearch({
      index: context.searchIndex,
      id: 'path-search',
      label: 'Path to an account',
      placeholder: 'Path to… (name or handle)',
      describe: (key) => describeAccount(context, key),
      onPick: (to) => store.set({ path: { from, to, directed }, ego: null }),
    });
    const result: Child[] = [];
    if (asked && asked.from === from) {
      if (found) {
        result.push(
          h(
            'ol',
            { class: 'path-list' },
            ...found.nodes.map((key, index) => {
              const edge = found.edges[index];
              const forward = edge !== undefined && data.graph.source(edge) === key;
              return h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'row-button', onclick: () => context.showNode(key) },
                  displayName(key, data.graph.getNodeAttributes(key)),
                ),
                edge === undefined
                  ? null
                  : h(
                      'div',
                      { class: 'path-step' },
                      forward ? '↓ engages with' : '↑ is engaged by',
                    ),
              );
            }),
          ),
          h(
            'p',
            { class: 'muted small' },
            `${found.edges.length} ${found.edges.length === 1 ? 'link' : 'links'}.`,
          ),
        );
      } else {
        result.push(
          h(
            'p',
            { class: 'muted small' },
            `No path to ${displayName(asked.to, data.graph.hasNode(asked.to) ? data.graph.getNodeAttributes(asked.to) : {})}${asked.directed ? ' following the direction of attention' : ''}.`,
          ),
        );
      }
      result.push(
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => store.set({ path: null }) },
          'Clear the path',
        ),
      );
    }
    const followId = 'path-directed';
    return h(
      'section',
      { class: 'account-section', 'aria-labelledby': 'path-title' },
      h('h3', { id: 'path-title' }, 'Path to another account'),
      search,
      data.graph.type === 'undirected'
        ? null
        : h(
            'div',
            { class: 'check-row' },
            h('input', {
              type: 'checkbox',
              id: followId,
              checked: directed,
              onchange: (event: Event) => {
                followDirection = (event.target as HTMLInputElement).checked;
                const path = store.get().path;
                if (path) store.set({ path: { ...path, directed: followDirection } });
              },
            }),
            h('label', { for: followId }, 'Follow the direction of attention'),
          ),
      ...result,
    );
  }

  draw();
  store.subscribe((state, previous) => {
    if (
      state.selected !== previous.selected ||
      state.ego !== previous.ego ||
      state.path !== previous.path
    ) {
      draw();
    }
  });
  shortlist.subscribe(draw);
  info.subscribe(draw);
  derived.subscribe((state, previous) => {
    if (state.view.appearance !== previous.view.appearance) draw();
  });
}

/** `x:x2025` as "X x2025". */
function accountLabel(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? key : `${platformLabel(key.slice(0, at))} ${key.slice(at + 1)}`;
}

function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(1);
}
