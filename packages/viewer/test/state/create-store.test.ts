import { createStore } from '../../src/state/create-store.js';

describe('createStore', () => {
  it('merges patches and tells listeners with the previous state', () => {
    const store = createStore({ a: 1, b: 'x' });
    const seen: Array<[number, number]> = [];
    store.subscribe((state, previous) => seen.push([state.a, previous.a]));
    store.set({ a: 2 });
    store.set((state) => ({ a: state.a + 1 }));
    expect(store.get()).toEqual({ a: 3, b: 'x' });
    expect(seen).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('says nothing when nothing changes, and stops after unsubscribe', () => {
    const store = createStore({ a: 1 });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.set({ a: 1 });
    unsubscribe();
    store.set({ a: 2 });
    expect(calls).toBe(0);
  });
});
