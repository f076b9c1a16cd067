// Pivot batches of sampled betweenness, computed in this thread or spread over worker threads; each
// batch is summed on its own and added in batch order, so the sums do not depend on the thread count.
import { Worker } from 'node:worker_threads';
import type { InfluenceNetwork } from './influence-network.js';
import { ShortestPaths } from './shortest-paths.js';

/** Pivot sources per batch: the unit of work given to a thread and of the sums' order. */
export const PIVOT_BATCH = 16;
/** How long to wait for the workers to start before computing in this thread instead. */
const START_TIMEOUT_MS = 60_000;

/** Sums of the dependencies on the pivots, and of their squares, batch b covering pivots b·PIVOT_BATCH…. */
export interface PivotSums {
  sums: Float64Array;
  squares: Float64Array;
}

/** Adds pivot batches to running sums. */
export interface PivotBatches {
  /** Threads computing the batches: the workers, or 1 (this thread). */
  threads: number;
  /** Computes batches `from` ≤ b < `to` and adds each to `into`, in batch order. */
  run(from: number, to: number, into: PivotSums): void;
  /** Stops the workers, if any. */
  close(): void;
}

/** Control words shared with the workers. */
const GENERATION = 0;
const CHUNK_START = 1;
const CHUNK_END = 2;
const DONE = 3;
const READY = 4;
const FAILED = 5;
/** Batches each worker computes per round (its slots; each holds a batch's sums, then its squares). */
const SLOTS = 2;

const fromSources = import.meta.url.endsWith('.ts');
const WORKER: { file: URL } | { code: string } = fromSources
  ? {
      code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
        new URL('./betweenness-worker.ts', import.meta.url).href,
      )}); })`,
    }
  : { file: new URL('./betweenness-worker.js', import.meta.url) };

/** What a betweenness worker receives (all arrays on shared memory). */
export interface BetweennessWorkerData {
  index: number;
  threads: number;
  weighted: boolean;
  pivots: Int32Array;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  control: Int32Array;
  slots: Float64Array;
}

/**
 * Pivot batches over `threads` threads (1: this thread). Workers share the network's arrays, copied
 * once to shared memory; when they cannot start (no worker support, tsx missing when running from
 * the TypeScript sources) the batches run in this thread, with the same sums.
 */
export function createPivotBatches(
  network: InfluenceNetwork,
  pivots: Int32Array,
  weighted: boolean,
  threads: number,
): PivotBatches {
  if (threads > 1) {
    const pool = startWorkers(network, pivots, weighted, threads);
    if (pool !== null) return pool;
  }
  return inThread(network, pivots, weighted);
}

function inThread(network: InfluenceNetwork, pivots: Int32Array, weighted: boolean): PivotBatches {
  const searcher = new ShortestPaths(network, weighted);
  const n = network.keys.length;
  const batch = new Float64Array(n);
  const squares = new Float64Array(n);
  return {
    threads: 1,
    run(from, to, into) {
      for (let b = from; b < to; b++) {
        batch.fill(0);
        squares.fill(0);
        const end = Math.min((b + 1) * PIVOT_BATCH, pivots.length);
        for (let p = b * PIVOT_BATCH; p < end; p++) {
          searcher.accumulate(pivots[p] as number, batch, squares);
        }
        addInto(into.sums, batch);
        addInto(into.squares, squares);
      }
    },
    close() {},
  };
}

function addInto(target: Float64Array, values: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i]! += values[i] as number;
}

function shared<T extends Int32Array | Float64Array>(values: T): T {
  const copy = new (values.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(values.byteLength),
  );
  copy.set(values);
  return copy;
}

/** Main thread side: post a chunk of batches, block until every worker is done, merge in order. */
function startWorkers(
  network: InfluenceNetwork,
  pivots: Int32Array,
  weighted: boolean,
  threads: number,
): PivotBatches | null {
  const n = network.keys.length;
  const control = new Int32Array(new SharedArrayBuffer(6 * 4));
  const slots = new Float64Array(new SharedArrayBuffer(threads * SLOTS * 2 * n * 8));
  const common = {
    threads,
    weighted,
    pivots: shared(pivots),
    outOffsets: shared(network.outOffsets),
    outTargets: shared(network.outTargets),
    outWeights: shared(network.outWeights),
    control,
    slots,
  };
  const workers: Worker[] = [];
  const close = () => {
    Atomics.store(control, GENERATION, -1);
    Atomics.notify(control, GENERATION);
    for (const worker of workers) void worker.terminate();
  };
  try {
    for (let index = 0; index < threads; index++) {
      const workerData: BetweennessWorkerData = { ...common, index };
      const worker =
        'file' in WORKER
          ? new Worker(WORKER.file, { workerData })
          : new Worker(WORKER.code, { workerData, eval: true });
      worker.unref();
      workers.push(worker);
    }
  } catch {
    close();
    return null;
  }
  if (!waitFor(control, READY, threads, START_TIMEOUT_MS)) {
    close();
    return null;
  }
  const chunk = threads * SLOTS;
  return {
    threads,
    run(from, to, into) {
      for (let start = from; start < to; start += chunk) {
        const end = Math.min(to, start + chunk);
        Atomics.store(control, CHUNK_START, start);
        Atomics.store(control, CHUNK_END, end);
        Atomics.store(control, DONE, 0);
        Atomics.add(control, GENERATION, 1);
        Atomics.notify(control, GENERATION);
        if (!waitFor(control, DONE, threads, Number.POSITIVE_INFINITY)) {
          close();
          throw new Error('a betweenness worker failed');
        }
        for (let b = start; b < end; b++) {
          const offset = b - start;
          const slot = ((offset % threads) * SLOTS + Math.floor(offset / threads)) * 2 * n;
          addInto(into.sums, slots.subarray(slot, slot + n));
          addInto(into.squares, slots.subarray(slot + n, slot + 2 * n));
        }
      }
    },
    close,
  };
}

/** Blocks until `control[at]` reaches `count`; false on a worker failure or after `timeoutMs`. */
function waitFor(control: Int32Array, at: number, count: number, timeoutMs: number): boolean {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (Atomics.load(control, FAILED) !== 0) return false;
    const value = Atomics.load(control, at);
    if (value >= count) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(control, at, value, Math.min(left, 1000));
  }
}

/** Worker side: wait for each new chunk, compute this worker's batches into its slots, report. */
export function serveBatches(data: BetweennessWorkerData): void {
  const { index, threads, pivots, control, slots } = data;
  const n = data.outOffsets.length - 1;
  try {
    const searcher = new ShortestPaths(data, data.weighted);
    Atomics.add(control, READY, 1);
    Atomics.notify(control, READY);
    let generation = 0;
    for (;;) {
      Atomics.wait(control, GENERATION, generation);
      generation = Atomics.load(control, GENERATION);
      if (generation < 0) return;
      const start = Atomics.load(control, CHUNK_START);
      const end = Atomics.load(control, CHUNK_END);
      for (let s = 0; s < SLOTS; s++) {
        const b = start + index + s * threads;
        if (b >= end) break;
        const at = (index * SLOTS + s) * 2 * n;
        const sums = slots.subarray(at, at + n);
        const squares = slots.subarray(at + n, at + 2 * n);
        sums.fill(0);
        squares.fill(0);
        const last = Math.min((b + 1) * PIVOT_BATCH, pivots.length);
        for (let p = b * PIVOT_BATCH; p < last; p++) {
          searcher.accumulate(pivots[p] as number, sums, squares);
        }
      }
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
    }
  } catch (error) {
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, DONE);
    Atomics.notify(control, READY);
    throw error;
  }
}
