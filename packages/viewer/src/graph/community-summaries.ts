// One line per community for the communities table: its label, size, leading members and the actor
// types it is mostly made of, counted on the loaded map.
import { type CommunityProfile } from '@kolmap/model';
import type { MapGraph } from './map-graph.js';

export interface CommunitySummary {
  id: number;
  label: string;
  size: number;
  /** Highest KOL scores first. */
  topMembers: string[];
  /** Most frequent first, with their share of the members. */
  actorTypes: Array<{ value: string; share: number }>;
}

/**
 * The communities of the map, largest first (ties: id), each with its `top` highest-scored
 * members and its `types` most frequent actor types.
 */
export function summarizeCommunities(
  graph: MapGraph,
  profiles: readonly CommunityProfile[],
  { top = 3, types = 2 }: { top?: number; types?: number } = {},
): CommunitySummary[] {
  const members = new Map<number, string[]>();
  graph.forEachNode((node, { community }) => {
    if (community === undefined) return;
    const list = members.get(community);
    if (list) list.push(node);
    else members.set(community, [node]);
  });
  const labels = new Map(profiles.map((profile) => [profile.id, profile.label]));
  const score = (node: string) => graph.getNodeAttribute(node, 'kolScore') ?? -1;
  return [...members]
    .map(([id, keys]) => {
      const typeCounts = new Map<string, number>();
      for (const key of keys) {
        const type = graph.getNodeAttribute(key, 'actorType');
        if (type) typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
      }
      return {
        id,
        label: labels.get(id) || `Community ${id}`,
        size: keys.length,
        topMembers: [...keys].sort((a, b) => score(b) - score(a) || (a < b ? -1 : 1)).slice(0, top),
        actorTypes: [...typeCounts]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, types)
          .map(([value, count]) => ({ value, share: count / keys.length })),
      };
    })
    .sort((a, b) => b.size - a.size || a.id - b.id);
}
