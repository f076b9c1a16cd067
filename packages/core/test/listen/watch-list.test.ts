import { InvalidInputError } from '../../src/errors.js';
import {
  compileWatchList,
  matchWatchList,
  withinEdits,
} from '../../src/listen/match-watch-list.js';
import { tokenize } from '../../src/listen/text-tokens.js';
import { parseWatchList, readWatchList } from '../../src/listen/watch-list.js';

const YAML = `name: test
products:
  - name: Clotavane
    molecules: [selixaban]
    variants: [Klotavane]
    therapeuticArea: stroke
  - name: Insulane Flex
    molecules: [insulin velatec]
competitors:
  - name: Oncavera
    molecules: [moravizumab]
therapeuticAreas:
  - name: stroke
    hashtags: ['#AVC', StrokeAwareness]
    keywords: [accident vasculaire cérébral, thrombectomie]
  - name: multiple sclerosis
    keywords: [sclérose en plaques]
`;

function problemsOf(run: () => unknown): Array<{ file?: string; line?: number; field?: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).problems;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseWatchList', () => {
  it('reads YAML and the same list as JSON', () => {
    const watch = parseWatchList(YAML, 'watch.yaml');
    expect(watch.products.map((brand) => brand.name)).toEqual(['Clotavane', 'Insulane Flex']);
    expect(parseWatchList(JSON.stringify(watch), 'watch.json')).toEqual(watch);
  });

  it('names the file, line and field of a bad value', () => {
    const bad = YAML.replace('molecules: [selixaban]', 'molecules: selixaban');
    expect(problemsOf(() => parseWatchList(bad, 'watch.yaml'))).toEqual([
      expect.objectContaining({ file: 'watch.yaml', line: 4, field: 'products[0].molecules' }),
    ]);
  });

  it('refuses unknown fields, brands listed twice and areas that are not listed', () => {
    const bad = `products:
  - name: Clotavane
    colour: blue
  - name: clotavane
    therapeuticArea: oncology
`;
    const problems = problemsOf(() => parseWatchList(bad, 'w.yaml'));
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'products[0].colour',
      'products[1].name',
      'products[1].therapeuticArea',
    ]);
    expect(problems.find((problem) => problem.field === 'products[1].name')?.line).toBe(4);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf(() => parseWatchList('products:\n  - name: [a\n', 'w.yaml'))[0]).toEqual(
      expect.objectContaining({ file: 'w.yaml', line: expect.any(Number) }),
    );
  });

  it('needs at least one product', () => {
    expect(problemsOf(() => parseWatchList('name: x\n'))[0]?.field).toBe('products');
  });

  it('reads the demo watch list', async () => {
    const watch = await readWatchList('data/listening-sample/demo-watch.yaml');
    expect(watch.products).toHaveLength(3);
    expect(watch.compliance?.doNotContact).toContain('x:x2025');
  });
});

describe('matchWatchList', () => {
  const matcher = compileWatchList(parseWatchList(YAML));
  const brandsIn = (text: string) =>
    matchWatchList(tokenize(text), matcher).brands.map((i) => matcher.brands[i]?.name);
  const areasIn = (text: string) =>
    matchWatchList(tokenize(text), matcher).areas.map((i) => matcher.areas[i]);

  it('finds brands by name, molecule and variant, in any case', () => {
    expect(brandsIn('Week 2 on CLOTAVANE')).toEqual(['Clotavane']);
    expect(brandsIn('selixaban since May')).toEqual(['Clotavane']);
    expect(brandsIn('klotavane again')).toEqual(['Clotavane']);
    expect(brandsIn('insulin velatec pens')).toEqual(['Insulane Flex']);
  });

  it('ignores accents and splits French elisions', () => {
    expect(brandsIn("ma première prise d'Oncavéra")).toEqual(['Oncavera']);
    expect(areasIn('Un accident vasculaire cerebral à 40 ans')).toEqual(['stroke']);
    expect(areasIn('la SCLEROSE en plaques')).toEqual(['multiple sclerosis']);
  });

  it('matches hashtags written without spaces, with or without the #', () => {
    expect(brandsIn('Bravo #InsulaneFlex')).toEqual(['Insulane Flex']);
    expect(brandsIn('#clotavane')).toEqual(['Clotavane']);
    expect(areasIn('#ScléroseEnPlaques')).toEqual(['multiple sclerosis']);
    expect(areasIn('#avc #strokeawareness')).toEqual(['stroke']);
    expect(areasIn('le mot AVC seul')).toEqual(['stroke']);
  });

  it('forgives a typo in a long brand or molecule name, and says which brands were found so', () => {
    const fuzzyIn = (text: string) =>
      matchWatchList(tokenize(text), matcher).fuzzyBrands.map((i) => matcher.brands[i]?.name);
    expect(brandsIn('week 3 on clotavanne')).toEqual(['Clotavane']);
    expect(brandsIn('selixabna twice a day')).toEqual(['Clotavane']);
    expect(brandsIn('#Clottavane day 4')).toEqual(['Clotavane']);
    expect(fuzzyIn('clotavne and Clotavane')).toEqual([]);
    expect(fuzzyIn('clotavne since May')).toEqual(['Clotavane']);
  });

  it('does not take common or short words for brands', () => {
    expect(brandsIn('Clovane, Clotting, covered, cloth')).toEqual([]);
  });

  it('matches within a few edits only', () => {
    expect(withinEdits('myelorra', 'myelora', 1)).toBe(true);
    expect(withinEdits('myleora', 'myelora', 1)).toBe(true);
    expect(withinEdits('mylora', 'myelora', 1)).toBe(true);
    expect(withinEdits('mylera', 'myelora', 1)).toBe(false);
    expect(withinEdits('tarvaglifozine', 'tarvagliflozin', 2)).toBe(true);
  });

  it('does not match parts of words', () => {
    expect(brandsIn('Clotavanesque is not a thing; Flexinsulane neither')).toEqual([]);
  });

  it("counts a brand's therapeutic area and lists the keywords found", () => {
    const found = matchWatchList(tokenize('Clotavane après une thrombectomie #AVC'), matcher);
    expect(found.areas.map((i) => matcher.areas[i])).toEqual(['stroke']);
    expect(found.keywords.sort()).toEqual(['#avc', 'thrombectomie']);
    expect(matcher.keywords.get('#avc')).toBe('#AVC');
  });

  it('names both brands when they share a molecule', () => {
    const shared = compileWatchList(
      parseWatchList(`products:
  - { name: Clotavane, molecules: [selixaban] }
competitors:
  - { name: Selixa Generic, molecules: [selixaban] }
`),
    );
    const found = matchWatchList(tokenize('on selixaban'), shared);
    expect(found.brands).toEqual([0, 1]);
    expect(shared.brands.map((brand) => brand.own)).toEqual([true, false]);
  });
});
