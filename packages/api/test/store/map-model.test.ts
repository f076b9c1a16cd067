// prepareMap: the map a store writes points at the caller's attribute objects (a large map is held
// once), without null values, and bad values are named by path in the order of the map.
import type { SerializedGraph } from 'graphology-types';
import { prepareMap } from '../../src/index.js';

function graph(): SerializedGraph {
  return {
    attributes: { params: { seed: 1 } },
    options: { type: 'directed', multi: false, allowSelfLoops: true },
    nodes: [
      { key: 'x:1', attributes: { name: 'One', kolScore: 80 } },
      { key: 'x:2', attributes: { name: 'Two', community: null } },
    ],
    edges: [{ source: 'x:1', target: 'x:2', attributes: { weight: 2, mention: 2 } }],
  };
}

describe('prepareMap', () => {
  it('keeps the given attribute objects, copying only those with null values (dropped)', () => {
    const input = { name: 'map', graph: graph() };
    const prepared = prepareMap(input);
    expect(prepared.accounts[0]?.attributes).toBe(input.graph.nodes[0]?.attributes);
    expect(prepared.interactions[0]?.attributes).toBe(input.graph.edges[0]?.attributes);
    expect(prepared.accounts[1]?.attributes).toEqual({ name: 'Two' });
    expect(input.graph.nodes[1]?.attributes).toEqual({ name: 'Two', community: null });
    expect(prepared.counts).toEqual({ accounts: 2, interactions: 1, communities: 0 });
    expect(prepared.params).toEqual({ seed: 1 });
  });

  it('names every bad value by its path, the name and graph first, then nodes, then edges', () => {
    const bad = graph();
    (bad.nodes[1] as { attributes: Record<string, unknown> }).attributes.kolScore = 250;
    (bad.edges[0] as { attributes: Record<string, unknown> }).attributes.weight = -1;
    (bad.options as { type: string }).type = 'mixed';
    expect(() => prepareMap({ name: '', graph: bad })).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ path: 'name' }),
          expect.objectContaining({ path: 'graph.options.type' }),
          expect.objectContaining({ path: 'graph.nodes[1].attributes.kolScore' }),
          expect.objectContaining({ path: 'graph.edges[0].attributes.weight' }),
        ],
      }),
    );
  });
});
