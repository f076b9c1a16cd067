// A search box with autocomplete on account names and handles (an ARIA combobox: arrows move in the
// suggestions, Enter picks, Escape closes). Used to find an account and to pick a path's end.
import { type SearchEntry, searchAccounts } from '../graph/search-accounts.js';
import { formatScore, h, replaceChildren } from './dom.js';

export interface AccountSearchOptions {
  index: () => readonly SearchEntry[];
  id: string;
  label: string;
  placeholder: string;
  onPick: (key: string) => void;
  /** Second line of a suggestion (actor type, community…). */
  describe: (key: string) => string;
}

export function createAccountSearch(options: AccountSearchOptions): HTMLElement {
  const listId = `${options.id}-suggestions`;
  const input = h('input', {
    id: options.id,
    type: 'search',
    class: 'text-input search-input',
    placeholder: options.placeholder,
    autocomplete: 'off',
    spellcheck: false,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, class: 'suggestions', role: 'listbox', hidden: true });
  let found: SearchEntry[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    input.value = '';
    close();
    options.onPick(entry.key);
  };
  const draw = () => {
    replaceChildren(
      list,
      ...found.map((entry, index) =>
        h(
          'li',
          {
            id: `${listId}-${index}`,
            role: 'option',
            class: index === active ? 'suggestion active' : 'suggestion',
            'aria-selected': index === active ? 'true' : 'false',
            onmousedown: (event: MouseEvent) => {
              event.preventDefault();
              pick(entry);
            },
          },
          h('span', { class: 'suggestion-name' }, entry.label),
          h(
            'span',
            { class: 'suggestion-detail' },
            [
              entry.handle && entry.label !== `@${entry.handle}` ? `@${entry.handle}` : '',
              options.describe(entry.key),
            ]
              .filter(Boolean)
              .join(' · '),
          ),
          h(
            'span',
            { class: 'suggestion-score', title: 'KOL score' },
            formatScore(entry.kolScore < 0 ? undefined : entry.kolScore),
          ),
        ),
      ),
      found.length === 0
        ? h('li', { class: 'suggestion-empty', role: 'presentation' }, 'No account found')
        : null,
    );
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    if (input.value.trim() === '') return close();
    found = searchAccounts(options.index(), input.value);
    active = found.length > 0 ? 0 : -1;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    draw();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (list.hidden) input.blur();
      input.value = '';
      close();
    } else if (list.hidden) {
      return;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = found.length === 0 ? -1 : (active + step + found.length) % found.length;
      draw();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(found[active]);
    }
  });
  input.addEventListener('blur', close);

  return h(
    'div',
    { class: 'account-search' },
    h('label', { for: options.id, class: 'visually-hidden' }, options.label),
    input,
    list,
  );
}
