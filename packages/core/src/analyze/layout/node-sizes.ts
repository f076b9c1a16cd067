// Node sizes for drawing a map (the `size` attribute, which the GEXF export writes as Gephi's viz
// size): logarithmic in attention received, so the many accounts nobody pays attention to stay small.

import type { AbstractGraph } from 'graphology-types';

export interface NodeSizeOptions {
  /** Node attribute measuring attention, default `'pagerank'`; nodes without a number get the smallest size. */
  getNodeValue: string;
  /** Size of the least-attended nodes. Default 2 (the viewer's smallest size). */
  minSize: number;
  /** Size of the most-attended node. Default 16 (the viewer's largest size). */
  maxSize: number;
  /** Ratio of values that spans the whole scale at least, default 100: in a map where every value lies within 100× the smallest, nobody gets the largest size. */
  minRange: number;
}

export const DEFAULT_NODE_SIZE_OPTIONS: Readonly<NodeSizeOptions> = Object.freeze({
  getNodeValue: 'pagerank',
  minSize: 2,
  maxSize: 16,
  minRange: 100,
});

/**
 * Sizes from values: minSize + (maxSize − minSize) · ln(v / vmin) / ln(max(vmax / vmin, minRange)),
 * vmin and vmax the smallest and largest positive finite values. Values that are not positive
 * finite numbers get minSize.
 */
export function computeNodeSizes(
  values: Float64Array,
  options: Partial<Omit<NodeSizeOptions, 'getNodeValue'>> = {},
): Float64Array {
  const { minSize, maxSize, minRange } = { ...DEFAULT_NODE_SIZE_OPTIONS, ...options };
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (const value of values) {
    if (!(value > 0 && Number.isFinite(value))) continue;
    smallest = Math.min(smallest, value);
    largest = Math.max(largest, value);
  }
  const span = Math.log(Math.max(largest / smallest, minRange));
  return values.map((value) =>
    value > 0 && Number.isFinite(value)
      ? minSize + ((maxSize - minSize) * Math.log(value / smallest)) / span
      : minSize,
  );
}

/**
 * Writes `size` on every node from its `getNodeValue` attribute (see computeNodeSizes), unless some
 * node already has a numeric `size` (a map read from a file that carries its own): then nothing
 * changes.
 *
 * Options (defaults in DEFAULT_NODE_SIZE_OPTIONS): `getNodeValue` (`'pagerank'`), `minSize` (2),
 * `maxSize` (16), `minRange` (100).
 */
export function assignNodeSizes(
  graph: AbstractGraph,
  options: Partial<NodeSizeOptions> = {},
): void {
  const { getNodeValue, ...scale } = { ...DEFAULT_NODE_SIZE_OPTIONS, ...options };
  const keys = graph.nodes();
  if (keys.some((key) => typeof graph.getNodeAttribute(key, 'size') === 'number')) return;
  const values = Float64Array.from(keys, (key) => {
    const value = graph.getNodeAttribute(key, getNodeValue);
    return typeof value === 'number' ? value : Number.NaN;
  });
  const sizes = computeNodeSizes(values, scale);
  keys.forEach((key, i) => {
    graph.setNodeAttribute(key, 'size', sizes[i] as number);
  });
}
