// The map page's layout: the top bar, the side panel with its views (Explore and its tabs, and on
// maps analysed with a watch list Listening and PV queue), the stage sigma draws in, and the account
// panel. Only the elements: the parts are mounted into them.
import type { View } from '../../state/view-state.js';
import { h, replaceChildren } from '../dom.js';
import { createTabs, type Tabs } from '../tabs.js';

export interface MapLayout {
  header: HTMLElement;
  /** Holds sigma's canvases. */
  container: HTMLElement;
  /** The map, its status line, legend and zoom buttons. */
  stage: HTMLElement;
  /** The line under the map: accounts and links shown. */
  status: HTMLElement;
  accountPanel: HTMLElement;
  panels: Record<
    'filters' | 'communities' | 'kols' | 'shortlist' | 'listening' | 'pv',
    HTMLElement
  >;
  /** The Shortlist tab's label (it counts the accounts). */
  shortlistTabLabel: HTMLElement;
  /** The side panel's views. */
  tabs: Tabs;
}

/**
 * Lays the page out in `root`. `onView` is told of each view chosen, and whether the side panel
 * changed width for it (Listening and PV queue widen it).
 */
export function createMapLayout(
  root: HTMLElement,
  onView: (view: View, resized: boolean) => void,
): MapLayout {
  const container = h('div', { class: 'sigma-container' });
  const status = h('div', { class: 'stage-status', 'aria-live': 'polite' });
  const stage = h(
    'main',
    { class: 'stage', 'aria-label': 'Map', dataset: { state: 'loading' } },
    container,
    status,
  );
  const accountPanel = h('aside', {
    class: 'account-panel',
    'aria-labelledby': 'account-name',
    hidden: true,
  });
  const panels = {
    filters: h('div', { class: 'filters-panel' }),
    communities: h('div', { class: 'communities-panel' }),
    kols: h('div', { class: 'kols-panel' }),
    shortlist: h('div', { class: 'shortlist-panel' }),
    listening: h('div', { class: 'listening-panel' }),
    pv: h('div', { class: 'pv-panel' }),
  };
  const shortlistTabLabel = h('span', {}, 'Shortlist');
  const header = h('header', { class: 'top-bar' });
  const sidePanel = h('aside', { class: 'side-panel', 'aria-label': 'Panels' });
  const exploreTabs = createTabs('Explore', [
    { id: 'filters', label: 'Filters', panel: panels.filters },
    { id: 'communities', label: 'Communities', panel: panels.communities },
    { id: 'kols', label: 'KOLs', panel: panels.kols },
    { id: 'shortlist', label: shortlistTabLabel, panel: panels.shortlist },
  ]);
  // Maps analysed with a watch list have two more views beside the exploring tabs; they show charts
  // and posts, and the side panel widens for them.
  const tabs = createTabs(
    'View',
    [
      {
        id: 'explore',
        label: 'Explore',
        panel: h('div', { class: 'tab-panel-flush' }, exploreTabs.element),
      },
      { id: 'listening', label: 'Listening', panel: panels.listening, hidden: true },
      { id: 'pv', label: 'PV queue', panel: panels.pv, hidden: true },
    ],
    (id) => {
      const wide = id !== 'explore';
      const resized = wide !== sidePanel.classList.contains('side-panel-wide');
      if (resized) sidePanel.classList.toggle('side-panel-wide', wide);
      onView(id as View, resized);
    },
  );
  tabs.element.classList.add('view-tabs');
  sidePanel.append(tabs.element);
  replaceChildren(
    root,
    h(
      'div',
      { class: 'app' },
      header,
      h('div', { class: 'workspace' }, sidePanel, stage, accountPanel),
    ),
  );
  return { header, container, stage, status, accountPanel, panels, shortlistTabLabel, tabs };
}
