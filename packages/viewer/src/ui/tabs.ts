// Tabs (ARIA tablist: arrow keys move between tabs, the panel follows). A tab can be hidden until
// what it shows is known to be there; the tab list itself is hidden while a single tab is shown.
import { h } from './dom.js';

export interface Tab {
  id: string;
  label: string | Node;
  panel: HTMLElement;
  /** Hidden until `setShown(id, true)`. Default false. */
  hidden?: boolean;
}

export interface Tabs {
  element: HTMLElement;
  /** Shows or hides a tab; hiding the chosen one chooses the first. */
  setShown: (id: string, shown: boolean) => void;
  /** Chooses a tab that is shown (as a click would, `onChoose` included); false if it is hidden. */
  choose: (id: string) => boolean;
}

/** Tabs named `name`; `onChoose` is called with the id of each tab chosen. */
export function createTabs(
  name: string,
  tabs: readonly Tab[],
  onChoose: (id: string) => void = () => undefined,
): Tabs {
  const buttons = tabs.map((tab, index) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `${name}-tab-${tab.id}`,
        class: 'tab',
        'aria-controls': `${name}-panel-${tab.id}`,
        'aria-selected': index === 0 ? 'true' : 'false',
        tabIndex: index === 0 ? 0 : -1,
        hidden: tab.hidden === true,
        onclick: () => choose(index),
        onkeydown: (event: KeyboardEvent) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (step === 0) return;
          event.preventDefault();
          let next = index;
          do next = (next + step + tabs.length) % tabs.length;
          while (buttons[next]?.hidden);
          choose(next);
          buttons[next]?.focus();
        },
      },
      tab.label,
    ),
  );
  const panels = tabs.map((tab, index) => {
    Object.assign(tab.panel, {
      id: `${name}-panel-${tab.id}`,
      hidden: index !== 0,
    });
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', `${name}-tab-${tab.id}`);
    tab.panel.classList.add('tab-panel');
    return tab.panel;
  });
  let current = 0;
  function choose(chosen: number) {
    current = chosen;
    buttons.forEach((button, index) => {
      button.setAttribute('aria-selected', index === chosen ? 'true' : 'false');
      button.tabIndex = index === chosen ? 0 : -1;
    });
    panels.forEach((panel, index) => {
      panel.hidden = index !== chosen;
    });
    onChoose((tabs[chosen] as Tab).id);
  }
  const indexOf = (id: string) => tabs.findIndex((tab) => tab.id === id);
  const list = h('div', { class: 'tab-list', role: 'tablist', 'aria-label': name }, ...buttons);
  const hideLonelyTab = () => {
    list.hidden = buttons.filter((button) => !button.hidden).length <= 1;
  };
  hideLonelyTab();
  return {
    element: h('div', { class: 'tabs' }, list, ...panels),
    setShown(id, shown) {
      const index = indexOf(id);
      const button = buttons[index];
      if (!button) return;
      button.hidden = !shown;
      hideLonelyTab();
      if (!shown && current === index) choose(0);
    },
    choose(id) {
      const index = indexOf(id);
      if (buttons[index]?.hidden !== false) return false;
      if (index !== current) choose(index);
      return true;
    },
  };
}
