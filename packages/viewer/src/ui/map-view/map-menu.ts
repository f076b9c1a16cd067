// The top bar's menu of maps: the server's ready maps (and the one open), each with its size and
// date; choosing one opens it.
import { type MapSummary } from '@kolmap/model';
import { formatCount, formatDate, h } from '../dom.js';

/** The menu of `maps`, on `current`. */
export function mapMenu(maps: MapSummary[], current: MapSummary): HTMLElement {
  const ready = maps.filter((map) => map.status === 'ready');
  if (!ready.some((map) => map.id === current.id)) ready.unshift(current);
  const select = h(
    'select',
    {
      id: 'map-menu',
      class: 'select map-menu',
      onchange: () => window.location.assign(`/maps/${encodeURIComponent(select.value)}`),
    },
    ...ready.map((map) =>
      h(
        'option',
        { value: map.id },
        `${map.name} · ${formatCount(map.counts.accounts)} accounts · ${formatDate(map.readyAt ?? map.createdAt)}`,
      ),
    ),
  );
  select.value = current.id;
  return h(
    'div',
    { class: 'map-menu-holder' },
    h('label', { for: 'map-menu', class: 'visually-hidden' }, 'Map'),
    select,
  );
}
