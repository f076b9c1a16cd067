import type { LegendEntry } from '../../../src/graph/appearance.js';
import { DEFAULT_FILTERS, type Filters } from '../../../src/state/view-state.js';
import {
  colorChoices,
  legendFacet,
  legendLines,
  legendValues,
  scaleWords,
  toDrawnLegend,
  toggleLegendLine,
} from '../../../src/ui/legend/legend-state.js';

const entry = (value: string, patch: Partial<LegendEntry> = {}): LegendEntry => ({
  value,
  label: value,
  color: '#123456',
  count: 1,
  ...patch,
});

const communities = [
  entry('2', { communities: [2] }),
  entry('0', { communities: [0] }),
  entry('other', { communities: [1, 3] }),
];
const filters = (patch: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...patch });

describe('the legend’s lines', () => {
  it('offers the colourings by listening only on a listened map', () => {
    expect(colorChoices(false)).toEqual(['community', 'actorType', 'platform', 'role']);
    expect(colorChoices(true)).toContain('tonality');
  });

  it('says which filter values a line stands for and whether they are shown', () => {
    const lines = legendLines('community', filters({ communities: [1, 3] }), communities);
    expect(lines.map(({ values, shown }) => [values, shown])).toEqual([
      [[2], false],
      [[0], false],
      [[1, 3], true],
    ]);
    expect(legendValues('community', communities)).toEqual([0, 1, 2, 3]);
  });

  it('gives no values to lines no filter picks', () => {
    const platforms = [entry('x'), entry('several'), entry('')];
    expect(legendLines('platform', DEFAULT_FILTERS, platforms).map((line) => line.values)).toEqual([
      ['x'],
      [],
      [],
    ]);
    expect(legendFacet('tonality')).toBeNull();
    expect(legendLines('tonality', DEFAULT_FILTERS, [entry('positive')])[0]?.values).toEqual([]);
  });

  it('hides a shown line, and shows it again', () => {
    const all = legendValues('community', communities);
    const hidden = toggleLegendLine(DEFAULT_FILTERS, 'community', all, [2]);
    expect(hidden.communities).toEqual([0, 1, 3]);
    expect(toggleLegendLine(hidden, 'community', all, [2]).communities).toEqual([]);
    expect(toggleLegendLine(DEFAULT_FILTERS, 'topic', [], [])).toBe(DEFAULT_FILTERS);
  });
});

describe('the legend drawn on an image', () => {
  it('names the colouring and the size, and marks the lines hidden', () => {
    const drawn = toDrawnLegend(
      { colorBy: 'community', sizeBy: 'followers', filters: filters({ communities: [0] }) },
      { legend: communities, scale: null },
    );
    expect(drawn.colour).toBe('Colour: Community');
    expect(drawn.size).toBe('Size: Followers');
    expect(drawn.lines.map((line) => [line.label, line.shown])).toEqual([
      ['2', false],
      ['0', true],
      ['other', false],
    ]);
  });

  it('writes the ends of a colour scale with their signs', () => {
    expect(scaleWords({ min: -0.6, max: 0.6, colors: [] })).toEqual({
      label: 'Colour scale from −0.6 (negative) to +0.6 (positive)',
      ticks: ['−0.6 negative', '0', 'positive +0.6'],
    });
  });
});
