// How each account is drawn: a colour by community, actor type, platform, role, tonality or topic
// (with the legend that explains it) and a size by KOL score, PageRank, followers or interactions
// received. Derived from the data and kept apart from it: the graph is never written.
import {
  type AccountAttributes,
  actorTypeLabel,
  type CommunityProfile,
  platformLabel,
  platformsOf,
  roleLabel,
  SEVERAL_PLATFORMS,
} from '@kolmap/model';
import type { ColorBy, SizeBy } from '../state/view-state.js';
import type { MapGraph } from './map-graph.js';
import { NEUTRAL_BAND, TONALITY_COLORS, tonalityColor, tonalityLimit } from './tonality-scale.js';

/** Colours of the largest communities, in order (a qualitative palette readable on white). */
export const COMMUNITY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#edc948',
  '#76b7b2',
  '#ff9da7',
  '#9c755f',
  '#8cd17d',
  '#d37295',
  '#499894',
] as const;

/** Colour of what has no colour of its own: small communities, unknown values. */
export const OTHER_COLOR = '#b8bdc6';

/** Legend value of the communities drawn together in `OTHER_COLOR`. */
export const OTHER_COMMUNITIES = 'other';

const ACTOR_TYPE_COLORS: Record<string, string> = {
  hcp: '#4e79a7',
  patient: '#f28e2b',
  caregiver: '#f1b36b',
  patient_org: '#e15759',
  researcher: '#59a14f',
  journalist: '#b07aa1',
  media: '#d4a6c8',
  institution: '#9c755f',
  pharma: '#76b7b2',
  public_figure: '#edc948',
  influencer: '#ff9da7',
  other: OTHER_COLOR,
};

const PLATFORM_COLORS: Record<string, string> = {
  x: '#4e79a7',
  linkedin: '#59a14f',
  facebook: '#f28e2b',
  instagram: '#e15759',
  youtube: '#b07aa1',
  tiktok: '#edc948',
  bluesky: '#76b7b2',
  mastodon: '#9c755f',
  reddit: '#ff9da7',
  web: '#8cd17d',
  [SEVERAL_PLATFORMS]: '#2f4858',
  other: OTHER_COLOR,
};

const ROLE_COLORS: Record<string, string> = {
  leader: '#e15759',
  community_leader: '#f28e2b',
  bridge: '#4e79a7',
  amplifier: '#59a14f',
  peripheral: OTHER_COLOR,
};

export interface AppearanceOptions {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Size of the smallest account, in screen pixels at zoom 1. Default 2. */
  minSize: number;
  /** Size of the largest account. Default 16. */
  maxSize: number;
  /** Communities drawn in their own colour when the map does not say (`displayGroup`). Default 12. */
  colouredCommunities: number;
}

export const DEFAULT_APPEARANCE_OPTIONS: Readonly<AppearanceOptions> = Object.freeze({
  colorBy: 'community',
  sizeBy: 'size',
  minSize: 2,
  maxSize: 16,
  colouredCommunities: COMMUNITY_PALETTE.length,
});

/** One line of the legend: a colour and what it stands for. */
export interface LegendEntry {
  /** The value coloured (`'3'` for community 3, `'hcp'`…, or `OTHER_COMMUNITIES`). */
  value: string;
  label: string;
  color: string;
  /** Accounts drawn in this colour. */
  count: number;
  /** When colouring by community: the communities this line stands for. */
  communities?: number[];
}

/** A continuous colour scale: `colors` evenly spaced from `min` to `max`. */
export interface ColorScale {
  min: number;
  max: number;
  colors: readonly string[];
}

export interface Appearance {
  colors: Map<string, string>;
  sizes: Map<string, number>;
  legend: LegendEntry[];
  /** When colouring by tonality: the scale the colours are read on. */
  scale: ColorScale | null;
}

/** What the colours read of a community's profile. */
export type ProfileColours = Pick<CommunityProfile, 'id' | 'label' | 'displayGroup'>;

/**
 * Colours, sizes and legend of every account.
 *
 * Colours: by `community`, the communities the analysis drew on their own (`displayGroup`, else the
 * `colouredCommunities` largest) get the palette in order of size and the others share
 * `OTHER_COLOR`; by `actorType`, `platform` (`'several'` for actors on several) or `role`, each
 * known value has a fixed colour, so HCPs are the same blue on every map; by `tonality`, a
 * diverging scale (see tonality-scale.ts) whose legend counts the negative, neutral and positive
 * accounts; by `topic`, the palette for the most frequent topics, in order, the others sharing
 * `OTHER_COLOR`. Accounts without a value get `OTHER_COLOR`.
 *
 * Sizes: between `minSize` and `maxSize`; by `size`, the map's own sizes (core writes them
 * logarithmic in attention received, so most accounts stay small) rescaled from their range, or the
 * KOL score when the map has none; the KOL score (0–100) cubed, so the leaders stand out, and the
 * heavy-tailed PageRank, followers and interactions received as the square root of their share of
 * the largest. Accounts without the value get `minSize`.
 *
 * Options (defaults in DEFAULT_APPEARANCE_OPTIONS): `colorBy`, `sizeBy`, `minSize`, `maxSize`,
 * `colouredCommunities`.
 */
