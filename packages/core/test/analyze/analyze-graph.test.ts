import type { InteractionType } from '@kolmap/model';
import { graphOfNetwork } from '../../src/analyze/account-network.js';
import {
  analysisAttributes,
  analyzeGraph,
  analyzeNetwork,
} from '../../src/analyze/analyze-graph.js';
import { projectActorNetwork } from '../../src/build/actor-projection.js';
import { buildInteractionNetwork } from '../../src/build/interaction-graph.js';
import { DatasetCollector } from '../../src/load/dataset.js';

const TYPES: InteractionType[] = ['mention', 'reply', 'repost', 'quote', 'like'];

/** Three groups of 12 accounts that talk mostly inside their group, with a few actors on two accounts. */
function dataset() {
  const collector = new DatasetCollector();
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = 0; i < 36; i++) {
    collector.addAccount(
      {
        kind: 'account',
        platform: 'x',
        id: `a${i}`,
        name: `Account ${i}`,
        actorType: i % 3 === 0 ? 'hcp' : 'patient',
        ...(i % 9 === 0 && { actorId: `actor${i}` }),
        followers: i * 10,
      },
      {},
    );
  }
  for (let k = 0; k < 400; k++) {
    const source = Math.floor(random() * 36);
    const sameGroup = random() < 0.85;
    const group = sameGroup ? Math.floor(source / 12) : Math.floor(random() * 3);
    const target = group * 12 + Math.floor(random() ** 2 * 12);
    collector.addInteraction(
      {
        kind: 'interaction',
        platform: 'x',
        source: `a${source}`,
        target: `a${target}`,
        type: TYPES[k % TYPES.length] as InteractionType,
        timestamp: `2024-01-${String(1 + (k % 28)).padStart(2, '0')}T00:00:00Z`,
      },
      {},
    );
  }
  return collector.finish();
}

const options = { seed: 3, layout: { iterations: 20 } } as const;

describe('analyzeNetwork', () => {
  it('gives the nodes of the map the attributes analyzeGraph writes on the built graph', () => {
    const network = buildInteractionNetwork(dataset());
    const graph = graphOfNetwork(network);
    const fromGraph = analyzeGraph(graph, options);
    const analysis = analyzeNetwork(network, options);
    const map = graphOfNetwork(network, analysisAttributes(network, analysis));
    expect(analysis.communities.modularity).toBe(fromGraph.communities.modularity);
    expect(analysis.profiles).toEqual(fromGraph.profiles);
    expect(map.nodes()).toEqual(graph.nodes());
    graph.forEachNode((node, attributes) => {
      expect(Object.keys(map.getNodeAttributes(node))).toEqual(Object.keys(attributes));
      expect(map.getNodeAttributes(node)).toEqual(attributes);
    });
    expect(analysis.layout?.size).not.toBeNull();
    expect(Object.keys(graph.getNodeAttributes('x:a1')).slice(-4)).toEqual([
      'communityLabel',
      'x',
      'y',
      'size',
    ]);
  });

  it('analyses an actor projection as the projected graph', () => {
    const network = projectActorNetwork(buildInteractionNetwork(dataset()));
    expect(network.keys).toContain('actor:actor9');
    const graph = graphOfNetwork(network);
    analyzeGraph(graph, { ...options, layout: false });
    const analysis = analyzeNetwork(network, { ...options, layout: false });
    const map = graphOfNetwork(network, analysisAttributes(network, analysis));
    graph.forEachNode((node, attributes) => {
      expect(map.getNodeAttributes(node)).toEqual(attributes);
    });
    expect(analysis.layout).toBeNull();
  });
});
