// Who the selected account is: its header (name, handle, platforms, actor type, the shortlist
// button) and its profile (bio, followers, specialty, country, accounts, link to the profile).
import { type AccountAttributes, countryLabel } from '@kolmap/model';
import { displayName } from '../../graph/map-graph.js';
import { type Child, formatCompact, formatCount, h } from '../dom.js';
import { accountLabel, accountSubtitle } from './account-state.js';

/** The header of account `key`; `listed` says whether it is in the shortlist. */
export function accountHeader(
  key: string,
  attributes: AccountAttributes,
  listed: boolean,
  actions: { close: () => void; toggleShortlisted: () => void },
): HTMLElement {
  return h(
    'header',
    { class: 'account-header' },
    h(
      'div',
      { class: 'account-title' },
      h('h2', { id: 'account-name' }, displayName(key, attributes)),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          'aria-label': 'Close the account panel',
          title: 'Close (Esc)',
          onclick: actions.close,
        },
        '×',
      ),
    ),
    h('p', { class: 'account-subtitle' }, accountSubtitle(key, attributes)),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          type: 'button',
          class: listed ? 'button button-small button-on' : 'button button-small',
          'aria-pressed': listed ? 'true' : 'false',
          onclick: actions.toggleShortlisted,
        },
        listed ? '★ In the shortlist' : '☆ Add to shortlist',
      ),
    ),
  );
}

/** The profile; `loading` while the API's details are not in. */
export function accountProfile(attributes: AccountAttributes, loading: boolean): HTMLElement {
  const facts: Child[] = [];
  const fact = (label: string, value: Child) => facts.push(h('dt', {}, label), h('dd', {}, value));
  if (attributes.followers !== undefined) {
    fact(
      'Followers',
      h('span', { title: formatCount(attributes.followers) }, formatCompact(attributes.followers)),
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