export function computeAppearance(
  graph: MapGraph,
  communities: readonly ProfileColours[],
  options: Partial<AppearanceOptions> = {},
): Appearance {
  const resolved = { ...DEFAULT_APPEARANCE_OPTIONS, ...options };
  const sizes = computeSizes(graph, resolved);
  switch (resolved.colorBy) {
    case 'community':
      return {
        ...colorByCommunity(graph, communities, resolved.colouredCommunities),
        sizes,
        scale: null,
      };
    case 'tonality':
      return { ...colorByTonality(graph), sizes };
    case 'topic':
      return { ...colorByTopic(graph, resolved.colouredCommunities), sizes, scale: null };
    default:
      return { ...colorByValue(graph, resolved.colorBy), sizes, scale: null };
  }
}

function colorByTonality(graph: MapGraph): {
  colors: Map<string, string>;
  legend: LegendEntry[];
  scale: ColorScale;
} {
  const values: number[] = [];
  graph.forEachNode((_node, { tonality }) => {
    if (typeof tonality === 'number') values.push(tonality);
  });
  const limit = tonalityLimit(values);
  const colors = new Map<string, string>();
  const counts = { negative: 0, neutral: 0, positive: 0, none: 0 };
  graph.forEachNode((node, { tonality }) => {
    if (typeof tonality !== 'number') {
      counts.none++;
      colors.set(node, OTHER_COLOR);
      return;
    }
    colors.set(node, tonalityColor(tonality, limit));
    if (tonality <= -NEUTRAL_BAND) counts.negative++;
    else if (tonality >= NEUTRAL_BAND) counts.positive++;
    else counts.neutral++;
  });
  const band = NEUTRAL_BAND.toFixed(2);
  const legend: LegendEntry[] = [
    {
      value: 'positive',
      label: `Positive (above ${band})`,
      color: tonalityColor(limit, limit),
      count: counts.positive,
    },
    { value: 'neutral', label: 'Neutral', color: tonalityColor(0, limit), count: counts.neutral },
    {
      value: 'negative',
      label: `Negative (below −${band})`,
      color: tonalityColor(-limit, limit),
      count: counts.negative,
    },
  ];
  if (counts.none > 0) {
    legend.push({
      value: '',
      label: 'No post with a tonality',
      color: OTHER_COLOR,
      count: counts.none,
    });
  }
  return { colors, legend, scale: { min: -limit, max: limit, colors: TONALITY_COLORS } };
}

function colorByTopic(
  graph: MapGraph,
  coloured: number,
): { colors: Map<string, string>; legend: LegendEntry[] } {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, { topic }) => {
    const value = typeof topic === 'string' ? topic : '';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  const none = counts.get('') ?? 0;
  counts.delete('');
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const own = byCount.slice(0, Math.min(coloured, COMMUNITY_PALETTE.length));
  const colorOf = new Map(own.map(([topic], index) => [topic, COMMUNITY_PALETTE[index] as string]));
  const colors = new Map<string, string>();
  graph.forEachNode((node, { topic }) => {
    colors.set(node, (typeof topic === 'string' && colorOf.get(topic)) || OTHER_COLOR);
  });
  const legend: LegendEntry[] = own.map(([topic, count]) => ({
    value: topic,
    label: topic,
    color: colorOf.get(topic) as string,
    count,
  }));
  const others = byCount.slice(own.length);
  if (others.length > 0) {
    legend.push({
      value: OTHER_COMMUNITIES,
      label: `${others.length} other ${others.length === 1 ? 'topic' : 'topics'}`,
      color: OTHER_COLOR,
      count: others.reduce((sum, [, count]) => sum + count, 0),
    });
  }
  if (none > 0) legend.push({ value: '', label: 'No topic', color: OTHER_COLOR, count: none });
  return { colors, legend };
}

