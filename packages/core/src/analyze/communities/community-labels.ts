// Automatic community labels ("#SEP · patients · Instagram", "SenSanders · OurRevolution"): the most
// distinctive hashtags of a community (./distinctive-terms.ts), else a bio word, else the names of its
// most attended members; then its dominant actor type and platform when they stand out.

import { type ActorType, PLATFORMS, type Platform, platformLabel } from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import { accountKey } from '../../load/dataset.js';
import type { Post } from '../../schema/records.js';
import { type AccountNetwork, networkOfGraph } from '../account-network.js';
import {
  checkInteger,
  checkShare,
  communityColumn,
  communityMembers,
  displayNameOf,
  mostAttended,
  receivedWeights,
  valueShares,
} from './community-members.js';
import { type DistinctiveTerm, distinctiveTerms, type TermSource } from './distinctive-terms.js';
import type { Partition } from './quality.js';
import type { EdgeWeightGetter } from './weighted-network.js';

/** How labels name each actor type: plural words a reader of the map would use. */
export const ACTOR_TYPE_PLURALS: Readonly<Record<ActorType, string>> = Object.freeze({
  hcp: 'HCPs',
  patient: 'patients',
  caregiver: 'caregivers',
  patient_org: 'patient organisations',
  researcher: 'researchers',
  journalist: 'journalists',
  media: 'media',
  institution: 'institutions',
  pharma: 'pharma companies',
  public_figure: 'public figures',
  influencer: 'influencers',
  other: 'other accounts',
});

/** How labels name each platform: its name (model's `platformLabel`), `web` and `other` inside a sentence. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = Object.freeze({
  ...(Object.fromEntries(
    PLATFORMS.map((platform) => [platform, platformLabel(platform)]),
  ) as Record<Platform, string>),
  web: 'web',
  other: 'other platforms',
});

export interface CommunityLabelOptions {
  /**
   * Posts of the map: the hashtags of each member's posts (author key `${platform}:${author}`, or the
   * actor node listing that account in its `accounts` attribute; a post without `hashtags` gives the
   * #tags of its text). Default `undefined`: bios only.
   */
  posts: readonly Post[] | undefined;
  /** Distinctive terms returned per community (`terms`), best first. Default 10. */
  terms: number;
  /** Hashtags at most in a label; after the first, only those scoring at least half as much. Default 2. */
  labelHashtags: number;
  /**
   * Member names at most in the label of a community without hashtags or bio words: its members who
   * receive the most attention. Default 2.
   */
  labelMembers: number;
  /** Edge weight attribute name, function or `null` (unweighted), for the attention members receive. Default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
  /** Share of the members the most frequent actor type needs to appear in the label. Default 0.4. */
  actorTypeShare: number;
  /** Share of the members the most frequent platform needs to appear in the label. Default 0.5. */
  platformShare: number;
}

export const DEFAULT_COMMUNITY_LABEL_OPTIONS: Readonly<CommunityLabelOptions> = Object.freeze({
  posts: undefined,
  terms: 10,
  labelHashtags: 2,
  labelMembers: 2,
  getEdgeWeight: 'weight',
  actorTypeShare: 0.4,
  platformShare: 0.5,
});

export interface CommunityLabel {
  id: number;
  /** Unique within the map. */
  label: string;
  /** The community's distinctive terms (score > 0), best first: why it has its label. */
  terms: DistinctiveTerm[];
}

/**
 * Labels each community of a partition, e.g. "#SEP · patients · Instagram": its most distinctive
 * hashtags, up to `labelHashtags` of those scoring at least half the best (tf-idf across the map's
 * communities, see `distinctiveTerms`; without hashtags, its most distinctive bio word; when nothing
 * is distinctive, the most frequent hashtag or bio word; without hashtags or bios, the names — name,
 * else @handle, else key — of up to `labelMembers` members receiving the most attention, those
 * receiving none left out, e.g. "SenSanders · OurRevolution"), then the plural of its most frequent
 * actor type (`ACTOR_TYPE_PLURALS`, `other` left out) and the name of its most frequent platform
 * (`PLATFORM_NAMES`, `other` left out) when they reach their share of the members and the map has
 * accounts of other types (platforms) too — a value every account shares says nothing of one
 * community —, all joined by " · ". Labels that two communities share are told apart by their
 * dominant language when that differs, then by a distinctive term the others do not use, and last by
 * the id in brackets; a community with nothing to say is "community <id>". Deterministic: every tie
 * is broken by value.
 *
 * Throws `InvalidInputError` (field `partition`) when a node has no community, or naming a bad option.
 *
 * @param options.posts posts of the map, for hashtags; default `undefined` (bios only).
 * @param options.terms distinctive terms returned per community, default 10.
 * @param options.labelHashtags hashtags at most in a label, default 2.
 * @param options.labelMembers member names at most in a label without hashtags or bio words, default 2.
 * @param options.getEdgeWeight edge attribute name, function or null, for the attention received; default `'weight'`.
 * @param options.actorTypeShare share the dominant actor type needs, default 0.4.
 * @param options.platformShare share the dominant platform needs, default 0.5.
 * @returns one label per community, ids ascending.
 */
