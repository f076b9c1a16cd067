// The web worker that runs ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014) on a map's
// matrices, off the page's thread, and posts the positions back every ~50 ms with the iterations
// done. The page stops it by terminating it.
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';

export interface LayoutRequest {
  nodes: Float32Array;
  edges: Float32Array;
  /** Every setting (defaults included): an iteration reads them all. */
  settings: Required<ForceAtlas2Settings>;
  iterations: number;
}

export interface LayoutProgress {
  nodes: Float32Array;
  done: number;
}

/** Milliseconds of work between two posts. */
const POST_EVERY_MS = 50;

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutProgress, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { nodes, edges, settings, iterations } }) => {
  let done = 0;
  while (done < iterations) {
    const started = performance.now();
    while (done < iterations && performance.now() - started < POST_EVERY_MS) {
      iterate(settings, nodes, edges);
      done++;
    }
    const copy = nodes.slice();
    scope.postMessage({ nodes: copy, done }, [copy.buffer]);
  }
};
