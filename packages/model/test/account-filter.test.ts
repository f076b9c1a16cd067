import {
  compileAccountFilter,
  matchesAccountFilter,
  matchesLanguage,
} from '../src/account-filter.js';

describe('matchesLanguage', () => {
  it('matches a code, any case, and its regional variants', () => {
    expect(matchesLanguage('fr', ['fr'])).toBe(true);
    expect(matchesLanguage('FR', ['fr'])).toBe(true);
    expect(matchesLanguage('fr-CA', ['fr'])).toBe(true);
    expect(matchesLanguage('fr-CA', ['fr-ca'])).toBe(true);
    expect(matchesLanguage('fr', ['fr-ca'])).toBe(false);
    expect(matchesLanguage('fra', ['fr'])).toBe(false);
    expect(matchesLanguage(undefined, ['fr'])).toBe(false);
  });
});

describe('matchesAccountFilter', () => {
  const account = {
    community: 2,
    actorType: 'hcp',
    platform: 'x',
    role: 'leader',
    language: 'fr-CA',
    country: 'CA',
    kolScore: 40,
  };

  it('lets every account through without filters', () => {
    expect(matchesAccountFilter({}, {})).toBe(true);
  });

  it('keeps accounts matching any value of each list', () => {
    expect(matchesAccountFilter(account, { communities: [1, 2], actorTypes: ['hcp'] })).toBe(true);
    expect(matchesAccountFilter(account, { roles: ['bridge'] })).toBe(false);
    expect(matchesAccountFilter(account, { languages: ['FR'], countries: ['ca'] })).toBe(true);
    expect(matchesAccountFilter(account, { languages: ['fr-FR'] })).toBe(false);
  });

  it('puts an actor on each platform of its accounts', () => {
    const actor = { platforms: ['linkedin', 'youtube'] };
    expect(matchesAccountFilter(actor, { platforms: ['youtube'] })).toBe(true);
    expect(matchesAccountFilter(actor, { platforms: ['x'] })).toBe(false);
  });

  it('bounds the score, both ends included, and leaves unscored accounts out', () => {
    expect(matchesAccountFilter(account, { minScore: 40, maxScore: 40 })).toBe(true);
    expect(matchesAccountFilter(account, { minScore: 41 })).toBe(false);
    expect(matchesAccountFilter({ platform: 'x' }, { maxScore: 100 })).toBe(false);
  });

  it('reads the community from another attribute when told', () => {
    const matches = compileAccountFilter({ communities: [5] }, { communityAttribute: 'group' });
    expect(matches({ group: 5, community: 2 })).toBe(true);
    expect(matches({ community: 5 })).toBe(false);
  });
});