export function labelCommunities(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<CommunityLabelOptions> = {},
): CommunityLabel[] {
  const resolved = resolveCommunityLabelOptions(options);
  const network = networkOfGraph(graph, resolved.getEdgeWeight);
  const members = communityMembers(communityColumn(network, partition));
  return [...labelMembers(network, members, resolved, receivedWeights(network)).values()];
}

/** Fills in the defaults and checks each option (`InvalidInputError` naming it). */
export function resolveCommunityLabelOptions(
  options: Partial<CommunityLabelOptions>,
): CommunityLabelOptions {
  const resolved = { ...DEFAULT_COMMUNITY_LABEL_OPTIONS };
  for (const key of Object.keys(resolved) as Array<keyof CommunityLabelOptions>) {
    if (options[key] !== undefined) (resolved as Record<string, unknown>)[key] = options[key];
  }
  if (resolved.posts !== undefined && !Array.isArray(resolved.posts)) {
    throw new InvalidInputError({ field: 'posts', message: 'posts must be an array of posts' });
  }
  checkInteger('terms', resolved.terms, 0);
  checkInteger('labelHashtags', resolved.labelHashtags, 0);
  checkInteger('labelMembers', resolved.labelMembers, 0);
  if (
    !(
      resolved.getEdgeWeight === null ||
      ['string', 'function'].includes(typeof resolved.getEdgeWeight)
    )
  ) {
    throw new InvalidInputError({
      field: 'getEdgeWeight',
      message: 'getEdgeWeight must be an attribute name, a function or null',
    });
  }
  checkShare('actorTypeShare', resolved.actorTypeShare);
  checkShare('platformShare', resolved.platformShare);
  return resolved;
}

interface Draft {
  id: number;
  parts: string[];
  language: string | undefined;
  ranked: DistinctiveTerm[];
  suffix: string;
}

/**
 * The node holding each account in a network projected per actor (whose nodes list their accounts in
 * an `accounts` attribute), so that posts count for the actor who wrote them.
 */
function accountNodes(network: AccountNetwork): Map<string, number> {
  const nodes = new Map<string, number>();
  network.nodes.forEach((attributes, node) => {
    if (!Array.isArray(attributes.accounts)) return;
    for (const account of attributes.accounts) nodes.set(String(account), node);
  });
  return nodes;
}

/**
 * Labels communities given as their members (node indices, see `labelCommunities`), by id;
 * `received` is the attention each node receives (`receivedWeights`).
 */
