import { countryLabel, languageLabel } from '../src/labels.js';

describe('the words for codes', () => {
  it('names countries from their ISO codes, any case, and keeps other values', () => {
    expect(countryLabel('FR')).toBe('France');
    expect(countryLabel('gb')).toBe('United Kingdom');
    expect(countryLabel('Québec')).toBe('Québec');
    expect(countryLabel('XX')).toBe('XX');
  });

  it('names languages', () => {
    expect(languageLabel('fr')).toBe('French');
  });
});
