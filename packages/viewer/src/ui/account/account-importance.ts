// Why the selected account matters: its KOL score and the chart of its components, its ranks on the
// map and in its community, its role and what it means, and its community (click to bring it forward).
import { type AccountAttributes, roleLabel, roleMeaning } from '@kolmap/model';
import { formatCount, formatScore, h } from '../dom.js';
import { scoreChart } from '../score-chart.js';

export interface ImportanceContext {
  /** Accounts on the map. */
  order: number;
  /** The KOL score's weights the map was analysed with, when known. */
  weights: Record<string, number> | null;
  /** The account's community: its name and colour on the map (null when not coloured by it). */
  community: { name: string; color: string | null; focus: () => void } | null;
}

/** The "Why they matter" section. */
export function accountImportance(
  attributes: AccountAttributes,
  context: ImportanceContext,
): HTMLElement {
  const { community } = context;
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
        h('span', { class: 'score-value', 'data-kol-score': '' }, formatScore(attributes.kolScore)),
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
              ` of ${formatCount(context.order)} accounts`,
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
    community === null
      ? null
      : h(
          'p',
          { class: 'community-line' },
          'Community: ',
          h(
            'button',
            { type: 'button', class: 'link-button', onclick: community.focus },
            community.color
              ? h('span', { class: 'swatch', style: { background: community.color } })
              : null,
            community.name,
          ),
        ),
    attributes.scoreBreakdown ? scoreChart(attributes.scoreBreakdown, context.weights) : null,
  );
}
