import { OVERVIEW_ABOVE, showsOverview } from '../../src/render/level-of-detail.js';

describe('showsOverview', () => {
  it('draws small maps account by account, whatever the zoom', () => {
    expect(showsOverview(OVERVIEW_ABOVE, 4)).toBe(false);
    expect(showsOverview(1_000, 1)).toBe(false);
  });

  it('draws large maps as communities until few enough accounts are in view', () => {
    const accounts = OVERVIEW_ABOVE * 16;
    expect(showsOverview(accounts, 1)).toBe(true);
    // At ratio ¼, 1/16 of the map is in view: OVERVIEW_ABOVE accounts, drawn.
    expect(showsOverview(accounts, 0.26)).toBe(true);
    expect(showsOverview(accounts, 0.25)).toBe(false);
  });
});
