// Short messages at the bottom of the page ("Link copied", "Export failed: …"), read out by screen
// readers through a live region.
import { h } from './dom.js';

export type Toast = (message: string, kind?: 'info' | 'error') => void;

export function mountToasts(parent: HTMLElement): Toast {
  const region = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  parent.append(region);
  return (message, kind = 'info') => {
    const toast = h('div', { class: `toast toast-${kind}` }, message);
    region.append(toast);
    setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 3000);
  };
}
