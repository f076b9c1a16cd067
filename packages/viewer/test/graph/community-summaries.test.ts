import { summarizeCommunities } from '../../src/graph/community-summaries.js';
import { communityProfiles } from '../../src/graph/map-graph.js';
import { smallMap } from './small-map.js';

describe('summarizeCommunities', () => {
  it('gives each community its label, size, leading members and main actor types', () => {
    const graph = smallMap();
    expect(summarizeCommunities(graph, communityProfiles(graph), { top: 2 })).toEqual([
      {
        id: 0,
        label: '#oncology · HCPs',
        size: 3,
        topMembers: ['x:a', 'linkedin:c'],
        actorTypes: [
          { value: 'hcp', share: 1 / 3 },
          { value: 'patient', share: 1 / 3 },
        ],
      },
      {
        id: 1,
        label: '#diabetes',
        size: 3,
        topMembers: ['actor:d', 'x:e'],
        actorTypes: [
          { value: 'patient', share: 1 / 3 },
          { value: 'patient_org', share: 1 / 3 },
        ],
      },
    ]);
  });

  it('names communities without a label by their id, largest first', () => {
    const graph = smallMap();
    graph.mergeNodeAttributes('x:a', { community: 1 });
    const summaries = summarizeCommunities(graph, []);
    expect(summaries.map(({ id, label, size }) => [id, label, size])).toEqual([
      [1, 'Community 1', 4],
      [0, 'Community 0', 2],
    ]);
  });
});
