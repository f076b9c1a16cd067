// Maps for the store contract tests: a small synthetic map with known answers, a generated map
// with many tied scores (pagination), and the demo dataset analysed by core.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { MapGraph, SaveMapInput } from '../../packages/api/src/index.js';
import {
  analyzeGraph,
  buildInteractionGraph,
  KOL_ROLES,
  loadDataset,
} from '../../packages/core/src/index.js';
import type { InteractionRecord } from '../../packages/model/src/index.js';

const DEMO = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/demo');

/**
 * Eight accounts in three communities, with tied scores (three at 80), one unscored account, one
 * isolated account, accents in names and extra attributes of every kind:
 *
 *   a → b (5)   b → c (3)   c → d (2)   d → e (1)   a → c (1)   e → a (4)   g → f (2)
 *
 * Directed shortest paths: a → e is a → c → d → e; e → d is e → a → c → d; nothing reaches g or h
 * from a. Undirected, e – d is one edge.
 */
export function smallMap(name = 'small map'): SaveMapInput {
  const graph = new DirectedGraph();
  graph.mergeAttributes({
    params: { communities: { algorithm: 'leiden', seed: 42 }, typeWeights: { repost: 3 } },
    provenance: {
      inputChecksum: 'sha256:abc',
      kolmapVersion: '0.1.0',
      createdAt: '2024-05-01T10:00:00.000Z',
    },
    communities: [
      { id: 0, label: 'Oncologists', size: 2, topMembers: ['x:a', 'x:b'], terms: ['#onco'] },
      { id: 1, label: 'Patients', size: 3, topMembers: ['x:c', 'linkedin:d', 'x:e'] },
      { id: 2, label: 'Others', size: 3, topMembers: ['x:g', 'x:h', 'x:f'] },
    ],
    note: 'synthetic',
  });
  graph.addNode('x:a', {
    platform: 'x',
    id: 'a',
    handle: '@seb_marie',
    name: 'Sébastien Marieu',
    actorType: 'hcp',
    followers: 1200,
    therapeuticAreas: ['oncology', 'haematology'],
    community: 0,
    kolScore: 90,
    rank: 1,
    communityRank: 1,
    role: 'leader',
    pagerank: 0.31,
    inStrength: 4,
    x: 1.5,
    y: -2.25,
    scoreBreakdown: { pagerank: 0.5, inStrength: 0.3, bridging: 0.2 },
    tier: 'gold',
    tags: ['speaker', 'author'],
    scores: [1, 2.5],
    meta: { source: 'survey', years: [2023, 2024] },
    mixed: [1, 'one'],
  });
  graph.addNode('x:b', {
    platform: 'x',
    id: 'b',
    handle: 'annedupont',
    name: 'Anne Dupont',
    actorType: 'journalist',
    community: 0,
    kolScore: 80,
    role: 'community_leader',
  });
  graph.addNode('x:c', {
    platform: 'x',
    id: 'c',
    handle: 'chloe_b',
    name: 'Chloé Bernard',
    actorType: 'hcp',
    language: 'fr',
    country: 'BE',
    community: 1,
    kolScore: 80,
    role: 'bridge',
  });
  graph.addNode('linkedin:d', {
    platform: 'linkedin',
    id: 'd',
    handle: 'orsted',
    name: 'Dr Ørsted',
    platforms: ['linkedin', 'facebook'],
    actorType: 'patient_org',
    language: 'da',
    country: 'DK',
    community: 1,
    kolScore: 80,
    role: 'amplifier',
  });
  graph.addNode('x:e', {
    platform: 'x',
    id: 'e',
    handle: 'ezola',
    name: 'Émile Zola',
    actorType: 'patient',
    language: 'FR',
    country: 'fr',
    community: 1,
    kolScore: 50,
    role: 'peripheral',
  });
  graph.addNode('x:f', { platform: 'x', id: 'f', stub: true, community: 2 });
  graph.addNode('x:g', {
    platform: 'x',
    id: 'g',
    name: 'Gaëlle Martin',
    handle: 'gmartin',
    community: 2,
    kolScore: 10,
    role: 'peripheral',
  });
  graph.addNode('x:h', { platform: 'x', id: 'h', name: 'Hugo', community: 2, kolScore: 5 });
  const edge = (source: string, target: string, weight: number, extra: object = {}) =>
    graph.addEdge(source, target, {
      weight,
      count: Math.ceil(weight),
      mention: Math.ceil(weight),
      firstAt: '2024-01-02T03:04:05.000Z',
      lastAt: '2024-02-03T04:05:06.000Z',
      ...extra,
    });
  edge('x:a', 'x:b', 5, { repost: 2, via: ['x', 'web'] });
  edge('x:b', 'x:c', 3);
  edge('x:c', 'linkedin:d', 2);
  edge('linkedin:d', 'x:e', 1);
  edge('x:a', 'x:c', 1);
  edge('x:e', 'x:a', 4);
  edge('x:g', 'x:f', 2);
  return { name, graph: graph.export() };
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTOR_TYPES = ['hcp', 'patient', 'journalist', 'institution'] as const;
const ROLES = KOL_ROLES;

/**
 * `accounts` accounts with scores drawn from a few values (so most scores are tied), some without a
 * score, four communities, two platforms, and about `edgesPerAccount` edges each.
 */
export function generatedMap(
  name: string,
  {
    accounts,
    edgesPerAccount = 2,
    seed = 7,
  }: { accounts: number; edgesPerAccount?: number; seed?: number },
): SaveMapInput {
  const next = random(seed);
  const scores = [100, 75.5, 75.5, 60, 42.25, 10, 0];
  const nodes = Array.from({ length: accounts }, (_, index) => {
    const unscored = index % 29 === 0;
    const attributes: Record<string, unknown> = {
      platform: index % 3 === 0 ? 'linkedin' : 'x',
      id: `n${index}`,
      name: `Account ${index}`,
      handle: `acc${index}`,
      actorType: ACTOR_TYPES[index % ACTOR_TYPES.length],
      community: index % 4,
      role: ROLES[index % ROLES.length],
    };
    if (!unscored) attributes.kolScore = scores[Math.floor(next() * scores.length)];
    return { key: `k${String(index).padStart(6, '0')}`, attributes };
  });
  const seen = new Set<string>();
  const edges: SerializedGraph['edges'] = [];
  for (let source = 0; source < accounts; source++) {
    for (let e = 0; e < edgesPerAccount; e++) {
      const target = Math.floor(accounts * next() ** 2);
      const pair = `${source}>${target}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      edges.push({
        source: (nodes[source] as { key: string }).key,
        target: (nodes[target] as { key: string }).key,
        attributes: { weight: 1 + Math.floor(next() * 10), count: 1, mention: 1 },
      });
    }
  }
  return {
    name,
    graph: {
      attributes: { params: { generated: true, seed } },
      options: { type: 'directed', multi: false, allowSelfLoops: true },
      nodes,
      edges,
    },
  };
}

/**
 * The demo dataset analysed by core as `kolmap analyze` does it: interaction graph, then
 * `analyzeGraph` (Leiden communities, influence, KOL score and roles, profiles, layout; seed 42),
 * with the `kolmap` graph attribute the CLI writes.
 */
export async function demoMap(name = 'demo'): Promise<SaveMapInput> {
  const dataset = await loadDataset(DEMO);
  const graph = buildInteractionGraph(dataset);
  const analysis = analyzeGraph(graph, { seed: 42, posts: dataset.posts });
  graph.setAttribute('kolmap', {
    version: '0.1.0',
    seed: 42,
    inputChecksum: 'sha256:demo',
    inputs: { graph: 'interaction', actors: false, undirected: false },
    parameters: analysis.parameters,
  });
  return { name, graph: graph.export() };
}

/** The interactions of a whole map read back (`readGraph`), one record each. */
export function interactionRecords({ accounts, interactions }: MapGraph): InteractionRecord[] {
  return Array.from({ length: interactions.count }, (_, index) => ({
    source: accounts[interactions.source[index] as number]?.key as string,
    target: accounts[interactions.target[index] as number]?.key as string,
    attributes: interactions.attributes(index),
  }));
}
