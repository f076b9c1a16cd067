import { buildCombinedGraph } from '../../src/build/combined-graph.js';
import { InvalidInputError } from '../../src/errors.js';
import { type Dataset, DatasetCollector } from '../../src/load/dataset.js';

const at = {};

function dataset(): Dataset {
  const collector = new DatasetCollector();
  collector.addFollow({ platform: 'x', source: 'a', target: 'b', since: '2020-01-01' }, at);
  collector.addFollow({ platform: 'x', source: 'b', target: 'a' }, at);
  collector.addFollow({ platform: 'x', source: 'c', target: 'a' }, at);
  const reply = { platform: 'x', type: 'reply', timestamp: '2024-02-01' } as const;
  collector.addInteraction({ ...reply, source: 'a', target: 'b' }, at);
  collector.addInteraction({ ...reply, source: 'a', target: 'b', type: 'like' }, at);
  collector.addInteraction({ ...reply, source: 'd', target: 'a', timestamp: '2024-06-01' }, at);
  return collector.finish();
}

describe('buildCombinedGraph', () => {
  it('adds the follow and interaction layers of each pair, keeping both parts', () => {
    const graph = buildCombinedGraph(dataset());
    expect(graph.getEdgeAttributes(graph.edge('x:a', 'x:b'))).toEqual({
      weight: 1 + 2.5,
      followWeight: 1,
      interactionWeight: 2.5,
      count: 2,
      reply: 1,
      like: 1,
      firstAt: '2020-01-01T00:00:00.000Z',
      lastAt: '2024-02-01T00:00:00.000Z',
    });
    expect(graph.getEdgeAttributes(graph.edge('x:c', 'x:a'))).toEqual({
      weight: 1,
      followWeight: 1,
      interactionWeight: 0,
      count: 0,
    });
    expect(graph.getEdgeAttribute(graph.edge('x:d', 'x:a'), 'followWeight')).toBe(0);
    expect(graph.size).toBe(4);
  });

  it('weighs the layers by layerWeights and filters on the combined weight', () => {
    const graph = buildCombinedGraph(dataset(), {
      layerWeights: { follow: 4 },
      minWeight: 3,
    });
    expect(graph.getEdgeAttribute(graph.edge('x:a', 'x:b'), 'weight')).toBe(4 + 2.5);
    expect(graph.getEdgeAttribute(graph.edge('x:b', 'x:a'), 'weight')).toBe(4);
    expect(graph.hasEdge('x:d', 'x:a')).toBe(false);
    const interactionsOnly = buildCombinedGraph(dataset(), { layerWeights: { follow: 0 } });
    expect(interactionsOnly.getEdgeAttribute(interactionsOnly.edge('x:c', 'x:a'), 'weight')).toBe(
      0,
    );
  });

  it('applies the time window to interactions only, and merges directions when undirected', () => {
    const graph = buildCombinedGraph(dataset(), { until: '2024-03-01', undirected: true });
    expect(graph.hasEdge('x:d', 'x:a')).toBe(false);
    expect(graph.getEdgeAttributes(graph.edge('x:b', 'x:a'))).toMatchObject({
      weight: 2 + 2.5,
      followWeight: 2,
      interactionWeight: 2.5,
    });
    expect(graph.hasEdge('x:c', 'x:a')).toBe(true);
  });

  it('rejects follow as an interaction type and negative layer weights', () => {
    const fieldOf = (options: unknown) => {
      try {
        buildCombinedGraph(dataset(), options as never);
      } catch (error) {
        expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
        return (error as InvalidInputError).problems[0]?.field;
      }
    };
    expect(fieldOf({ types: ['reply', 'follow'] })).toBe('types[1]');
    expect(fieldOf({ layerWeights: { interaction: -1 } })).toBe('layerWeights.interaction');
    expect(fieldOf({ layerWeights: { mention: 1 } })).toBe('layerWeights.mention');
    expect(() => buildCombinedGraph(dataset(), { since: 'soon' })).toThrow(InvalidInputError);
  });
});
