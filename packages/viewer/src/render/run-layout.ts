// Re-runs the map's layout in a web worker (ForceAtlas2 with the settings graphology infers from
// the graph's size, as the analysis does), writing positions on the graph as they come.
import { inferSettings } from 'graphology-layout-forceatlas2';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import { assignLayoutChanges, graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import type { MapGraph } from '../graph/map-graph.js';
import type { LayoutProgress, LayoutRequest } from './layout-worker.js';

export interface LayoutRun {
  /** Stops the layout where it is; the positions reached so far are kept. */
  stop: () => void;
}

export interface LayoutCallbacks {
  /** Share of the iterations done, 0–1, after each batch of positions is written. */
  onProgress: (share: number) => void;
  /** Once, when the iterations are done or the run is stopped. */
  onEnd: () => void;
}

/** Iterations of a re-run: more for small maps, which converge quickly and cheaply. */
export function layoutIterations(order: number): number {
  if (order < 5_000) return 500;
  if (order < 50_000) return 200;
  return 80;
}

export function runLayout(graph: MapGraph, callbacks: LayoutCallbacks): LayoutRun {
  const iterations = layoutIterations(graph.order);
  const { nodes, edges } = graphToByteArrays(graph, (_edge, attributes) =>
    typeof attributes.weight === 'number' ? attributes.weight : 1,
  );
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  let running = true;
  const end = () => {
    if (!running) return;
    running = false;
    worker.terminate();
    callbacks.onEnd();
  };
  worker.onmessage = ({ data }: MessageEvent<LayoutProgress>) => {
    assignLayoutChanges(graph, data.nodes, null);
    callbacks.onProgress(data.done / iterations);
    if (data.done >= iterations) end();
  };
  worker.onerror = end;
  const settings = { ...DEFAULT_SETTINGS, ...inferSettings(graph) };
  const request: LayoutRequest = { nodes, edges, settings, iterations };
  worker.postMessage(request, [nodes.buffer, edges.buffer]);
  return { stop: end };
}
