import { foldHandle, foldText } from '../src/fold-text.js';

describe('text folding', () => {
  it('ignores case, accents and a leading @', () => {
    expect(foldText('Sébastien MARIÉ')).toBe('sebastien marie');
    expect(foldText('Ørsted Æble Straße Łódź')).toBe('orsted aeble strasse lodz');
    expect(foldHandle('@Chloé_B')).toBe('chloe_b');
  });

  it('folds case, accents and ligatures', () => {
    expect(foldText('Sclérose')).toBe('sclerose');
    expect(foldText('CŒUR')).toBe('coeur');
    expect(foldText('Diabète')).toBe(foldText('diabete'));
  });
});
