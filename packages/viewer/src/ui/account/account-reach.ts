// How to reach the selected account: the accounts that engage with it most and those it engages with
// most (on an undirected map, its strongest links), each a button that selects it.
import { displayName, type MapGraph } from '../../graph/map-graph.js';
import { h } from '../dom.js';
import { formatWeight, strongestLinks, type WeightedLink } from './account-state.js';

export interface ReachActions {
  /** "HCP · #oncology": what a button's title says of an account. */
  describe: (key: string) => string;
  select: (key: string) => void;
}

/** The "How to reach them" section of account `key`. */
export function accountReach(graph: MapGraph, key: string, actions: ReachActions): HTMLElement {
  const list = (title: string, hint: string, links: WeightedLink[]) =>
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
                    title: actions.describe(link.key),
                    onclick: () => actions.select(link.key),
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
  return h(
    'section',
    { class: 'account-section', 'aria-labelledby': 'reach-title' },
    h('h3', { id: 'reach-title' }, 'How to reach them'),
    graph.type === 'undirected'
      ? list('Strongest links', '', strongestLinks(graph, key, graph.edges(key)))
      : h(
          'div',
          {},
          list(
            'Who engages with them most',
            '(incoming)',
            strongestLinks(graph, key, graph.inEdges(key)),
          ),
          list(
            'Whom they engage with most',
            '(outgoing)',
            strongestLinks(graph, key, graph.outEdges(key)),
          ),
        ),
  );
}
