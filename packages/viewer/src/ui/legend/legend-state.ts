// What the legend shows and does: the words of the colourings and sizes, the colourings a map
// offers, each line's filter values and whether a filter hides them, showing or hiding a line, and
// the legend as the exported image draws it.
import { SEVERAL_PLATFORMS } from '@kolmap/model';
import type { Appearance, ColorScale, LegendEntry } from '../../graph/appearance.js';
import { type Facet, toggleShown } from '../../graph/filters.js';
import type { DrawnLegend } from '../../render/draw-legend.js';
import { COLOR_BY, type ColorBy, type Filters, type SizeBy } from '../../state/view-state.js';

export const COLOR_BY_LABELS: Readonly<Record<ColorBy, string>> = {
  community: 'Community',
  actorType: 'Actor type',
  platform: 'Platform',
  role: 'Role',
  tonality: 'Tonality',
  topic: 'Topic',
};

export const SIZE_BY_LABELS: Readonly<Record<SizeBy, string>> = {
  size: 'Attention received',
  kolScore: 'KOL score',
  pagerank: 'PageRank',
  followers: 'Followers',
  inStrength: 'Interactions received',
};

/** Colourings by what listening found: offered on maps analysed with a watch list. */
const LISTENING_COLOR_BY: readonly ColorBy[] = ['tonality', 'topic'];

/** The filter a legend line shows or hides, when there is one. */
const FACET_OF: Readonly<Record<ColorBy, Facet | null>> = {
  community: 'communities',
  actorType: 'actorTypes',
  platform: 'platforms',
  role: 'roles',
  tonality: null,
  topic: null,
};

/** The colourings offered: those by what listening found only on a map that was `listened`. */
export function colorChoices(listened: boolean): ColorBy[] {
  return COLOR_BY.filter((value) => listened || !LISTENING_COLOR_BY.includes(value));
}

/** The filter the lines of colouring `colorBy` show or hide; null when they are not filters. */
export function legendFacet(colorBy: ColorBy): Facet | null {
  return FACET_OF[colorBy];
}

/** A legend entry, the filter values it stands for and whether the filter shows them. */
export interface LegendLine {
  entry: LegendEntry;
  /** None for a line no filter can pick (then it cannot be clicked). */
  values: Array<number | string>;
  shown: boolean;
}

/** The lines of `legend` under `filters`. */
export function legendLines(
  colorBy: ColorBy,
  filters: Filters,
  legend: readonly LegendEntry[],
): LegendLine[] {
  const facet = FACET_OF[colorBy];
  const chosen = facet === null ? [] : (filters[facet] as Array<number | string>);
  return legend.map((entry) => {
    const values = facet === null ? [] : valuesOf(colorBy, entry);
    const shown = chosen.length === 0 || values.some((value) => chosen.includes(value));
    return { entry, values, shown };
  });
}

/** Every filter value the lines of `legend` stand for (communities in order). */
export function legendValues(
  colorBy: ColorBy,
  legend: readonly LegendEntry[],
): Array<number | string> {
  const values = legend.flatMap((entry) => valuesOf(colorBy, entry));
  return colorBy === 'community' ? (values as number[]).sort((a, b) => a - b) : values;
}

/**
 * `filters` after a click on the line standing for `values`, `all` being every line's values: its
 * accounts hidden when they are shown, shown when they are hidden (see toggleShown).
 */
export function toggleLegendLine(
  filters: Filters,
  colorBy: ColorBy,
  all: ReadonlyArray<number | string>,
  values: ReadonlyArray<number | string>,
): Filters {
  const facet = FACET_OF[colorBy];
  if (facet === null) return filters;
  return {
    ...filters,
    [facet]: toggleShown(filters[facet] as Array<number | string>, all, values),
  };
}

/** The legend of a view, as the exported image draws it. */
export function toDrawnLegend(
  state: { colorBy: ColorBy; sizeBy: SizeBy; filters: Filters },
  appearance: Pick<Appearance, 'legend' | 'scale'>,
): DrawnLegend {
  return {
    colour: `Colour: ${COLOR_BY_LABELS[state.colorBy]}`,
    size: `Size: ${SIZE_BY_LABELS[state.sizeBy]}`,
    scale: appearance.scale,
    lines: legendLines(state.colorBy, state.filters, appearance.legend).map(({ entry, shown }) => ({
      label: entry.label,
      color: entry.color,
      count: entry.count,
      shown,
    })),
  };
}

/** The words of a colour scale: its ends and middle, and what it reads for screen readers. */
export function scaleWords(scale: ColorScale): {
  label: string;
  ticks: [string, string, string];
} {
  const signed = (value: number) =>
    value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
  return {
    label: `Colour scale from ${signed(scale.min)} (negative) to ${signed(scale.max)} (positive)`,
    ticks: [`${signed(scale.min)} negative`, '0', `positive ${signed(scale.max)}`],
  };
}

/** The filter values a legend line stands for (none for values no filter can pick). */
function valuesOf(colorBy: ColorBy, entry: LegendEntry): Array<number | string> {
  if (colorBy === 'community') return entry.communities ?? [];
  return entry.value === '' || entry.value === SEVERAL_PLATFORMS ? [] : [entry.value];
}
