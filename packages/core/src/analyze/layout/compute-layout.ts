// Positions for the viewer: ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a
// continuous graph layout algorithm for handy network visualization", PLoS ONE 9(6): e98679),
// through graphology-layout-forceatlas2, from seeded random positions so a map opens the same way.

import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import { createRng } from '../random.js';

// The package is CommonJS (`module.exports = forceAtlas2`): at run time the default import is the function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface LayoutOptions {
  /** Seed of the starting positions. Default 42. */
  seed: number;
  /**
   * ForceAtlas2 iterations; `'auto'` (default) gives 200 below 1,000 nodes, 100 below 20,000, 30
   * below 100,000 and 10 above (about 1 s an iteration at 100,000 nodes and 1M edges here): large
   * maps get a rough layout the viewer can refine.
   */
  iterations: number | 'auto';
  /**
   * Edge attribute giving attraction weights; null for unweighted. Default `'weight'`. Weights are
   * taken relative to their mean, so the picture does not depend on their unit (counts, shares, or
   * 1e20) and forces stay finite.
   */
  getEdgeWeight: string | null;
}

export const DEFAULT_LAYOUT_OPTIONS: Readonly<LayoutOptions> = Object.freeze({
  seed: 42,
  iterations: 'auto',
  getEdgeWeight: 'weight',
});

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Positions of a layout of the graph (see assignLayout), computed on a copy: the graph is unchanged.
 * Same graph, same options → same positions.
 */
export function computeLayout(
  graph: AbstractGraph,
  options: Partial<LayoutOptions> = {},
): Positions {
  const copy = graph.copy();
  assignLayout(copy, options);
  const positions: Positions = {};
  copy.forEachNode((node, attributes) => {
    positions[node] = { x: attributes.x as number, y: attributes.y as number };
  });
  return positions;
}

/**
 * Lays the graph out in place, writing `x` and `y` on every node: seeded random start on a disc
 * whose area grows with the number of nodes, then ForceAtlas2 with the settings graphology infers
 * from the graph's size (Barnes-Hut above 2,000 nodes). In place because copying a large graph
 * costs more than the layout itself.
 */
export function assignLayout(graph: AbstractGraph, options: Partial<LayoutOptions> = {}): void {
  const { seed, iterations, getEdgeWeight } = resolveLayoutOptions(options);
  const rng = createRng(seed);
  const radius = Math.sqrt(Math.max(1, graph.order)) * 10;
  graph.forEachNode((node) => {
    const angle = rng() * 2 * Math.PI;
    const distance = radius * Math.sqrt(rng());
    graph.mergeNodeAttributes(node, {
      x: distance * Math.cos(angle),
      y: distance * Math.sin(angle),
    });
  });
  if (graph.order === 0) return;
  forceAtlas2.assign(graph, {
    iterations: iterations === 'auto' ? autoIterations(graph.order) : iterations,
    settings: forceAtlas2.inferSettings(graph),
    getEdgeWeight: getEdgeWeight === null ? null : relativeWeight(graph, getEdgeWeight),
  });
}

/**
 * The attraction weight of an edge: its `attribute` (1 when not a positive finite number) divided
 * by the mean of those weights over the graph's edges.
 */
function relativeWeight(
  graph: AbstractGraph,
  attribute: string,
): (edge: string, attributes: Attributes) => number {
  const weightOf = (attributes: Attributes): number => {
    const weight = attributes[attribute];
    return typeof weight === 'number' && weight > 0 && Number.isFinite(weight) ? weight : 1;
  };
  let mean = 0;
  let edges = 0;
  graph.forEachEdge((_edge, attributes) => {
    edges++;
    mean += (weightOf(attributes) - mean) / edges;
  });
  return (_edge, attributes) => weightOf(attributes) / (mean > 0 ? mean : 1);
}

function autoIterations(order: number): number {
  if (order < 1_000) return 200;
  if (order < 20_000) return 100;
  if (order < 100_000) return 30;
  return 10;
}

function resolveLayoutOptions(options: Partial<LayoutOptions>): LayoutOptions {
  const resolved = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const { iterations, seed } = resolved;
  if (iterations !== 'auto' && !(Number.isInteger(iterations) && iterations >= 0)) {
    throw new InvalidInputError({
      field: 'iterations',
      message: `expected 'auto' or a whole number ≥ 0, got ${iterations}`,
    });
  }
  if (!Number.isFinite(seed)) {
    throw new InvalidInputError({ field: 'seed', message: `expected a number, got ${seed}` });
  }
  return resolved;
}
