import { DirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { projectActors } from '../../src/build/actor-projection.js';
import { buildFollowerGraph } from '../../src/build/follower-graph.js';
import { buildInteractionGraph } from '../../src/build/interaction-graph.js';
import { InvalidInputError } from '../../src/errors.js';
import { type Dataset, DatasetCollector } from '../../src/load/dataset.js';

const at = {};

/** Dr Smith on X and LinkedIn (actor s), a foundation on X (actor f), a patient without actor. */
function dataset(): Dataset {
  const collector = new DatasetCollector();
  collector.addAccount(
    {
      platform: 'x',
      id: 'smith',
      name: 'J. Smith',
      actorId: 's',
      actorType: 'hcp',
      followers: 900,
    },
    at,
  );
  collector.addAccount(
    { platform: 'linkedin', id: 'jsmith', name: 'Dr Jane Smith', actorId: 's', followers: 1200 },
    at,
  );
  collector.addAccount({ platform: 'x', id: 'fdn', name: 'Foundation', actorId: 'f' }, at);
  collector.addAccount({ platform: 'x', id: 'pat', name: 'Pat', followers: 10 }, at);
  const add = (platform: 'x' | 'linkedin', source: string, target: string, more: object) =>
    collector.addInteraction({ platform, source, target, ...more }, at);
  add('x', 'pat', 'smith', { type: 'reply', timestamp: '2024-01-05' });
  add('linkedin', 'pat', 'jsmith', { type: 'comment', timestamp: '2024-03-01' });
  add('x', 'smith', 'fdn', { type: 'repost', timestamp: '2024-02-01' });
  add('x', 'fdn', 'smith', { type: 'mention' });
  add('linkedin', 'jsmith', 'jsmith', { type: 'like' });
  collector.addFollow({ platform: 'x', source: 'smith', target: 'pat' }, at);
  collector.addFollow({ platform: 'linkedin', source: 'jsmith', target: 'pat' }, at);
  return collector.finish();
}

describe('projectActors', () => {
  it('merges the accounts of an actor into one node', () => {
    const projection = projectActors(buildInteractionGraph(dataset()));
    expect(projection.nodes()).toEqual(['actor:s', 'actor:f', 'x:pat', 'linkedin:pat']);
    expect(projection.getNodeAttributes('actor:s')).toEqual({
      accounts: ['x:smith', 'linkedin:jsmith'],
      platforms: ['x', 'linkedin'],
      actorId: 's',
      name: 'Dr Jane Smith',
      actorType: 'hcp',
      followers: 2100,
    });
    expect(projection.getNodeAttributes('x:pat')).toEqual({
      accounts: ['x:pat'],
      platforms: ['x'],
      name: 'Pat',
      followers: 10,
    });
    expect(projection.getNodeAttributes('linkedin:pat')).toEqual({
      accounts: ['linkedin:pat'],
      platforms: ['linkedin'],
      stub: true,
    });
  });

  it('describes an actor by its most followed account that tells, and every therapeutic area', () => {
    const graph = new DirectedGraph();
    graph.addNode('x:small', {
      actorId: 'm',
      followers: 50,
      language: 'en',
      country: 'GB',
      specialty: 'Neurology',
      therapeuticAreas: ['multiple-sclerosis'],
    });
    graph.addNode('linkedin:big', {
      actorId: 'm',
      followers: 5000,
      language: 'fr',
      therapeuticAreas: ['oncology', 'multiple-sclerosis'],
    });
    graph.addNode('youtube:mute', { actorId: 'm', followers: 90_000 });
    expect(projectActors(graph).getNodeAttributes('actor:m')).toEqual({
      accounts: ['x:small', 'linkedin:big', 'youtube:mute'],
      platforms: [],
      actorId: 'm',
      followers: 95_050,
      language: 'fr',
      country: 'GB',
      specialty: 'Neurology',
      therapeuticAreas: ['multiple-sclerosis', 'oncology'],
    });
  });

  it('sums the weights and counts of merged edges and spans their dates', () => {
    const projection = projectActors(buildInteractionGraph(dataset(), { platforms: ['x'] }));
    expect(projection.getEdgeAttributes(projection.edge('x:pat', 'actor:s'))).toEqual({
      weight: 2,
      count: 1,
      reply: 1,
      firstAt: '2024-01-05T00:00:00.000Z',
      lastAt: '2024-01-05T00:00:00.000Z',
    });
    const both = projectActors(buildInteractionGraph(dataset(), { undirected: true }));
    expect(both.type).toBe('undirected');
    expect(both.getEdgeAttributes(both.edge('actor:s', 'actor:f'))).toEqual({
      weight: 3 + 1.5,
      count: 2,
      repost: 1,
      mention: 1,
      firstAt: '2024-02-01T00:00:00.000Z',
      lastAt: '2024-02-01T00:00:00.000Z',
    });
  });

  it('drops the edges inside an actor unless self-loops are kept', () => {
    const graph = buildInteractionGraph(dataset(), { selfLoops: 'keep' });
    expect(projectActors(graph).hasEdge('actor:s', 'actor:s')).toBe(false);
    const kept = projectActors(graph, { selfLoops: 'keep' });
    expect(kept.getEdgeAttributes(kept.edge('actor:s', 'actor:s'))).toEqual({
      weight: 0.5,
      count: 1,
      like: 1,
    });
  });

  it('works on the follower graph', () => {
    const projection = projectActors(buildFollowerGraph(dataset()));
    expect(projection.edges().map((edge) => projection.extremities(edge))).toEqual([
      ['actor:s', 'x:pat'],
      ['actor:s', 'linkedin:pat'],
    ]);
    expect(projection.getEdgeAttribute('0', 'weight')).toBe(1);
  });

  it('merges parallel edges of a multi graph and keeps the graph type', () => {
    const multi = new MultiGraph({ type: 'directed' });
    multi.addNode('a', { actorId: 'p', platform: 'x' });
    multi.addNode('b', { platform: 'x' });
    multi.addEdge('a', 'b', { weight: 1, label: 'dropped' });
    multi.addEdge('a', 'b', { weight: 2 });
    const projection = projectActors(multi);
    expect(projection.edges().map((edge) => projection.getEdgeAttributes(edge))).toEqual([
      { weight: 3 },
    ]);
    expect(projectActors(new UndirectedGraph()).type).toBe('undirected');
    expect(projectActors(new DirectedGraph()).type).toBe('directed');
  });

  it('rejects mixed graphs and bad options', () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
        return (error as InvalidInputError).problems[0]?.field;
      }
    };
    expect(fieldOf(() => projectActors(new MultiGraph()))).toBe('graph');
    expect(fieldOf(() => projectActors(new DirectedGraph(), { selfLoops: 'merge' } as never))).toBe(
      'selfLoops',
    );
    expect(() => projectActors(new MultiGraph())).toThrow(InvalidInputError);
  });
});
