// Types of the CommonJS modules of graphology-layout-forceatlas2 that its own web worker uses (the
// package types only its entry points): the default settings, the flat matrices and one iteration.

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph, Attributes } from 'graphology-types';

  /** Nodes (10 floats each: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed) and edges (3 each). */
  export function graphToByteArrays(
    graph: AbstractGraph,
    getEdgeWeight: (edge: string, attributes: Attributes) => number,
  ): { nodes: Float32Array; edges: Float32Array };

  /** Writes the matrix' positions on the graph's nodes, in graph order. */
  export function assignLayoutChanges(
    graph: AbstractGraph,
    nodes: Float32Array,
    outputReducer: null,
  ): void;
}

declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  /** One ForceAtlas2 iteration, moving the nodes of the matrix in place. */
  export default function iterate(
    settings: ForceAtlas2Settings,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  /** Every setting; an iteration needs them all. */
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
