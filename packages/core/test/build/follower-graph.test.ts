import { buildFollowerGraph } from '../../src/build/follower-graph.js';
import { InvalidInputError } from '../../src/errors.js';
import { DatasetCollector } from '../../src/load/dataset.js';
import type { Follow } from '../../src/schema/records.js';

const at = {};

function dataset(follows: Follow[], configure?: (collector: DatasetCollector) => void) {
  const collector = new DatasetCollector();
  configure?.(collector);
  for (const follow of follows) collector.addFollow(follow, at);
  return collector.finish();
}

const follow = (source: string, target: string, since?: string): Follow =>
  since === undefined
    ? { platform: 'x', source, target }
    : { platform: 'x', source, target, since };

describe('buildFollowerGraph', () => {
  it('has one edge of weight 1 per follower → followed pair, dated by the earliest since', () => {
    const graph = buildFollowerGraph(
      dataset(
        [
          follow('a', 'b', '2023-05-01'),
          follow('a', 'b', '2022-01-01'),
          follow('b', 'a'),
          follow('c', 'a'),
        ],
        (collector) => collector.addInteraction({ source: 'a', target: 'c', type: 'reply' }, at),
      ),
    );
    expect(graph.type).toBe('directed');
    expect(graph.getEdgeAttributes(graph.edge('x:a', 'x:b'))).toEqual({
      weight: 1,
      firstAt: '2022-01-01T00:00:00.000Z',
    });
    expect(graph.getEdgeAttributes(graph.edge('x:b', 'x:a'))).toEqual({ weight: 1 });
    expect(graph.size).toBe(3);
    expect(graph.hasNode('other:a')).toBe(true);
  });

  it('weighs a mutual follow 2 when undirected', () => {
    const graph = buildFollowerGraph(
      dataset([follow('a', 'b'), follow('b', 'a'), follow('b', 'a'), follow('c', 'a')]),
      { undirected: true },
    );
    expect(graph.type).toBe('undirected');
    expect(graph.getEdgeAttribute(graph.edge('x:a', 'x:b'), 'weight')).toBe(2);
    expect(graph.getEdgeAttribute(graph.edge('x:a', 'x:c'), 'weight')).toBe(1);
  });

  it('applies the platform, self-loop and isolated-account options', () => {
    const data = dataset(
      [follow('a', 'a'), follow('a', 'b'), { platform: 'instagram', source: 'a', target: 'b' }],
      (collector) => collector.addAccount({ platform: 'x', id: 'silent' }, at),
    );
    expect(buildFollowerGraph(data).hasEdge('x:a', 'x:a')).toBe(true);
    expect(buildFollowerGraph(data, { selfLoops: 'drop' }).size).toBe(2);
    const x = buildFollowerGraph(data, { platforms: ['x'], selfLoops: 'drop' });
    expect(x.nodes()).toEqual(['x:silent', 'x:a', 'x:b']);
    expect(x.size).toBe(1);
    expect(buildFollowerGraph(data, { includeIsolated: false }).nodes()).toEqual([
      'x:a',
      'x:b',
      'instagram:a',
      'instagram:b',
    ]);
  });

  it('rejects options that do not apply to follows', () => {
    const options = { minWeight: 1 } as never;
    expect(() => buildFollowerGraph(dataset([]), options)).toThrow(InvalidInputError);
    try {
      buildFollowerGraph(dataset([]), { selfLoops: 'sometimes' } as never);
    } catch (error) {
      expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
      expect((error as InvalidInputError).problems[0]?.field).toBe('selfLoops');
    }
    expect.assertions(3);
  });
});