export function labelMembers(
  network: AccountNetwork,
  members: ReadonlyMap<number, readonly number[]>,
  options: CommunityLabelOptions,
  received: Float64Array,
): Map<number, CommunityLabel> {
  const hashtagsByAuthor = new Map<number, string[][]>();
  const nodeOfAccount = accountNodes(network);
  for (const post of options.posts ?? []) {
    const account = accountKey(post.platform, post.author);
    const key = network.index.get(account) ?? nodeOfAccount.get(account);
    if (key === undefined) continue;
    const tags = post.hashtags ?? hashtagsIn(post.text ?? '');
    const known = hashtagsByAuthor.get(key);
    if (known) known.push(tags);
    else hashtagsByAuthor.set(key, [tags]);
  }
  const sources = new Map<number, TermSource>();
  for (const [id, nodes] of members) {
    const bios: string[] = [];
    for (const node of nodes) {
      const bio: unknown = (network.nodes[node] as Attributes).bio;
      if (typeof bio === 'string') bios.push(bio);
    }
    sources.set(id, { hashtags: nodes.flatMap((node) => hashtagsByAuthor.get(node) ?? []), bios });
  }
  const ranked = distinctiveTerms(sources);
  const mapWide = {
    actorType: sharedValue(network, 'actorType'),
    platform: sharedValue(network, 'platform'),
  };
  const drafts: Draft[] = [...members].map(([id, nodes]) => {
    const terms = ranked.get(id) ?? [];
    const parts = headTerms(terms, options.labelHashtags);
    if (parts.length === 0) {
      const names = mostAttended(network, nodes, received, options.labelMembers, true);
      parts.push(
        ...names.map(({ node, key }) => displayNameOf(network.nodes[node] as Attributes, key)),
      );
    }
    const actorType = valueShares(network, nodes, 'actorType')[0];
    if (
      actorType &&
      actorType.value !== 'other' &&
      actorType.value !== mapWide.actorType &&
      actorType.share >= options.actorTypeShare
    ) {
      parts.push(nameOf(ACTOR_TYPE_PLURALS, actorType.value));
    }
    const platform = valueShares(network, nodes, 'platform')[0];
    if (
      platform &&
      platform.value !== 'other' &&
      platform.value !== mapWide.platform &&
      platform.share >= options.platformShare
    ) {
      parts.push(nameOf(PLATFORM_NAMES, platform.value));
    }
    const language = valueShares(network, nodes, 'language')[0]?.value;
    return { id, parts, language, ranked: terms, suffix: '' };
  });
  makeUnique(drafts);
  return new Map(
    drafts.map((draft) => [
      draft.id,
      {
        id: draft.id,
        label: labelText(draft),
        terms: draft.ranked.filter((term) => term.score > 0).slice(0, options.terms),
      },
    ]),
  );
}

/** The value of `attribute` when every node of the network has that same one, else `undefined`. */
function sharedValue(network: AccountNetwork, attribute: string): unknown {
  const [first, ...rest] = network.nodes;
  const shared: unknown = first?.[attribute];
  const same = rest.every((attributes) => attributes[attribute] === shared);
  return same && shared !== undefined ? shared : undefined;
}

/** The #tags of a text, without their '#'. */
function hashtagsIn(text: string): string[] {
  return [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1] as string);
}

/** The label's leading terms: hashtags if the community has any, else one bio word (see labelCommunities). */
function headTerms(ranked: DistinctiveTerm[], limit: number): string[] {
  if (limit === 0) return [];
  for (const kind of ['hashtag', 'bio'] as const) {
    const terms = ranked.filter((term) => term.kind === kind);
    const top = terms[0];
    if (!top) continue;
    if (top.score === 0) return [mostFrequent(terms).term];
    return terms
      .filter((term) => term.score >= top.score / 2)
      .slice(0, kind === 'hashtag' ? limit : 1)
      .map((term) => term.term);
  }
  return [];
}

function mostFrequent(terms: DistinctiveTerm[]): DistinctiveTerm {
  return terms.reduce((best, term) =>
    term.count > best.count || (term.count === best.count && term.key < best.key) ? term : best,
  );
}

function nameOf(names: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(names, value) ? (names[value] as string) : value;
}

function labelText(draft: Draft): string {
  const text = draft.parts.length > 0 ? draft.parts.join(' · ') : `community ${draft.id}`;
  return text + draft.suffix;
}

/** Extends colliding labels in place: by language, then by a term the others lack, then by id. */
function makeUnique(drafts: Draft[]): void {
  for (const step of ['language', 'term', 'id'] as const) {
    const groups = new Map<string, Draft[]>();
    for (const draft of drafts) {
      const text = labelText(draft);
      const group = groups.get(text);
      if (group) group.push(draft);
      else groups.set(text, [draft]);
    }
    const collisions = [...groups.values()].filter((group) => group.length > 1);
    if (collisions.length === 0) return;
    for (const group of collisions) {
      if (step === 'language') {
        if (new Set(group.map((draft) => draft.language)).size === 1) continue;
        for (const draft of group) if (draft.language) draft.parts.push(draft.language);
      } else if (step === 'term') {
        // A key is in each member's ranked list at most once: used once in the group, it is its own.
        const users = new Map<string, number>();
        for (const draft of group) {
          for (const term of draft.ranked) users.set(term.key, (users.get(term.key) ?? 0) + 1);
        }
        for (const draft of group) {
          const pick = draft.ranked.find(
            (term) => users.get(term.key) === 1 && !draft.parts.includes(term.term),
          );
          if (pick) draft.parts.push(pick.term);
        }
      } else {
        for (const draft of group) draft.suffix = ` (${draft.id})`;
      }
    }
  }
}
