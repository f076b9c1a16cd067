// Which accounts sigma holds while a large map is drawn account by account: those the filters show
// in view and in a margin around it, the largest first up to a budget, with the links between them.
// Sigma processes every account and link it holds whenever the graph it holds changes, so holding a
// few thousand keeps each change (zooming in, a filter, the camera settling elsewhere) within a frame.
import type { MapGraph } from '../graph/map-graph.js';

/** Accounts sigma holds at most: about what it processes, with their links, within 100 ms. */
export const HELD_ACCOUNTS = 3_000;
/** Links sigma holds at most. */
export const HELD_LINKS = 8_000;
/** Share of the view's width and height added on each side, so that a short pan finds accounts. */
export const HELD_MARGIN = 0.25;
/** Zoom in by more than this factor on a window that had to leave accounts out, and it is built again. */
export const HELD_ZOOM_FACTOR = 1.5;

/** A rectangle of the map, in graph coordinates. */
export interface GraphBox {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** The accounts, largest first, with their positions (same order). */
export interface AccountsBySize {
  sizes: ReadonlyMap<string, number>;
  order: string[];
  x: Float64Array;
  y: Float64Array;
}

/**
 * The accounts of `graph` by the sizes an appearance gives, largest first, with their positions;
 * sorted again when the sizes change, or when the positions change (a layout writes them).
 */
export function createAccountsBySize(
  graph: MapGraph,
): (sizes: ReadonlyMap<string, number>) => AccountsBySize {
  let cached: AccountsBySize | null = null;
  const forget = () => {
    cached = null;
  };
  graph.on('eachNodeAttributesUpdated', forget);
  graph.on('nodeAdded', forget);
  return (sizes) => {
    if (cached?.sizes === sizes) return cached;
    const order = graph.nodes().sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
    const x = new Float64Array(order.length);
    const y = new Float64Array(order.length);
    order.forEach((node, index) => {
      const attributes = graph.getNodeAttributes(node);
      x[index] = attributes.x as number;
      y[index] = attributes.y as number;
    });
    cached = { sizes, order, x, y };
    return cached;
  };
}

/** `box` grown by `share` of its width and height on each side. */
export function withMarginAround(box: GraphBox, share: number): GraphBox {
  const dx = (box.right - box.left) * share;
  const dy = (box.top - box.bottom) * share;
  return { left: box.left - dx, right: box.right + dx, bottom: box.bottom - dy, top: box.top + dy };
}

/** Whether `inner` lies inside `outer`. */
export function boxContains(outer: GraphBox, inner: GraphBox): boolean {
  return (
    inner.left >= outer.left &&
    inner.right <= outer.right &&
    inner.bottom >= outer.bottom &&
    inner.top <= outer.top
  );
}

/**
 * The accounts to hold for a camera showing `view`: those `shown` (every account when null) in
 * `view`, largest first, then those in `margin` around it, until `budget`; `complete` says none
 * was left out for the budget.
 */
export function selectHeldAccounts(
  accounts: AccountsBySize,
  shown: ReadonlySet<string> | null,
  view: GraphBox,
  margin: GraphBox,
  budget: number,
): { nodes: string[]; complete: boolean } {
  const { order, x, y } = accounts;
  const nodes: string[] = [];
  const inBox = (box: GraphBox, index: number) => {
    const [nx, ny] = [x[index] as number, y[index] as number];
    return nx >= box.left && nx <= box.right && ny >= box.bottom && ny <= box.top;
  };
  const outside: number[] = [];
  for (let index = 0; index < order.length; index++) {
    if (!inBox(margin, index)) continue;
    const node = order[index] as string;
    if (shown !== null && !shown.has(node)) continue;
    if (!inBox(view, index)) {
      outside.push(index);
      continue;
    }
    if (nodes.length === budget) return { nodes, complete: false };
    nodes.push(node);
  }
  for (const index of outside) {
    if (nodes.length === budget) return { nodes, complete: false };
    nodes.push(order[index] as string);
  }
  return { nodes, complete: true };
}

/**
 * The part of `graph` made of `nodes` and the links between them, at most `maxLinks` (those of the
 * first accounts first).
 */
export function buildPart(graph: MapGraph, nodes: Iterable<string>, maxLinks: number): MapGraph {
  const part = graph.nullCopy();
  for (const node of nodes) {
    if (graph.hasNode(node)) part.addNode(node, graph.getNodeAttributes(node));
  }
  let links = 0;
  part.forEachNode((node) => {
    if (links >= maxLinks) return;
    graph.forEachOutboundEdge(node, (edge, attributes, source, target, _s, _t, undirected) => {
      if (links >= maxLinks || source !== node || !part.hasNode(target) || part.hasEdge(edge)) {
        return;
      }
      if (undirected) part.addUndirectedEdgeWithKey(edge, source, target, attributes);
      else part.addDirectedEdgeWithKey(edge, source, target, attributes);
      links++;
    });
  });
  return part;
}
