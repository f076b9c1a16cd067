// Asks for an API key when the API answers 401; the key is kept for the browser session only.
import { h } from './dom.js';

const STORAGE_KEY = 'kolmap:api-key';

export const readApiKey = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const saveApiKey = (key: string): void => sessionStorage.setItem(STORAGE_KEY, key);

/** Shows the dialog; resolves the key typed, or null when the person cancels. */
export function askForApiKey(message: string): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', {
      type: 'password',
      id: 'api-key',
      autocomplete: 'off',
      required: true,
      class: 'text-input',
    });
    const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog-body' },
      h('h2', { id: 'api-key-title' }, 'API key needed'),
      h('p', {}, message),
      h('label', { for: 'api-key' }, 'API key'),
      input,
      h(
        'div',
        { class: 'dialog-actions' },
        cancel,
        h('button', { type: 'submit', class: 'button button-primary' }, 'Use this key'),
      ),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'api-key-title' }, form);
    document.body.append(dialog);
    const close = (key: string | null) => {
      dialog.close();
      dialog.remove();
      resolve(key);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      close(input.value.trim() || null);
    });
    cancel.addEventListener('click', () => close(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(null);
    });
    dialog.showModal();
    input.focus();
  });
}
