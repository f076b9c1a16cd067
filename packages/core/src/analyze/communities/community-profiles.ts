// Who each community of a map is: size, how much of its links stay inside, the members who receive
// the most attention, its mix of actor types, platforms, languages and areas, and its label.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { type AccountNetwork, networkOfGraph } from '../account-network.js';
import {
  ACTOR_TYPE_PLURALS,
  type CommunityLabel,
  type CommunityLabelOptions,
  DEFAULT_COMMUNITY_LABEL_OPTIONS,
  labelMembers,
  PLATFORM_NAMES,
  resolveCommunityLabelOptions,
} from './community-labels.js';
import {
  byCountThenValue,
  checkInteger,
  communityColumn,
  communityMembers,
  displayNameOf,
  mostAttended,
  receivedWeights,
  type ValueShare,
  valueShares,
} from './community-members.js';
import type { DistinctiveTerm } from './distinctive-terms.js';
import type { Partition } from './quality.js';

export interface CommunityProfileOptions extends CommunityLabelOptions {
  /** Members listed in `topMembers`. Default 10. */
  topMembers: number;
  /**
   * Communities with fewer members get `displayGroup: 'other'`, for views that draw them as one
   * group; they keep their own id and profile. Default 3.
   */
  minSize: number;
}

export const DEFAULT_COMMUNITY_PROFILE_OPTIONS: Readonly<CommunityProfileOptions> = Object.freeze({
  ...DEFAULT_COMMUNITY_LABEL_OPTIONS,
  topMembers: 10,
  minSize: 3,
});

/** A member of a community and the attention it receives. */
export interface CommunityMember {
  key: string;
  /** `name`, else `@handle`, else the key. */
  name: string;
  handle: string | undefined;
  actorType: string | undefined;
  platform: string | undefined;
  /** Weight of the edges it receives from the whole graph (undirected edges: of all its edges), self-loops aside. */
  weightedInDegree: number;
}

export interface CommunityProfile {
  id: number;
  size: number;
  /** The id, or `'other'` when the community has fewer than `minSize` members. */
  displayGroup: number | 'other';
  /** Unique within the map (see `labelCommunities`). */
  label: string;
  /** Distinctive hashtags and bio words, best first: why the community has its label. */
  terms: DistinctiveTerm[];
  /** Weight of the edges between two members (self-loops included). */
  internalWeight: number;
  /** Weight of the edges between a member and a non-member. */
  externalWeight: number;
  /** internal / (internal + external): the share of the weight touching the community that stays inside; 0 without edges. */
  internalLinkShare: number;
  /** The members receiving the most attention, by decreasing weighted in-degree (ties: key). */
  topMembers: CommunityMember[];
  actorTypes: ValueShare[];
  platforms: ValueShare[];
  languages: ValueShare[];
  countries: ValueShare[];
  /** Members per therapeutic area; a member may have several, so shares may add up to more than 1. */
  therapeuticAreas: ValueShare[];
  /** The first of `actorTypes` (the most frequent), `null` when no member has one; likewise below. */
  dominantActorType: ValueShare | null;
  dominantPlatform: ValueShare | null;
  dominantLanguage: ValueShare | null;
  dominantTherapeuticArea: ValueShare | null;
}

/**
 * Profiles each community of a partition of an account graph (node attributes as the account fields:
 * `actorType`, `platform`, `language`, `country`, `therapeuticAreas`, `name`, `handle`, `bio`).
 * Attention follows the edges: an edge A→B is attention B receives. Shares are over the community's
 * size. Labels and terms come from `labelCommunities` with the same options.
 *
 * Throws `InvalidInputError` (field `partition`) when a node has no community, field `weight` on a
 * negative, NaN or infinite weight, or naming a bad option.
 *
 * @param options.getEdgeWeight edge attribute name, function or null; default `'weight'`.
 * @param options.topMembers members in `topMembers`, default 10.
 * @param options.minSize below it a community's `displayGroup` is `'other'`, default 3.
 * @param options.posts posts of the map, for the hashtags of the labels; default `undefined` (bios only).
 * @param options.terms distinctive terms per community, default 10.
 * @param options.labelHashtags hashtags at most in a label, default 2.
 * @param options.labelMembers member names at most in a label without hashtags or bio words, default 2.
 * @param options.actorTypeShare share the dominant actor type needs to be in the label, default 0.4.
 * @param options.platformShare share the dominant platform needs to be in the label, default 0.5.
 * @returns one profile per community, ids ascending.
 */
