// A seeded synthetic analysed map for the store benchmark: accounts with the analysis' attributes
// (community, kolScore, rank, role…) and heavy-tailed interaction edges (a few accounts receive
// most of the attention), in the shape `graph.export()` gives; and positions for it, clustered by
// community as a layout would place them.
import type { SerializedGraph } from 'graphology-types';
import { Rng } from '../packages/demo/src/rng.js';

const PLATFORMS = ['x', 'linkedin', 'youtube', 'instagram'] as const;
const ACTOR_TYPES = [
  'hcp',
  'patient',
  'journalist',
  'institution',
  'patient_org',
  'pharma',
] as const;
const ROLES = ['leader', 'community_leader', 'bridge', 'amplifier', 'peripheral'] as const;
const TYPES = ['mention', 'reply', 'repost', 'quote', 'comment', 'like'] as const;
const NAMES = ['Marie', 'Sébastien', 'Chloé', 'Jürgen', 'Ana', 'Olivier', 'Zoë', 'Hélène', 'Paul'];
export const BENCH_COMMUNITIES = 50;

/**
 * `accounts` accounts and `interactions` distinct directed pairs. Sources are uniform, targets
 * heavy-tailed (target = ⌊n·u³⌋); kolScore is the normalised in-strength (so high-score accounts
 * are the hubs, as in real maps).
 */
export function benchMap(
  name: string,
  { accounts, interactions, seed = 42 }: { accounts: number; interactions: number; seed?: number },
): { name: string; graph: SerializedGraph } {
  const rng = new Rng(seed, 'bench-store-map');
  const pairs = new Set<number>();
  const edges: SerializedGraph['edges'] = [];
  const strength = new Float64Array(accounts);
  const start = Date.UTC(2024, 0, 1);
  while (edges.length < interactions) {
    const source = rng.int(accounts);
    const target = Math.floor(accounts * rng.next() ** 3);
    if (source === target) continue;
    const pair = source * accounts + target;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    const count = 1 + Math.floor(rng.next() ** 4 * 20);
    const type = TYPES[rng.int(TYPES.length)] as string;
    const weight = count * (type === 'repost' ? 3 : type === 'like' ? 0.5 : 1.5);
    strength[target] = (strength[target] as number) + weight;
    const first = start + rng.int(300 * 86400) * 1000;
    edges.push({
      source: `x:${source}`,
      target: `x:${target}`,
      attributes: {
        weight,
        count,
        [type]: count,
        firstAt: new Date(first).toISOString(),
        lastAt: new Date(first + rng.int(60 * 86400) * 1000).toISOString(),
      },
    });
  }
  let max = 0;
  for (const value of strength) max = Math.max(max, value);
  const nodes = Array.from({ length: accounts }, (_, index) => {
    const first = NAMES[index % NAMES.length] as string;
    return {
      key: `x:${index}`,
      attributes: {
        platform: PLATFORMS[index % PLATFORMS.length],
        id: String(index),
        handle: `${first.toLowerCase()}_${index}`,
        name: `${first} Account${index}`,
        actorType: ACTOR_TYPES[index % ACTOR_TYPES.length],
        followers: rng.int(100_000),
        community: rng.int(BENCH_COMMUNITIES),
        kolScore: Math.round(((strength[index] as number) / max) * 10_000) / 100,
        role: ROLES[index % ROLES.length],
        pagerank: (strength[index] as number) / max / accounts,
        inStrength: strength[index],
        scoreBreakdown: { pagerank: 0.5, inStrength: 0.5 },
      },
    };
  });
  return {
    name,
    graph: {
      attributes: { params: { bench: true, seed } },
      options: { type: 'directed', multi: false, allowSelfLoops: true },
      nodes,
      edges,
    },
  };
}

/**
 * The generated map with positions as a layout would give them: each community a disc around its
 * own point of a large circle, members scattered inside (seeded).
 */
export function withClusteredPositions(input: { name: string; graph: SerializedGraph }): {
  name: string;
  graph: SerializedGraph;
} {
  const rng = new Rng(42, 'bench-viewer-positions');
  const radius = Math.sqrt(input.graph.nodes.length) * 10;
  const nodes = input.graph.nodes.map((node) => {
    const community = (node.attributes?.community as number) ?? 0;
    const angle = (2 * Math.PI * community) / BENCH_COMMUNITIES;
    const spread = radius / 6;
    const distance = spread * Math.sqrt(rng.next());
    const turn = rng.next() * 2 * Math.PI;
    return {
      ...node,
      attributes: {
        ...node.attributes,
        x: radius * Math.cos(angle) + distance * Math.cos(turn),
        y: radius * Math.sin(angle) + distance * Math.sin(turn),
      },
    };
  });
  return { name: input.name, graph: { ...input.graph, nodes } };
}
