import { keysNamedBy, PLATFORMS } from '../src/index.js';

describe('keysNamedBy', () => {
  it('takes a key as it is, an id on every platform and as an actor id, nothing with spaces', () => {
    expect(keysNamedBy('x:88')).toEqual(['x:88']);
    expect(keysNamedBy('actor:a2006')).toEqual(['actor:a2006']);
    expect(keysNamedBy('88')).toEqual([...PLATFORMS.map((p) => `${p}:88`), 'actor:88']);
    expect(keysNamedBy('Dr Hub')).toEqual([]);
    expect(keysNamedBy('')).toEqual([]);
  });
});
