import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  computeTonality,
  TONALITY_LEXICONS,
  textTonality,
  tonalityLanguage,
} from '../../src/listen/compute-tonality.js';
import { expandForms, tokenize } from '../../src/listen/text-tokens.js';

const tone = (text: string, language?: string) => textTonality(text, language).tone;
const score = (text: string, language?: string) => textTonality(text, language).score;

describe('tokenize and expandForms', () => {
  it('folds words, keeps hashtags, marks clause breaks, splits elisions and "n\'t"', () => {
    expect(
      tokenize("Je n'en peux plus, #SEPInvisible… it doesn't WORK! https://t.co/x @Marie"),
    ).toEqual([
      'je',
      'n',
      'en',
      'peux',
      'plus',
      '|',
      '#sepinvisible',
      '|',
      'it',
      'does',
      'not',
      'work',
      '|',
    ]);
  });

  it('expands compact lexicon entries', () => {
    expect(expandForms('déçu(e)(s)')).toEqual(['déçu', 'déçus', 'déçue', 'déçues']);
    expect(expandForms('wait(ed|ing)')).toEqual(['wait', 'waited', 'waiting']);
  });
});

describe('computeTonality, hand-written English cases', () => {
  it('reads plain positive, negative and neutral posts', () => {
    expect(tone('Great news, the drug is now reimbursed!', 'en')).toBe('positive');
    expect(tone('Terrible night, pain everywhere', 'en')).toBe('negative');
    expect(tone('The committee meets on 12 June.', 'en')).toBe('neutral');
  });

  it('turns a negated word around at half strength', () => {
    expect(tone('Not happy with my appointment', 'en')).toBe('negative');
    expect(tone("It's not bad at all", 'en')).toBe('positive');
    expect(tone("I don't feel any better", 'en')).toBe('negative');
    expect(Math.abs(score('not good', 'en'))).toBeLessThan(Math.abs(score('good', 'en')));
  });

  it('stops negation at the end of the clause', () => {
    expect(tone('No doubt about it. Great team.', 'en')).toBe('positive');
    expect(tone('Not today, but great news', 'en')).toBe('positive');
  });

  it('scales a word after an intensifier or a softener', () => {
    expect(score('very good', 'en')).toBeGreaterThan(score('good', 'en'));
    expect(score('a bit tired', 'en')).toBeGreaterThan(score('tired', 'en'));
  });

  it('weighs the clause after "but" more', () => {
    expect(tone('The results looked promising but the toxicity is a real problem', 'en')).toBe(
      'negative',
    );
    expect(tone("It wasn't easy, but the surgery was a success", 'en')).toBe('positive');
  });

  it('reads idioms and emojis', () => {
    expect(tone('Never felt better', 'en')).toBe('positive');
    expect(tone("Couldn't be happier", 'en')).toBe('positive');
    expect(tone('Scan day 😢', 'en')).toBe('negative');
    expect(tone('Last chemo today 💪', 'en')).toBe('positive');
  });
});

describe('computeTonality, hand-written French cases', () => {
  it('reads plain positive, negative and neutral posts', () => {
    expect(tone('Excellente nouvelle, le traitement est remboursé', 'fr')).toBe('positive');
    expect(tone("Nuit horrible, j'ai mal partout", 'fr')).toBe('negative');
    expect(tone('Le webinaire commence à 18h.', 'fr')).toBe('neutral');
  });

  it('handles pas, jamais, aucun and ne … personne', () => {
    expect(tone('Pas satisfaite de ma consultation', 'fr')).toBe('negative');
    expect(tone('Pas mal du tout, le nouveau stylo', 'fr')).toBe('positive');
    expect(tone('Je ne me sens pas mieux', 'fr')).toBe('negative');
    expect(tone('Je ne me suis jamais sentie pressée', 'fr')).toBe('positive');
    expect(tone('Je ne recommande cette clinique à personne', 'fr')).toBe('negative');
    expect(tone('Aucune amélioration depuis trois mois', 'fr')).toBe('negative');
  });

  it('keeps "ne" without its second half from negating', () => {
    expect(score("Il n'y a que du bon", 'fr')).toBeGreaterThan(0);
  });

  it('intensifies and weighs the clause after "mais"', () => {
    expect(score('très contente', 'fr')).toBeGreaterThan(score('contente', 'fr'));
    expect(tone('Le traitement marche, mais la fatigue est insupportable', 'fr')).toBe('negative');
  });
});

