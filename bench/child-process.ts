// Runs one measured step in a fresh Node process, so its time and peak memory are its own.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Runs `bench/steps/<step>.ts` with tsx and returns the JSON it prints on its last stdout line. */
export function runStep(step: string, args: string[]): Record<string, number> {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(HERE, 'steps', `${step}.ts`), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`bench step ${step} failed:\n${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, number>;
}

/** Peak resident memory of this process so far, in MB. */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Peak resident memory over a span of a step, sampled from a worker thread every 10 ms. */
export interface RssSampler {
  /** Starts a new span: its peak so far is the memory now. */
  reset(): void;
  /** The peak of the span so far, in MB. */
  peakMb(): number;
  stop(): Promise<number>;
}

/**
 * Samples the resident memory of this process from a worker thread, so that a span of synchronous
 * work on the main thread (a whole output built in one go) is sampled as well as a streamed one.
 */
export function rssSampler(): RssSampler {
  const peak = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { peak[0] = Math.max(peak[0], process.memoryUsage.rss()); }, 10);`,
    { eval: true, workerData: peak.buffer },
  );
  return {
    reset: () => {
      peak[0] = process.memoryUsage.rss();
    },
    peakMb: () => Math.max(peak[0] ?? 0, process.memoryUsage.rss()) / 2 ** 20,
    stop: () => worker.terminate(),
  };
}
