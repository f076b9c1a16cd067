// A tiny observable store: the view state lives in one, and every part of the page subscribes to
// the slices it draws.

export interface Store<T> {
  get(): T;
  /** Merges a patch (or the patch an updater returns) and tells the listeners if anything changed. */
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  /** Calls `listener(state, previous)` after each change; returns the unsubscribe function. */
  subscribe(listener: (state: T, previous: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T, previous: T) => void>();
  return {
    get: () => state,
    set(patch) {
      const changes = typeof patch === 'function' ? patch(state) : patch;
      const changed = (Object.keys(changes) as (keyof T)[]).some(
        (key) => !Object.is(changes[key], state[key]),
      );
      if (!changed) return;
      const previous = state;
      state = { ...state, ...changes };
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
