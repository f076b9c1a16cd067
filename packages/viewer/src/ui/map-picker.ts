// The first page: the maps of the server, newest first, each with its size and date and a link that
// opens it (the link is the map's permanent address).
import { type MapSummary } from '@kolmap/model';
import type { ApiClient } from '../api/api-client.js';
import { formatCount, formatDate, h, replaceChildren } from './dom.js';

export async function mountMapPicker(root: HTMLElement, api: ApiClient): Promise<void> {
  const list = h(
    'div',
    { class: 'picker-list', 'aria-busy': 'true' },
    h('p', { class: 'muted' }, 'Loading maps…'),
  );
  replaceChildren(
    root,
    h(
      'div',
      { class: 'picker' },
      h(
        'header',
        { class: 'picker-header' },
        h('span', { class: 'brand' }, 'kolmap'),
        h('h1', {}, 'Maps'),
      ),
      list,
    ),
  );
  try {
    const maps = await api.listMaps();
    list.removeAttribute('aria-busy');
    if (maps.length === 0) {
      replaceChildren(
        list,
        h(
          'p',
          { class: 'muted' },
          'No map yet. Analyse data with kolmap and save it to this server.',
        ),
      );
      return;
    }
    replaceChildren(list, ...maps.map(mapCard));
  } catch (error) {
    list.removeAttribute('aria-busy');
    replaceChildren(
      list,
      h('p', { class: 'error' }, `The maps could not be listed: ${(error as Error).message}`),
    );
  }
}

function mapCard(map: MapSummary): HTMLElement {
  const ready = map.status === 'ready';
  const body = [
    h('span', { class: 'map-card-name' }, map.name),
    h(
      'span',
      { class: 'map-card-counts' },
      `${formatCount(map.counts.accounts)} accounts · ${formatCount(map.counts.interactions)} interactions · ${formatCount(map.counts.communities)} communities`,
    ),
    h(
      'span',
      { class: 'map-card-date' },
      ready ? `Analysed ${formatDate(map.readyAt ?? map.createdAt)}` : statusText(map),
    ),
  ];
  return ready
    ? h('a', { class: 'map-card', href: `/maps/${encodeURIComponent(map.id)}` }, ...body)
    : h('div', { class: 'map-card map-card-unavailable', 'aria-disabled': 'true' }, ...body);
}

function statusText(map: MapSummary): string {
  if (map.status === 'building') return 'Being saved…';
  return `Failed${map.reason ? `: ${map.reason}` : ''}`;
}
