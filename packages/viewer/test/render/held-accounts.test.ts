import Graph from 'graphology';
import type { MapGraph } from '../../src/graph/map-graph.js';
import {
  boxContains,
  buildPart,
  createAccountsBySize,
  selectHeldAccounts,
  withMarginAround,
} from '../../src/render/held-accounts.js';

/** Accounts `x:0` … `x:n-1` on a line at x = index, y = 0; `x:i` links to `x:i+1`. */
function line(n: number): MapGraph {
  const graph: MapGraph = new Graph({ type: 'directed' });
  for (let index = 0; index < n; index++) graph.addNode(`x:${index}`, { x: index, y: 0 });
  for (let index = 0; index + 1 < n; index++) graph.addEdge(`x:${index}`, `x:${index + 1}`);
  return graph;
}

/** Sizes growing with the index: `x:n-1` is the largest. */
const growing = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`x:${i}`, i + 1]));

const box = (left: number, right: number) => ({ left, right, bottom: -1, top: 1 });

describe('createAccountsBySize', () => {
  it('orders the accounts largest first with their positions, and reads them again after a layout', () => {
    const graph = line(4);
    const bySize = createAccountsBySize(graph);
    const sizes = growing(4);
    const first = bySize(sizes);
    expect(first.order).toEqual(['x:3', 'x:2', 'x:1', 'x:0']);
    expect([...first.x]).toEqual([3, 2, 1, 0]);
    expect(bySize(sizes)).toBe(first);
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      x: -(attributes.x as number),
    }));
    expect([...bySize(sizes).x]).toEqual([-3, -2, -1, -0]);
  });
});

describe('selectHeldAccounts', () => {
  const graph = line(10);
  const accounts = createAccountsBySize(graph)(growing(10));

  it('holds every account in the margin, the view first, when the budget allows', () => {
    const { nodes, complete } = selectHeldAccounts(accounts, null, box(4, 5), box(2, 7), 10);
    expect(complete).toBe(true);
    expect(nodes).toEqual(['x:5', 'x:4', 'x:7', 'x:6', 'x:3', 'x:2']);
  });

  it('fills the budget with the largest in view before the margin, and says it left some out', () => {
    const { nodes, complete } = selectHeldAccounts(accounts, null, box(4, 5), box(2, 7), 3);
    expect(complete).toBe(false);
    expect(nodes).toEqual(['x:5', 'x:4', 'x:7']);
  });

  it('holds only the accounts the filters show', () => {
    const shown = new Set(['x:2', 'x:4', 'x:9']);
    const { nodes } = selectHeldAccounts(accounts, shown, box(4, 5), box(2, 7), 10);
    expect(nodes).toEqual(['x:4', 'x:2']);
  });
});

describe('buildPart', () => {
  it('holds the accounts and the links between them, up to a number of links', () => {
    const graph = line(6);
    const part = buildPart(graph, ['x:1', 'x:2', 'x:3', 'x:5'], 10);
    expect(part.order).toBe(4);
    expect(part.edges().map((edge) => part.extremities(edge).join('→'))).toEqual([
      'x:1→x:2',
      'x:2→x:3',
    ]);
    expect(part.getNodeAttributes('x:2')).toBe(graph.getNodeAttributes('x:2'));
    expect(buildPart(graph, ['x:1', 'x:2', 'x:3'], 1).size).toBe(1);
  });
});

describe('boxes', () => {
  it('grows a box by a share of its sides and tells whether one holds another', () => {
    const grown = withMarginAround({ left: 0, right: 4, bottom: 0, top: 2 }, 0.25);
    expect(grown).toEqual({ left: -1, right: 5, bottom: -0.5, top: 2.5 });
    expect(boxContains(grown, { left: 0, right: 4, bottom: 0, top: 2 })).toBe(true);
    expect(boxContains(grown, { left: 0, right: 5.5, bottom: 0, top: 2 })).toBe(false);
  });
});
