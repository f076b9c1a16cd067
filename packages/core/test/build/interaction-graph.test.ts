import {
  buildInteractionGraph,
  DEFAULT_INTERACTION_GRAPH_OPTIONS,
} from '../../src/build/interaction-graph.js';
import { InvalidInputError } from '../../src/errors.js';
import { DatasetCollector } from '../../src/load/dataset.js';
import type { Interaction } from '../../src/schema/records.js';

const at = {};

function dataset(interactions: Interaction[], configure?: (collector: DatasetCollector) => void) {
  const collector = new DatasetCollector();
  configure?.(collector);
  for (const interaction of interactions) collector.addInteraction(interaction, at);
  return collector.finish();
}

const x = (source: string, target: string, rest: Partial<Interaction> = {}): Interaction => ({
  platform: 'x',
  source,
  target,
  ...rest,
});

function invalidField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
    return (error as InvalidInputError).problems[0]?.field;
  }
  throw new Error('expected an InvalidInputError');
}

describe('buildInteractionGraph', () => {
  it('aggregates a pair: weight by type, per-type counts, first and last dates', () => {
    const graph = buildInteractionGraph(
      dataset([
        x('a', 'b', { type: 'reply', timestamp: '2024-03-01T10:00:00Z' }),
        x('a', 'b', { type: 'reply', timestamp: '2024-01-01T00:00:00Z' }),
        x('a', 'b', { type: 'repost', weight: 2 }),
        x('a', 'b', { type: 'like', timestamp: '2024-02-01T00:00:00Z' }),
        x('b', 'a', { type: 'mention' }),
      ]),
    );
    expect(graph.type).toBe('directed');
    expect(graph.size).toBe(2);
    expect(graph.getEdgeAttributes(graph.edge('x:a', 'x:b'))).toEqual({
      weight: 2 * 2 + 2 * 3 + 0.5,
      count: 4,
      reply: 2,
      repost: 1,
      like: 1,
      firstAt: '2024-01-01T00:00:00.000Z',
      lastAt: '2024-03-01T10:00:00.000Z',
    });
    expect(graph.getEdgeAttributes(graph.edge('x:b', 'x:a'))).toEqual({
      weight: 1.5,
      count: 1,
      mention: 1,
    });
  });

  it('merges custom type weights over the defaults and weighs untyped records', () => {
    const graph = buildInteractionGraph(
      dataset([x('a', 'b', { type: 'like' }), x('a', 'b', { type: 'reply' }), x('a', 'b')]),
      { typeWeights: { like: 4 }, untypedWeight: 0.25 },
    );
    expect(graph.getEdgeAttributes(graph.edge('x:a', 'x:b'))).toEqual({
      weight: 4 + DEFAULT_INTERACTION_GRAPH_OPTIONS.typeWeights.reply + 0.25,
      count: 3,
      like: 1,
      reply: 1,
    });
  });

  it('keeps the listed types only (follows are out by default)', () => {
    const data = dataset([], (collector) => {
      collector.addFollow({ platform: 'x', source: 'a', target: 'b' }, at);
      collector.addInteraction(x('a', 'b', { type: 'like' }), at);
      collector.addInteraction(x('a', 'c', { type: 'reply' }), at);
    });
    const byDefault = buildInteractionGraph(data);
    expect(byDefault.getEdgeAttributes(byDefault.edge('x:a', 'x:b'))).toEqual({
      weight: 0.5,
      count: 1,
      like: 1,
    });
    const some = buildInteractionGraph(data, { types: ['like', 'follow'] });
    expect(some.getEdgeAttributes(some.edge('x:a', 'x:b'))).toEqual({
      weight: 0.5 + 1,
      count: 2,
      like: 1,
      follow: 1,
    });
    expect(some.hasEdge('x:a', 'x:c')).toBe(false);
  });

  it('keeps the records of the window (ends included), undated ones only without one', () => {
    const data = dataset([
      x('a', 'b', { type: 'reply', timestamp: '2024-01-31T23:59:59Z' }),
      x('a', 'b', { type: 'reply', timestamp: '2024-02-01' }),
      x('a', 'b', { type: 'reply', timestamp: '2024-02-29T00:00:00Z' }),
      x('a', 'b', { type: 'reply', timestamp: '2024-03-01T00:00:01Z' }),
      x('a', 'c', { type: 'reply' }),
    ]);
    const windowed = buildInteractionGraph(data, { since: '2024-02-01', until: '2024-02-29' });
    expect(windowed.getEdgeAttributes(windowed.edge('x:a', 'x:b'))).toMatchObject({
      count: 2,
      firstAt: '2024-02-01T00:00:00.000Z',
      lastAt: '2024-02-29T00:00:00.000Z',
    });
    expect(windowed.hasEdge('x:a', 'x:c')).toBe(false);
    const open = buildInteractionGraph(data, { since: new Date('2024-02-15T00:00:00Z') });
    expect(open.getEdgeAttribute(open.edge('x:a', 'x:b'), 'count')).toBe(2);
    const all = buildInteractionGraph(data);
    expect(all.getEdgeAttribute(all.edge('x:a', 'x:b'), 'count')).toBe(4);
    expect(all.getEdgeAttributes(all.edge('x:a', 'x:c'))).toEqual({
      weight: 2,
      count: 1,
      reply: 1,
    });
  });

  it('filters by the platform of the source account, isolated accounts included', () => {
    const data = dataset(
      [
        x('a', 'b', { type: 'reply' }),
        { platform: 'linkedin', source: 'a', target: 'b', type: 'comment' },
      ],
      (collector) => collector.addAccount({ platform: 'youtube', id: 'silent' }, at),
    );
    const graph = buildInteractionGraph(data, { platforms: ['linkedin'] });
    expect(graph.nodes()).toEqual(['linkedin:a', 'linkedin:b']);
    expect(graph.edges().map((edge) => graph.extremities(edge))).toEqual([
      ['linkedin:a', 'linkedin:b'],
    ]);
  });

  it('drops the edges below minWeight, and their accounts without includeIsolated', () => {
    const data = dataset([x('a', 'b', { type: 'like' }), x('a', 'c', { type: 'repost' })], (c) =>
      c.addAccount({ platform: 'x', id: 'silent' }, at),
    );
    const kept = buildInteractionGraph(data, { minWeight: 1 });
    expect(kept.edges().map((edge) => kept.target(edge))).toEqual(['x:c']);
    expect(kept.order).toBe(4);
    const bare = buildInteractionGraph(data, { minWeight: 1, includeIsolated: false });
    expect(bare.nodes()).toEqual(['x:a', 'x:c']);
    expect(buildInteractionGraph(data).order).toBe(4);
  });

  it('keeps self-loops by default and drops them on demand', () => {
    const data = dataset([x('a', 'a', { type: 'reply' }), x('a', 'b', { type: 'reply' })]);
    expect(buildInteractionGraph(data, { selfLoops: 'drop' }).size).toBe(1);
    const kept = buildInteractionGraph(data);
    expect(kept.size).toBe(2);
    expect(kept.getEdgeAttribute(kept.edge('x:a', 'x:a'), 'count')).toBe(1);
  });

  it('merges a→b and b→a into one edge when undirected, summing weights and counts', () => {
    const records = [
      x('a', 'b', { type: 'reply', timestamp: '2024-01-02' }),
      x('b', 'a', { type: 'repost', timestamp: '2024-01-01' }),
      x('b', 'a', { type: 'reply' }),
    ];
    const graph = buildInteractionGraph(dataset(records), { undirected: true });
    expect(graph.type).toBe('undirected');
    expect(graph.size).toBe(1);
    expect(graph.getEdgeAttributes(graph.edge('x:b', 'x:a'))).toEqual({
      weight: 2 + 3 + 2,
      count: 3,
      reply: 2,
      repost: 1,
      firstAt: '2024-01-01T00:00:00.000Z',
      lastAt: '2024-01-02T00:00:00.000Z',
    });
    const undirectedData = dataset(records, (collector) => {
      collector.directed = false;
    });
    expect(buildInteractionGraph(undirectedData).type).toBe('undirected');
    expect(buildInteractionGraph(undirectedData, { undirected: false }).size).toBe(2);
  });

  it('gives nodes the account fields over their extra attributes, and marks stubs', () => {
    const graph = buildInteractionGraph(
      dataset([x('a', 'ghost', { type: 'mention' })], (collector) => {
        collector.addAccount(
          { platform: 'x', id: 'a', name: 'Dr A', followers: 10, handle: undefined },
          at,
          { name: 'from the file', modularity_class: 3 },
        );
        collector.addAccount({ platform: 'x', id: 'silent' }, at);
      }),
    );
    expect(graph.nodes()).toEqual(['x:a', 'x:silent', 'x:ghost']);
    expect(graph.getNodeAttributes('x:a')).toEqual({
      platform: 'x',
      id: 'a',
      name: 'Dr A',
      followers: 10,
      modularity_class: 3,
    });
    expect(graph.getNodeAttributes('x:ghost')).toEqual({ platform: 'x', id: 'ghost', stub: true });
    expect(graph.edges()).toEqual(['0']);
  });

  it('builds a graph that behaves as any graphology graph (order, copies, new edges)', () => {
    const graph = buildInteractionGraph(
      dataset([x('a', 'c'), x('a', 'b'), x('b', 'a'), x('a', 'd'), x('c', 'a')]),
    );
    expect(graph.outNeighbors('x:a')).toEqual(['x:c', 'x:b', 'x:d']);
    expect(graph.inNeighbors('x:a')).toEqual(['x:c', 'x:b']);
    graph.addEdge('x:d', 'x:a', { weight: 1, count: 1 });
    expect(graph.copy().inNeighbors('x:a')).toEqual(['x:c', 'x:b', 'x:d']);
    graph.dropEdge('x:a', 'x:b');
    expect(graph.outDegree('x:a')).toBe(2);
    // The build switches graphology's neighbour indexes to dictionary mode (see account-graph.ts):
    // this fails if graphology's internals change and the speed-up silently stops applying.
    expect((graph as unknown as { _nodes: unknown })._nodes).toBeInstanceOf(Map);
  });

  it('rejects bad options, naming the option', () => {
    const data = dataset([x('a', 'b')]);
    expect(invalidField(() => buildInteractionGraph(data, { typeWeights: { like: -1 } }))).toBe(
      'typeWeights.like',
    );
    expect(invalidField(() => buildInteractionGraph(data, { untypedWeight: -1 }))).toBe(
      'untypedWeight',
    );
    expect(invalidField(() => buildInteractionGraph(data, { minWeight: -0.5 }))).toBe('minWeight');
    expect(
      invalidField(() => buildInteractionGraph(data, { since: '2024-02-01', until: '2024-01-01' })),
    ).toBe('until');
    expect(invalidField(() => buildInteractionGraph(data, { since: '1st of May' }))).toBe('since');
    const unknownType = { types: ['retweet'] } as never;
    expect(invalidField(() => buildInteractionGraph(data, unknownType))).toBe('types[0]');
    const unknownPlatform = { platforms: ['x', 'myspace'] } as never;
    expect(invalidField(() => buildInteractionGraph(data, unknownPlatform))).toBe('platforms[1]');
    const unknownWeight = { typeWeights: { retweet: 1 } } as never;
    expect(invalidField(() => buildInteractionGraph(data, unknownWeight))).toBe(
      'typeWeights.retweet',
    );
    const typo = { minweight: 1 } as never;
    expect(invalidField(() => buildInteractionGraph(data, typo))).toBe('minweight');
  });
});
