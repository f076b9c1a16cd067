// The KOL table: the accounts the filters show, highest KOL score first, with their type,
// community and role; click a name to select the account, the star to shortlist it.
import { actorTypeLabel, roleLabel } from '@kolmap/model';
import { displayName } from '../graph/map-graph.js';
import { formatCount, formatScore, h, replaceChildren } from './dom.js';
import { communityName, type MapContext, selectAccount, toggleShortlisted } from './map-context.js';
import { shortlistButton } from './shortlist-panel.js';

/** Rows drawn (the top of the list). */
const ROWS = 100;

export function mountKolTable(panel: HTMLElement, context: MapContext): void {
  const { store, derived, data, shortlist } = context;
  const byScore = data.graph
    .nodes()
    .sort(
      (a, b) =>
        (data.graph.getNodeAttribute(b, 'kolScore') ?? -1) -
          (data.graph.getNodeAttribute(a, 'kolScore') ?? -1) || (a < b ? -1 : 1),
    );
  const intro = h('p', { class: 'panel-intro', 'aria-live': 'polite' });
  const body = h('tbody');
  panel.append(
    intro,
    h(
      'table',
      { class: 'data-table kol-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'numeric' }, '#'),
          h('th', { scope: 'col' }, 'Account'),
          h('th', { scope: 'col', class: 'numeric' }, 'Score'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Shortlist')),
        ),
      ),
      body,
    ),
  );

  function draw() {
    const { shown } = derived.get().view;
    const { selected } = store.get();
    const listed = shortlist.get().keys;
    const rows: string[] = [];
    let total = 0;
    for (const key of byScore) {
      if (shown !== null && !shown.has(key)) continue;
      total++;
      if (rows.length < ROWS) rows.push(key);
    }
    intro.textContent =
      total > ROWS
        ? `Top ${ROWS} of ${formatCount(total)} accounts shown, by KOL score.`
        : `${formatCount(total)} accounts shown, by KOL score.`;
    replaceChildren(
      body,
      ...rows.map((key) => {
        const attributes = data.graph.getNodeAttributes(key);
        const detail = [
          attributes.actorType ? actorTypeLabel(attributes.actorType) : '',
          attributes.role && attributes.role !== 'peripheral' ? roleLabel(attributes.role) : '',
          communityName(context, attributes.community),
        ]
          .filter(Boolean)
          .join(' · ');
        return h(
          'tr',
          { class: key === selected ? 'row-focused' : '' },
          h(
            'td',
            { class: 'numeric muted' },
            attributes.rank === undefined ? '' : String(attributes.rank),
          ),
          h(
            'td',
            {},
            h(
              'button',
              { type: 'button', class: 'row-button', onclick: () => selectAccount(context, key) },
              displayName(key, attributes),
            ),
            h('div', { class: 'row-detail', title: detail }, detail),
          ),
          h('td', { class: 'numeric' }, formatScore(attributes.kolScore)),
          h(
            'td',
            {},
            shortlistButton(listed.includes(key), displayName(key, attributes), () =>
              toggleShortlisted(context, key),
            ),
          ),
        );
      }),
    );
  }
  draw();
  derived.subscribe((state, previous) => {
    if (state.view.shown !== previous.view.shown) draw();
  });
  store.subscribe((state, previous) => {
    if (state.selected !== previous.selected) draw();
  });
  shortlist.subscribe(draw);
}
