// The communities table: label, size, leading members and main actor types of each community;
// clicking one brings it forward on the map and frames it, "Only" filters the map to it.
import { actorTypeLabel } from '@kolmap/model';
import { computeAppearance, OTHER_COLOR } from '../graph/appearance.js';
import { summarizeCommunities } from '../graph/community-summaries.js';
import { displayName } from '../graph/map-graph.js';
import { formatCount, h, replaceChildren } from './dom.js';
import type { MapContext } from './map-context.js';

/** Rows before "Show all". */
const FIRST_ROWS = 25;

export function mountCommunitiesPanel(panel: HTMLElement, context: MapContext): void {
  const { store, data } = context;
  const summaries = summarizeCommunities(data.graph, data.communities);
  const colorOf = new Map<number, string>();
  for (const entry of computeAppearance(data.graph, data.communities).legend) {
    for (const id of entry.communities ?? []) colorOf.set(id, entry.color);
  }
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'link-button' });
  let expanded = false;
  panel.append(
    h(
      'p',
      { class: 'panel-intro' },
      `${formatCount(summaries.length)} communities, largest first, with their top members by KOL score and main actor types. Click one to bring it forward on the map.`,
    ),
    h(
      'table',
      { class: 'data-table communities-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Community'),
          h('th', { scope: 'col', class: 'numeric' }, 'Size'),
        ),
      ),
      body,
    ),
    more,
  );
  more.addEventListener('click', () => {
    expanded = !expanded;
    draw();
  });

  function draw() {
    const { focusCommunity, filters } = store.get();
    const rows = expanded ? summaries : summaries.slice(0, FIRST_ROWS);
    replaceChildren(
      body,
      ...rows.map((community) => {
        const focused = focusCommunity === community.id;
        const only = filters.communities.length === 1 && filters.communities[0] === community.id;
        const color = colorOf.get(community.id) ?? OTHER_COLOR;
        return h(
          'tr',
          { class: focused ? 'row-focused' : '' },
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'row-button',
                'aria-pressed': focused ? 'true' : 'false',
                onclick: () => {
                  if (focused) return store.set({ focusCommunity: null });
                  store.set({
                    focusCommunity: community.id,
                    selected: null,
                    ego: null,
                    path: null,
                  });
                  context.showNodes(
                    data.graph.filterNodes(
                      (_node, attributes) => attributes.community === community.id,
                    ),
                  );
                },
              },
              h('span', { class: 'swatch', style: { background: color } }),
              h('span', { class: 'community-label' }, community.label),
            ),
            h(
              'div',
              { class: 'community-members' },
              h('span', { class: 'visually-hidden' }, 'Top members: '),
              community.topMembers
                .map((key) => displayName(key, data.graph.getNodeAttributes(key)))
                .join(', '),
            ),
            h(
              'div',
              { class: 'community-types' },
              h('span', { class: 'visually-hidden' }, 'Main types: '),
              community.actorTypes
                .map(({ value, share }) => `${actorTypeLabel(value)} ${Math.round(share * 100)}%`)
                .join(' · '),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button small',
                'aria-pressed': only ? 'true' : 'false',
                onclick: () =>
                  store.set(({ filters }) => ({
                    filters: { ...filters, communities: only ? [] : [community.id] },
                  })),
              },
              only ? 'Show all communities' : 'Show only this one',
            ),
          ),
          h('td', { class: 'numeric' }, formatCount(community.size)),
        );
      }),
    );
    more.hidden = summaries.length <= FIRST_ROWS;
    more.textContent = expanded ? 'Show fewer' : `Show all ${formatCount(summaries.length)}`;
  }
  draw();
  store.subscribe((state, previous) => {
    if (state.focusCommunity !== previous.focusCommunity || state.filters !== previous.filters)
      draw();
  });
}
