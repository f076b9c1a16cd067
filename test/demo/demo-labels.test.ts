// Core's community labels on the demo data: the planted communities, and those Leiden finds, are
// labelled with hashtags of their therapeutic area (the demo scenario's), never with stop words.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldText } from '@kolmap/model';
import {
  type CommunityLabel,
  labelCommunities,
} from '../../packages/core/src/analyze/communities/community-labels.js';
import { detectCommunities } from '../../packages/core/src/analyze/communities/detect-communities.js';
import {
  ENGLISH_STOP_WORDS,
  FRENCH_STOP_WORDS,
} from '../../packages/core/src/analyze/communities/distinctive-terms.js';
import { buildInteractionGraph } from '../../packages/core/src/build/interaction-graph.js';
import type { Dataset } from '../../packages/core/src/load/dataset.js';
import { loadDataset } from '../../packages/core/src/load/load-dataset.js';
import { AREAS, type TherapeuticArea } from '../../packages/demo/src/scenario.js';

const labelsOf = (labels: CommunityLabel[]) => labels.map((label) => label.label);
const STOP_KEYS = new Set([...FRENCH_STOP_WORDS, ...ENGLISH_STOP_WORDS].map(foldText));

describe('labelCommunities on the demo data', () => {
  const folder = fileURLToPath(new URL('../../data/demo', import.meta.url));
  const truth = JSON.parse(readFileSync(`${folder}/ground-truth.json`, 'utf8')) as {
    communities: Array<{ name: string; therapeuticArea: TherapeuticArea }>;
    accounts: Record<string, { community: string }>;
  };
  const areaOf = new Map(
    truth.communities.map((community) => [community.name, community.therapeuticArea]),
  );
  const areaHashtags = (area: TherapeuticArea) =>
    new Set(
      [...AREAS[area].hashtags.fr, ...AREAS[area].hashtags.en].map((tag) => `#${foldText(tag)}`),
    );
  const hashtagsOf = (label: string) => label.split(' · ').filter((part) => part.startsWith('#'));
  let dataset: Dataset;
  let graph: ReturnType<typeof buildInteractionGraph>;

  beforeAll(async () => {
    dataset = await loadDataset(folder);
    graph = buildInteractionGraph(dataset);
  });

  it('labels each planted community with hashtags of its therapeutic area', () => {
    const names = truth.communities.map((community) => community.name);
    const planted: Record<string, number> = {};
    graph.forEachNode((node) => {
      planted[node] = names.indexOf(truth.accounts[node]?.community as string);
    });
    const labels = labelCommunities(graph, planted, { posts: dataset.posts });
    const byName = new Map(labels.map((label) => [names[label.id] as string, label.label]));
    for (const [name, label] of byName) {
      const tags = hashtagsOf(label);
      expect(tags.length).toBeGreaterThan(0);
      const allowed = areaHashtags(areaOf.get(name) as TherapeuticArea);
      for (const tag of tags) expect([name, allowed.has(foldText(tag))]).toEqual([name, true]);
    }
    expect(byName.get('multiple-sclerosis-fr')).toContain('#SEP');
    expect(byName.get('multiple-sclerosis-en')).toContain('#MS');
    expect(byName.get('oncology-fr')).toMatch(/#(OctobreRose|cancerdusein)/);
    expect(byName.get('oncology-en')).toMatch(/#(breastcancer|lungcancer)/);
  });

  it('labels the Leiden communities (seed 42) by their area, uniquely, without stop words', () => {
    const { partition } = detectCommunities(graph, { algorithm: 'leiden', seed: 42 });
    const labels = labelCommunities(graph, partition, { posts: dataset.posts });
    expect(new Set(labelsOf(labels)).size).toBe(labels.length);
    const members = new Map<number, string[]>();
    for (const [node, community] of Object.entries(partition)) {
      members.set(community, [...(members.get(community) ?? []), node]);
    }
    let checked = 0;
    for (const label of labels) {
      const nodes = members.get(label.id) ?? [];
      for (const term of label.terms) expect(STOP_KEYS.has(term.key)).toBe(false);
      if (nodes.length < 30) continue;
      const areas = new Map<TherapeuticArea, number>();
      for (const node of nodes) {
        const area = areaOf.get(truth.accounts[node]?.community as string) as TherapeuticArea;
        areas.set(area, (areas.get(area) ?? 0) + 1);
      }
      const [area, count] = [...areas].sort((a, b) => b[1] - a[1])[0] as [TherapeuticArea, number];
      if (count < nodes.length / 2) continue;
      const [lead] = hashtagsOf(label.label);
      expect([label.label, areaHashtags(area).has(foldText(lead ?? ''))]).toEqual([
        label.label,
        true,
      ]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });
});