export function profileCommunities(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<CommunityProfileOptions> = {},
): CommunityProfile[] {
  const resolved = resolveCommunityProfileOptions(options);
  const network = networkOfGraph(graph, resolved.getEdgeWeight);
  return profileNetworkCommunities(network, communityColumn(network, partition), resolved);
}

/**
 * Profiles the communities of an account network (see `profileCommunities` for every field and
 * option but `getEdgeWeight`: the network's weights are its own).
 *
 * @param communities the community of each node, indexed like the network's keys.
 */
export function profileNetworkCommunities(
  network: AccountNetwork,
  communities: ArrayLike<number>,
  options: Partial<CommunityProfileOptions> = {},
): CommunityProfile[] {
  const resolved = resolveCommunityProfileOptions(options);
  const { topMembers: topCount, minSize } = resolved;
  const members = communityMembers(communities);
  const internal = new Map<number, number>();
  const external = new Map<number, number>();
  const m = network.source.length;
  for (let e = 0; e < m; e++) {
    const weight = network.weight[e] as number;
    const from = communities[network.source[e] as number] as number;
    const to = communities[network.target[e] as number] as number;
    if (from === to) addTo(internal, from, weight);
    else {
      addTo(external, from, weight);
      addTo(external, to, weight);
    }
  }
  const received = receivedWeights(network);
  const labels = labelMembers(network, members, resolved, received);
  return [...members].map(([id, nodes]) => {
    const inside = internal.get(id) ?? 0;
    const outside = external.get(id) ?? 0;
    const actorTypes = valueShares(network, nodes, 'actorType');
    const platforms = valueShares(network, nodes, 'platform');
    const languages = valueShares(network, nodes, 'language');
    const therapeuticAreas = valueShares(network, nodes, 'therapeuticAreas');
    const { label, terms } = labels.get(id) as CommunityLabel;
    return {
      id,
      size: nodes.length,
      displayGroup: nodes.length < minSize ? 'other' : id,
      label,
      terms,
      internalWeight: inside,
      externalWeight: outside,
      internalLinkShare: inside + outside > 0 ? inside / (inside + outside) : 0,
      topMembers: topMembers(network, nodes, received, topCount),
      actorTypes,
      platforms,
      languages,
      countries: valueShares(network, nodes, 'country'),
      therapeuticAreas,
      dominantActorType: actorTypes[0] ?? null,
      dominantPlatform: platforms[0] ?? null,
      dominantLanguage: languages[0] ?? null,
      dominantTherapeuticArea: therapeuticAreas[0] ?? null,
    };
  });
}

function resolveCommunityProfileOptions(
  options: Partial<CommunityProfileOptions>,
): CommunityProfileOptions {
  const labelOptions = resolveCommunityLabelOptions(options);
  const topMembers = options.topMembers ?? DEFAULT_COMMUNITY_PROFILE_OPTIONS.topMembers;
  const minSize = options.minSize ?? DEFAULT_COMMUNITY_PROFILE_OPTIONS.minSize;
  checkInteger('topMembers', topMembers, 0);
  checkInteger('minSize', minSize, 0);
  return { ...labelOptions, topMembers, minSize };
}

function addTo<K>(map: Map<K, number>, key: K, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}

