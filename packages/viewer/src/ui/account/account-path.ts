// The path from the selected account to another: the search that picks the other end, whether it
// follows the direction of attention, and the path found (each account a button that shows it).
import type { MapGraph } from '../../graph/map-graph.js';
import type { AccountPath } from '../../graph/shortest-path.js';
import type { PathView } from '../../state/view-state.js';
import { type Child, h } from '../dom.js';
import { noPathText, pathSteps } from './account-state.js';

export interface PathFinderOptions {
  /** The path asked for, when it starts at this account. */
  asked: PathView | null;
  /** The path found for it: null when there is none. */
  found: AccountPath | null | undefined;
  /** Whether the next path follows the direction of attention. */
  directed: boolean;
  /** The search that picks the other end. */
  search: HTMLElement;
  /** Ticks or unticks "Follow the direction of attention". */
  follow: (directed: boolean) => void;
  /** Moves the camera to an account of the path. */
  show: (key: string) => void;
  clear: () => void;
}

/** The "Path to another account" section. */
export function pathFinder(graph: MapGraph, options: PathFinderOptions): HTMLElement {
  const { asked, found } = options;
  const result: Child[] = [];
  if (asked) {
    if (found) {
      result.push(
        h(
          'ol',
          { class: 'path-list' },
          ...pathSteps(graph, found).map((step) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'row-button', onclick: () => options.show(step.key) },
                step.name,
              ),
              step.link === null
                ? null
                : h(
                    'div',
                    { class: 'path-step' },
                    step.link === 'forward' ? '↓ engages with' : '↑ is engaged by',
                  ),
            ),
          ),
        ),
        h(
          'p',
          { class: 'muted small' },
          `${found.edges.length} ${found.edges.length === 1 ? 'link' : 'links'}.`,
        ),
      );
    } else {
      result.push(h('p', { class: 'muted small' }, noPathText(graph, asked)));
    }
    result.push(
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: options.clear },
        'Clear the path',
      ),
    );
  }
  const followId = 'path-directed';
  return h(
    'section',
    { class: 'account-section', 'aria-labelledby': 'path-title' },
    h('h3', { id: 'path-title' }, 'Path to another account'),
    options.search,
    graph.type === 'undirected'
      ? null
      : h(
          'div',
          { class: 'check-row' },
          h('input', {
            type: 'checkbox',
            id: followId,
            checked: options.directed,
            onchange: (event: Event) => options.follow((event.target as HTMLInputElement).checked),
          }),
          h('label', { for: followId }, 'Follow the direction of attention'),
        ),
    ...result,
  );
}