describe('tonalityLanguage', () => {
  it('uses the post language when French or English, else guesses from common words', () => {
    expect(tonalityLanguage('fr-CA', [])).toBe('fr');
    expect(tonalityLanguage('en-GB', [])).toBe('en');
    expect(tonalityLanguage(undefined, tokenize('je suis très contente de mon traitement'))).toBe(
      'fr',
    );
    expect(tonalityLanguage('de', tokenize('the pain is bad'))).toBe('en');
  });

  it('reads "pain" as pain in English only', () => {
    const tokens = tokenize('pain');
    expect(computeTonality(tokens, TONALITY_LEXICONS.en).tone).toBe('negative');
    expect(computeTonality(tokens, TONALITY_LEXICONS.fr).tone).toBe('neutral');
  });
});

describe('accuracy on the labelled sample (data/listening-sample/tonality.csv)', () => {
  const rows = parse(readFileSync('data/listening-sample/tonality.csv'), {
    columns: true,
  }) as Array<{ split: string; language: string; label: string; text: string }>;
  const accuracy = (split: string, language?: string) => {
    const chosen = rows.filter(
      (row) => row.split === split && (language === undefined || row.language === language),
    );
    const right = chosen.filter((row) => tone(row.text, row.language) === row.label).length;
    return right / chosen.length;
  };

  it('has 240 posts, 60 per split and language, a third of each label', () => {
    expect(rows).toHaveLength(240);
    for (const label of ['positive', 'neutral', 'negative']) {
      expect(rows.filter((row) => row.label === label)).toHaveLength(80);
    }
  });

  it('classifies the held-out test posts (docs/validation.md: 0.967)', () => {
    expect(accuracy('test')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('test', 'fr')).toBeGreaterThanOrEqual(0.9);
    expect(accuracy('test', 'en')).toBeGreaterThanOrEqual(0.9);
  });

  it('classifies the development posts the lexicon was tuned on', () => {
    expect(accuracy('dev')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('computeTonality: adverse events, sarcasm and idioms', () => {
  it('reads symptoms and adverse events as negative, in both languages', () => {
    expect(tone('Rash and headaches since Monday', 'en')).toBe('negative');
    expect(tone('Des vertiges et des maux de tête depuis lundi', 'fr')).toBe('negative');
    expect(tone('Day 3 🤢', 'en')).toBe('negative');
  });

  it('reads an absent symptom as mildly positive', () => {
    expect(tone('No nausea, no hair loss so far', 'en')).toBe('positive');
  });

  it('turns positive words negative after a sarcasm cue', () => {
    expect(tone('Great, 4th UTI this year 🙃', 'en')).toBe('negative');
    expect(tone('Journée parfaite : rendez-vous annulé, IRM reportée', 'fr')).toBe('negative');
    expect(tone('Great, my scan is clear', 'en')).toBe('positive');
  });

  it('reads a sarcasm cue alone as negative', () => {
    expect(tone('Lymphocytes down to 0.4 🙄', 'en')).toBe('negative');
  });

  it('gives no tone to the events of a clinical vignette or a news item', () => {
    expect(tone('Pt on Oncavera presents with dry cough and pneumonitis', 'en')).toBe('neutral');
    expect(tone('Study: rash in 12% of patients on Oncavera', 'en')).toBe('neutral');
    expect(tone('Cas du jour : une patiente avec une thrombopénie à 38 G/L', 'fr')).toBe('neutral');
    expect(tone('Rash and a cough since I started Oncavera', 'en')).toBe('negative');
  });

  it('reads idioms of gratitude, joy and hope as positive', () => {
    expect(tone('Cannot thank my MS nurse enough', 'en')).toBe('positive');
    expect(tone("Je pleure de joie dans le bureau de l'onco", 'fr')).toBe('positive');
    expect(tone('First box picked up today, fingers crossed 🤞', 'en')).toBe('positive');
    expect(tone('Stable MRI, sobbing in the car park 😭💜', 'en')).toBe('positive');
  });
});
