import {
  bioWords,
  distinctiveTerms,
  ENGLISH_STOP_WORDS,
  FRENCH_STOP_WORDS,
  type TermSource,
} from '../../../src/analyze/communities/distinctive-terms.js';

const source = (hashtags: string[][], bios: string[] = []): TermSource => ({ hashtags, bios });
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('bioWords', () => {
  it('keeps accents, drops stop words, numbers, single letters, links and mentions', () => {
    expect(
      bioWords("Vit avec la SEP depuis 2019. L'immunothérapie @Clinique https://x.co/a"),
    ).toEqual(['vit', 'sep', 'immunothérapie']);
    expect(bioWords('Living with MS since 2010. One day at a time.')).toEqual([
      'living',
      'ms',
      'one',
      'day',
      'time',
    ]);
  });

  it('never returns a stop word, in either language', () => {
    const stops = [...FRENCH_STOP_WORDS, ...ENGLISH_STOP_WORDS];
    expect(bioWords(stops.join(' '))).toEqual([]);
    expect(bioWords(stops.map((word) => word.toUpperCase()).join(', '))).toEqual([]);
  });
});

describe('distinctiveTerms', () => {
  it('ranks the distinctive hashtag above the one every community uses', () => {
    const sources = new Map([
      [0, source([...repeat(['health', 'SEP'], 3), ...repeat(['health'], 5)])],
      [1, source([...repeat(['health', 'cancer'], 3), ...repeat(['health'], 5)])],
      [2, source([...repeat(['health', 'diabete'], 3), ...repeat(['health'], 5)])],
    ]);
    const terms = distinctiveTerms(sources);
    const first = terms.get(0) ?? [];
    expect(first[0]?.term).toBe('#SEP');
    expect(first[0]?.count).toBe(3);
    expect(first[0]?.frequency).toBeCloseTo(3 / 11, 12);
    expect(first[0]?.score).toBeCloseTo((3 / 11) * Math.log(4 / 2), 12);
    const health = first.find((term) => term.key === '#health');
    expect(health?.frequency).toBeCloseTo(8 / 11, 12);
    expect(health?.score).toBeCloseTo(0, 12);
  });

  it('matches hashtags without case, accents or leading #, and shows the most used spelling', () => {
    const sources = new Map([
      [0, source([['#diabète'], ['Diabète'], ['diabete'], ['##diabète', 'diabète']])],
      [1, source([['cancer']])],
    ]);
    const [term] = distinctiveTerms(sources).get(0) ?? [];
    expect(term).toMatchObject({ term: '#diabète', key: '#diabete', kind: 'hashtag', count: 4 });
  });

  it('counts a bio word once per member and scores each kind on its own scale', () => {
    const sources = new Map([
      [0, source([['SEP']], ['sclérose sclérose fatigue', 'Sclerose'])],
      [1, source([['cancer']], ['oncologie'])],
    ]);
    const terms = distinctiveTerms(sources).get(0) ?? [];
    const sclerose = terms.find((term) => term.key === 'sclerose');
    expect(sclerose).toMatchObject({ term: 'sclérose', kind: 'bio', count: 2 });
    expect(sclerose?.frequency).toBeCloseTo(2 / 3, 12);
    expect(terms.find((term) => term.key === '#sep')?.frequency).toBe(1);
  });

  it('lets one stray use barely count in the document frequency', () => {
    const sources = new Map([
      [0, source([...repeat(['SEP'], 50), ...repeat(['neuro'], 50)])],
      [1, source([...repeat(['AVC'], 50), ...repeat(['neuro'], 50), ['SEP']])],
      [2, source([['cancer']])],
    ]);
    const [first, second] = distinctiveTerms(sources).get(0) ?? [];
    expect(first?.term).toBe('#SEP');
    expect(second?.term).toBe('#neuro');
    expect(first?.score).toBeGreaterThan(1.5 * (second?.score ?? 0));
  });

  it('breaks ties by count, then by key', () => {
    const sources = new Map([
      [0, source([['b', 'a'], ['c']])],
      [1, source([['d']])],
    ]);
    expect((distinctiveTerms(sources).get(0) ?? []).map((term) => term.key)).toEqual([
      '#a',
      '#b',
      '#c',
    ]);
  });
});
