// The selected account's ego network controls: hops (off, 1, 2) and, on a directed map, which
// attention it follows (received, given, both), with what it highlights.
import type { EgoNetwork } from '../../graph/ego-network.js';
import { EGO_DIRECTIONS, type EgoDirection, type EgoView } from '../../state/view-state.js';
import { formatCount, h } from '../dom.js';
import type { AccountAction } from './account-state.js';

const DIRECTION_LABELS: Record<EgoDirection, string> = {
  in: 'Received',
  out: 'Given',
  both: 'Both',
};

/** The "Ego network" section for the ego view `ego` and the network it shows. */
export function egoControls(
  ego: EgoView | null,
  network: EgoNetwork | null,
  directed: boolean,
  dispatch: (action: AccountAction) => void,
): HTMLElement {
  const hopsButtons = ([null, 1, 2] as const).map((hops) =>
    h(
      'button',
      {
        type: 'button',
        class: 'segment',
        'aria-pressed': (ego?.hops ?? null) === hops ? 'true' : 'false',
        onclick: () => dispatch({ type: 'ego-hops', hops }),
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
        onclick: () => dispatch({ type: 'ego-direction', direction }),
      },
      DIRECTION_LABELS[direction],
    ),
  );
  return h(
    'section',
    { class: 'account-section', 'aria-labelledby': 'ego-title' },
    h('h3', { id: 'ego-title' }, 'Ego network'),
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'Hops' }, ...hopsButtons),
    directed
      ? h(
          'div',
          { class: 'segmented', role: 'group', 'aria-label': 'Attention' },
          ...directionButtons,
        )
      : null,
    network
      ? h(
          'p',
          { class: 'muted small' },
          `${formatCount(network.nodes.length - 1)} accounts, ${formatCount(network.edges.length)} links highlighted.`,
        )
      : null,
  );
}
