// The communities of a large map as the overview draws them at low zoom: one disc per community at
// its members' centroid, its area in proportion to its members, coloured like most of them, and the
// links between communities (the map's links summed per pair of communities).
import type { CommunityProfile } from '@kolmap/model';
import type { MapGraph } from './map-graph.js';

export interface OverviewOptions {
  /** Communities with fewer members shown are left out of the overview. Default 3. */
  minMembers: number;
  /** The heaviest links between communities kept. Default 150. */
  maxLinks: number;
}

export const DEFAULT_OVERVIEW_OPTIONS: Readonly<OverviewOptions> = Object.freeze({
  minMembers: 3,
  maxLinks: 150,
});

export interface OverviewCommunity {
  id: number;
  label: string;
  /** Members shown (all of them when nothing is filtered). */
  members: number;
  /** Centroid of the members, in graph coordinates. */
  x: number;
  y: number;
  /** Disc radius in graph coordinates: the same density for every community. */
  radius: number;
  color: string;
}

export interface OverviewLink {
  /** Community ids, `source < target`. */
  source: number;
  target: number;
  /** Sum of the weights of the links between their members, either direction. */
  weight: number;
}

export interface CommunityOverview {
  /** Largest first. */
  communities: OverviewCommunity[];
  /** Heaviest first. */
  links: OverviewLink[];
}

/**
 * The overview of the accounts `shown` (every account when null): communities of at least
 * `minMembers` shown members, each coloured by the colour (`colors`, per account) most of its
 * members have. A disc's radius is `k·√members`, `k` the median over the communities of 20 members
 * or more of `√2·rms / √members` (rms: their members' root-mean-square distance to the centroid, so
 * `√2·rms` is the radius of a uniform disc of them), so discs match the layout's density and their
 * areas compare as the members do. The `maxLinks` heaviest links between communities are kept.
 *
 * Options (defaults in DEFAULT_OVERVIEW_OPTIONS): `minMembers` (3), `maxLinks` (150).
 */
export function computeCommunityOverview(
  graph: MapGraph,
  profiles: readonly Pick<CommunityProfile, 'id' | 'label'>[],
  colors: ReadonlyMap<string, string>,
  shown: ReadonlySet<string> | null,
  options: Partial<OverviewOptions> = {},
): CommunityOverview {
  const { minMembers, maxLinks } = { ...DEFAULT_OVERVIEW_OPTIONS, ...options };
  const sums = new Map<
    number,
    { count: number; x: number; y: number; xx: number; yy: number; colors: Map<string, number> }
  >();
  // Each account's community when it is shown and placed (-1 otherwise), in graph order.
  const communityOf = new Int32Array(graph.order).fill(-1);
  let index = -1;
  graph.forEachNode((node, { community, x, y }) => {
    index++;
    if (community === undefined || (shown !== null && !shown.has(node))) return;
    if (typeof x !== 'number' || typeof y !== 'number') return;
    communityOf[index] = community;
    let sum = sums.get(community);
    if (sum === undefined) {
      sum = { count: 0, x: 0, y: 0, xx: 0, yy: 0, colors: new Map() };
      sums.set(community, sum);
    }
    sum.count++;
    sum.x += x;
    sum.y += y;
    sum.xx += x * x;
    sum.yy += y * y;
    const color = colors.get(node);
    if (color !== undefined) sum.colors.set(color, (sum.colors.get(color) ?? 0) + 1);
  });
  const labelOf = new Map(profiles.map((profile) => [profile.id, profile.label]));
  const kept = [...sums].filter(([, sum]) => sum.count >= minMembers);
  const rms = new Map(
    kept.map(([id, { count, x, y, xx, yy }]) => {
      const variance = xx / count - (x / count) ** 2 + (yy / count - (y / count) ** 2);
      return [id, Math.sqrt(Math.max(0, variance))] as const;
    }),
  );
  const densities = kept
    .filter(([, sum]) => sum.count >= 20)
    .map(([id, sum]) => (Math.SQRT2 * (rms.get(id) as number)) / Math.sqrt(sum.count))
    .sort((a, b) => a - b);
  const k = densities.length > 0 ? (densities[Math.floor(densities.length / 2)] as number) : null;
  const communities = kept
    .map(([id, sum]): OverviewCommunity => {
      const color = [...sum.colors].reduce<[string, number]>(
        (best, entry) => (entry[1] > best[1] ? entry : best),
        ['#b8bdc6', 0],
      )[0];
      return {
        id,
        label: labelOf.get(id) || `Community ${id}`,
        members: sum.count,
        x: sum.x / sum.count,
        y: sum.y / sum.count,
        radius: k === null ? Math.SQRT2 * (rms.get(id) as number) : k * Math.sqrt(sum.count),
        color,
      };
    })
    .sort((a, b) => b.members - a.members || a.id - b.id);
  return { communities, links: communityLinks(graph, communities, communityOf, maxLinks) };
}

/** A map's links as columns: their accounts' indices in graph order, and their weights. */
interface LinkColumns {
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/** Each map's link columns, read once per map and number of links (the links come after the first frame). */
const linkColumnsOf = new WeakMap<MapGraph, LinkColumns>();

function linkColumns(graph: MapGraph): LinkColumns {
  const cached = linkColumnsOf.get(graph);
  if (cached !== undefined && cached.source.length === graph.size) return cached;
  const indexOf = new Map<string, number>();
  graph.forEachNode((node) => {
    indexOf.set(node, indexOf.size);
  });
  const columns = {
    source: new Int32Array(graph.size),
    target: new Int32Array(graph.size),
    weight: new Float64Array(graph.size),
  };
  let link = 0;
  graph.forEachEdge((_edge, { weight }, source, target) => {
    columns.source[link] = indexOf.get(source) as number;
    columns.target[link] = indexOf.get(target) as number;
    columns.weight[link] = weight ?? 1;
    link++;
  });
  linkColumnsOf.set(graph, columns);
  return columns;
}

/**
 * The heaviest `maxLinks` links between the communities drawn, from each account's community
 * (`communityOf`, in graph order, -1 for an account not shown).
 */
function communityLinks(
  graph: MapGraph,
  communities: readonly OverviewCommunity[],
  communityOf: Int32Array,
  maxLinks: number,
): OverviewLink[] {
  const span = Math.max(0, ...communities.map(({ id }) => id)) + 1;
  const drawn = new Uint8Array(span);
  for (const { id } of communities) drawn[id] = 1;
  const weights = new Map<number, number>();
  const { source, target, weight } = linkColumns(graph);
  for (let link = 0; link < source.length; link++) {
    const a = communityOf[source[link] as number] as number;
    const b = communityOf[target[link] as number] as number;
    if (a === b || a < 0 || b < 0 || drawn[a] !== 1 || drawn[b] !== 1) continue;
    const pair = Math.min(a, b) * span + Math.max(a, b);
    weights.set(pair, (weights.get(pair) ?? 0) + (weight[link] as number));
  }
  return [...weights]
    .map(([pair, weight]) => ({ source: Math.floor(pair / span), target: pair % span, weight }))
    .sort((a, b) => b.weight - a.weight || a.source - b.source || a.target - b.target)
    .slice(0, maxLinks);
}
