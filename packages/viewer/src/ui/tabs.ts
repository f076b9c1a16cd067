// Tabs (ARIA tablist: arrow keys move between tabs, the panel follows).
import { h } from './dom.js';

export interface Tab {
  id: string;
  label: string | Node;
  panel: HTMLElement;
}

export function createTabs(name: string, tabs: readonly Tab[]): HTMLElement {
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
        onclick: () => choose(index),
        onkeydown: (event: KeyboardEvent) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (step === 0) return;
          event.preventDefault();
          const next = (index + step + tabs.length) % tabs.length;
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
  function choose(chosen: number) {
    buttons.forEach((button, index) => {
      button.setAttribute('aria-selected', index === chosen ? 'true' : 'false');
      button.tabIndex = index === chosen ? 0 : -1;
    });
    panels.forEach((panel, index) => {
      panel.hidden = index !== chosen;
    });
  }
  return h(
    'div',
    { class: 'tabs' },
    h('div', { class: 'tab-list', role: 'tablist', 'aria-label': name }, ...buttons),
    ...panels,
  );
}
