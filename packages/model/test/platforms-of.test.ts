import { platformsOf } from '../src/platforms-of.js';

describe('platformsOf', () => {
  it("reads an actor's platforms or an account's own", () => {
    expect(platformsOf({ platforms: ['x', 'linkedin'], platform: 'x' })).toEqual(['x', 'linkedin']);
    expect(platformsOf({ platform: 'youtube' })).toEqual(['youtube']);
    expect(platformsOf({})).toEqual([]);
  });
});