function topMembers(
  network: AccountNetwork,
  nodes: readonly number[],
  received: Float64Array,
  count: number,
): CommunityMember[] {
  return mostAttended(network, nodes, received, count).map(({ node, key, weight }) => {
    const attributes = network.nodes[node] as Attributes;
    const text = (name: string) => {
      const value: unknown = attributes[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    return {
      key,
      name: displayNameOf(attributes, key),
      handle: text('handle'),
      actorType: text('actorType'),
      platform: text('platform'),
      weightedInDegree: weight,
    };
  });
}

export interface CommunitySummaryOptions {
  /** Member names per row. Default 3. */
  topMembers: number;
  /** Values per composition column (actor types, platforms, languages). Default 2. */
  values: number;
  /** Whether the communities of `displayGroup` `'other'` share one last row. Default true. */
  groupOther: boolean;
}

export const DEFAULT_COMMUNITY_SUMMARY_OPTIONS: Readonly<CommunitySummaryOptions> = Object.freeze({
  topMembers: 3,
  values: 2,
  groupOther: true,
});

/** One row of the communities table, ready to print. */
export interface CommunitySummaryRow {
  /** The community's id, or `'other'` for the row of the small communities. */
  id: number | 'other';
  label: string;
  size: number;
  /** `internalLinkShare` as a percentage ("72%"); empty on the `'other'` row. */
  internal: string;
  /** Names of the top members, joined by ", ". */
  topMembers: string;
  /** The most frequent actor types with their shares: "patients 45%, HCPs 21%". */
  actorTypes: string;
  platforms: string;
  languages: string;
}

/**
 * A table of communities for the CLI to print: one row per profile, in the given order, and when
 * `groupOther`, one last row `'other'` gathering the communities whose `displayGroup` is `'other'`
 * ("3 small communities", their sizes and compositions added up, their top members merged).
 *
 * @param options.topMembers member names per row, default 3.
 * @param options.values values per composition column, default 2.
 * @param options.groupOther gather the small communities into one row, default true.
 */
export function communitySummaryTable(
  profiles: readonly CommunityProfile[],
  options: Partial<CommunitySummaryOptions> = {},
): CommunitySummaryRow[] {
  const {
    topMembers: memberCount,
    values,
    groupOther,
  } = {
    ...DEFAULT_COMMUNITY_SUMMARY_OPTIONS,
    ...definedOnly(options),
  };
  checkInteger('topMembers', memberCount, 0);
  checkInteger('values', values, 0);
  const shown = (shares: ValueShare[], names?: Readonly<Record<string, string>>) =>
    shares
      .slice(0, values)
      .map((share) => {
        const name = names && Object.hasOwn(names, share.value) ? names[share.value] : share.value;
        return `${name} ${percent(share.share)}`;
      })
      .join(', ');
  const row = (
    id: number | 'other',
    label: string,
    size: number,
    internal: string,
    parts: Pick<CommunityProfile, 'topMembers' | 'actorTypes' | 'platforms' | 'languages'>,
  ): CommunitySummaryRow => ({
    id,
    label,
    size,
    internal,
    topMembers: parts.topMembers
      .slice(0, memberCount)
      .map((member) => member.name)
      .join(', '),
    actorTypes: shown(parts.actorTypes, ACTOR_TYPE_PLURALS),
    platforms: shown(parts.platforms, PLATFORM_NAMES),
    languages: shown(parts.languages),
  });

  const small = groupOther ? profiles.filter((profile) => profile.displayGroup === 'other') : [];
  const rows = profiles
    .filter((profile) => !small.includes(profile))
    .map((profile) =>
      row(profile.id, profile.label, profile.size, percent(profile.internalLinkShare), profile),
    );
  if (small.length > 0) {
    const size = small.reduce((sum, profile) => sum + profile.size, 0);
    const merge = (pick: (profile: CommunityProfile) => ValueShare[]) => {
      const counts = new Map<string, number>();
      for (const profile of small) {
        for (const share of pick(profile)) {
          counts.set(share.value, (counts.get(share.value) ?? 0) + share.count);
        }
      }
      return [...counts]
        .map(([value, count]) => ({ value, count, share: count / size }))
        .sort(byCountThenValue);
    };
    const members = small
      .flatMap((profile) => profile.topMembers)
      .sort((a, b) => b.weightedInDegree - a.weightedInDegree || (a.key < b.key ? -1 : 1));
    rows.push(
      row('other', smallCommunities(small.length), size, '', {
        topMembers: members,
        actorTypes: merge((profile) => profile.actorTypes),
        platforms: merge((profile) => profile.platforms),
        languages: merge((profile) => profile.languages),
      }),
    );
  }
  return rows;
}

function smallCommunities(count: number): string {
  return count === 1 ? '1 small community' : `${count} small communities`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