function colorByCommunity(
  graph: MapGraph,
  profiles: readonly ProfileColours[],
  coloured: number,
): { colors: Map<string, string>; legend: LegendEntry[] } {
  const counts = new Map<number, number>();
  graph.forEachNode((_node, { community }) => {
    if (community !== undefined) counts.set(community, (counts.get(community) ?? 0) + 1);
  });
  const profileOf = new Map(profiles.map((profile) => [profile.id, profile]));
  const bySize = [...counts.keys()].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a - b,
  );
  const saysGroups = profiles.some((profile) => profile.displayGroup !== undefined);
  const own = bySize
    .filter((id) => (saysGroups ? typeof profileOf.get(id)?.displayGroup === 'number' : true))
    .slice(0, Math.min(coloured, COMMUNITY_PALETTE.length));
  const colorOf = new Map(own.map((id, index) => [id, COMMUNITY_PALETTE[index] as string]));
  const colors = new Map<string, string>();
  graph.forEachNode((node, { community }) => {
    colors.set(node, (community !== undefined && colorOf.get(community)) || OTHER_COLOR);
  });
  const legend: LegendEntry[] = own.map((id) => ({
    value: String(id),
    label: profileOf.get(id)?.label || `Community ${id}`,
    color: colorOf.get(id) as string,
    count: counts.get(id) ?? 0,
    communities: [id],
  }));
  const others = bySize.filter((id) => !colorOf.has(id));
  const withoutCommunity = graph.order - [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (others.length > 0 || withoutCommunity > 0) {
    legend.push({
      value: OTHER_COMMUNITIES,
      label:
        others.length === 0
          ? 'No community'
          : `${others.length} smaller ${others.length === 1 ? 'community' : 'communities'}`,
      color: OTHER_COLOR,
      count: others.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0) + withoutCommunity,
      communities: others,
    });
  }
  return { colors, legend };
}

/** The colourings by a value with a fixed colour each. */
type ValueColorBy = 'actorType' | 'platform' | 'role';

function colorByValue(
  graph: MapGraph,
  colorBy: ValueColorBy,
): { colors: Map<string, string>; legend: LegendEntry[] } {
  const known =
    colorBy === 'actorType'
      ? ACTOR_TYPE_COLORS
      : colorBy === 'role'
        ? ROLE_COLORS
        : PLATFORM_COLORS;
  const label =
    colorBy === 'actorType' ? actorTypeLabel : colorBy === 'role' ? roleLabel : platformLabel;
  const colors = new Map<string, string>();
  const counts = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    const value = colorValue(colorBy, attributes);
    counts.set(value, (counts.get(value) ?? 0) + 1);
    colors.set(node, known[value] ?? OTHER_COLOR);
  });
  const legend = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({
      value,
      label: value === '' ? 'Unknown' : label(value),
      color: known[value] ?? OTHER_COLOR,
      count,
    }));
  return { colors, legend };
}

/** The value an account is coloured by (`''` when unknown). */
export function colorValue(colorBy: ValueColorBy, attributes: AccountAttributes): string {
  if (colorBy === 'platform') {
    const platforms = platformsOf(attributes);
    return platforms.length > 1 ? SEVERAL_PLATFORMS : (platforms[0] ?? '');
  }
  const value = colorBy === 'actorType' ? attributes.actorType : attributes.role;
  return typeof value === 'string' ? value : '';
}

function computeSizes(graph: MapGraph, options: AppearanceOptions): Map<string, number> {
  if (options.sizeBy === 'size') {
    return mapSizes(graph, options) ?? computeSizes(graph, { ...options, sizeBy: 'kolScore' });
  }
  const { sizeBy, minSize, maxSize } = options;
  let largest = 0;
  graph.forEachNode((_node, attributes) => {
    const value = attributes[sizeBy];
    if (typeof value === 'number' && value > largest) largest = value;
  });
  const sizes = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    const value = attributes[sizeBy];
    let share = 0;
    if (typeof value === 'number' && value > 0) {
      share =
        sizeBy === 'kolScore' ? (Math.min(value, 100) / 100) ** 3 : Math.sqrt(value / largest);
    }
    sizes.set(node, minSize + share * (maxSize - minSize));
  });
  return sizes;
}

/** The map's own `size`s rescaled to minSize–maxSize; null when no account has one. */
function mapSizes(
  graph: MapGraph,
  { minSize, maxSize }: AppearanceOptions,
): Map<string, number> | null {
  let smallest = Number.POSITIVE_INFINITY;
  let largest = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_node, { size }) => {
    if (typeof size !== 'number' || !Number.isFinite(size)) return;
    smallest = Math.min(smallest, size);
    largest = Math.max(largest, size);
  });
  if (smallest > largest) return null;
  const span = largest - smallest;
  const sizes = new Map<string, number>();
  graph.forEachNode((node, { size }) => {
    const share =
      typeof size === 'number' && Number.isFinite(size) && span > 0 ? (size - smallest) / span : 0;
    sizes.set(node, minSize + share * (maxSize - minSize));
  });
  return sizes;
}
