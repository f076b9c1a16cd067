// The shortlist: accounts added from the account panel or the KOL table, kept in this browser per
// map; exported as CSV through the API, which saves the shortlist and records the export.
import { displayName } from '../graph/map-graph.js';
import { formatDate, formatScore, h, replaceChildren } from './dom.js';
import {
  describeAccount,
  type MapContext,
  selectAccount,
  toggleShortlisted,
} from './map-context.js';

/** The star that adds an account to the shortlist or removes it. */
export function shortlistButton(
  listed: boolean,
  name: string,
  onClick: () => void,
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: listed ? 'star-button star-button-on' : 'star-button',
      'aria-pressed': listed ? 'true' : 'false',
      'aria-label': listed ? `Remove ${name} from the shortlist` : `Add ${name} to the shortlist`,
      title: listed ? 'Remove from the shortlist' : 'Add to the shortlist',
      onclick: onClick,
    },
    listed ? '★' : '☆',
  );
}

export function mountShortlistPanel(panel: HTMLElement, context: MapContext): void {
  const { shortlist, data, store, api, map } = context;
  const nameInput = h('input', {
    id: 'shortlist-name',
    class: 'text-input',
    value: `${map.name} – ${formatDate(new Date().toISOString())}`,
    maxLength: 200,
  });
  const exportButton = h(
    'button',
    { type: 'button', class: 'button button-primary', onclick: () => exportCsv() },
    'Export CSV',
  );
  const clearButton = h(
    'button',
    { type: 'button', class: 'button', onclick: () => shortlist.set({ keys: [] }) },
    'Clear',
  );
  const intro = h('p', { class: 'panel-intro' });
  const list = h('ol', { class: 'shortlist' });
  panel.append(
    intro,
    list,
    h(
      'div',
      { class: 'shortlist-export' },
      h('label', { for: nameInput.id }, 'Name of the export'),
      nameInput,
      h('div', { class: 'button-row' }, exportButton, clearButton),
      h(
        'p',
        { class: 'muted small' },
        'The export is saved on the server and recorded in its audit log.',
      ),
    ),
  );

  async function exportCsv() {
    const keys = shortlist.get().keys;
    if (keys.length === 0) return;
    exportButton.disabled = true;
    exportButton.textContent = 'Exporting…';
    try {
      const saved = await api.saveShortlist(map.id, {
        name: nameInput.value.trim() || map.name,
        accountKeys: keys,
        filters: { ...store.get().filters },
      });
      const csv = await api.exportShortlistCsv(map.id, saved.id);
      const link = h('a', {
        href: URL.createObjectURL(csv),
        download: `${fileName(saved.name)}.csv`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      context.toast(`Exported ${keys.length} accounts as “${saved.name}”.`);
    } catch (error) {
      context.toast(`The export failed: ${(error as Error).message}`, 'error');
    } finally {
      draw();
    }
  }

  function draw() {
    const keys = shortlist.get().keys.filter((key) => data.graph.hasNode(key));
    intro.textContent =
      keys.length === 0
        ? 'No account yet. Add accounts with ☆ in the account panel or the KOL table.'
        : `${keys.length} ${keys.length === 1 ? 'account' : 'accounts'} in the shortlist.`;
    replaceChildren(
      list,
      ...keys.map((key) => {
        const attributes = data.graph.getNodeAttributes(key);
        const name = displayName(key, attributes);
        return h(
          'li',
          { class: 'shortlist-item' },
          h(
            'div',
            { class: 'shortlist-account' },
            h(
              'button',
              { type: 'button', class: 'row-button', onclick: () => selectAccount(context, key) },
              name,
            ),
            h('div', { class: 'row-detail' }, describeAccount(context, key)),
          ),
          h(
            'span',
            { class: 'shortlist-score', title: 'KOL score' },
            formatScore(attributes.kolScore),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'icon-button',
              'aria-label': `Remove ${name} from the shortlist`,
              title: 'Remove',
              onclick: () => toggleShortlisted(context, key),
            },
            '×',
          ),
        );
      }),
    );
    exportButton.disabled = keys.length === 0;
    exportButton.textContent = 'Export CSV';
    clearButton.disabled = keys.length === 0;
  }
  draw();
  shortlist.subscribe(draw);
}

/** A name safe as a file name. */
function fileName(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}._ -]+/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'shortlist'
  );
}
