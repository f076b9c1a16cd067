// Runs one measured step in a fresh Node process, so its time and peak memory are its own; and any
// command as a user runs it, measured from outside (wall time, peak memory, how it ended).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
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

/** GNU time: reports the peak resident memory of the command it runs (from wait4's rusage). */
const GNU_TIME = '/usr/bin/time';

/** How a whole process went, measured from outside. */
export interface ProcessRun {
  /** Wall seconds from start to exit (or death). */
  seconds: number;
  /** Peak resident memory of the process, in MB; null without GNU time at /usr/bin/time. */
  peakMb: number | null;
  /** Exit status (128 + the signal when it was killed, as a shell says). */
  status: number;
  /** Why it failed (the fatal line of its stderr, e.g. "JavaScript heap out of memory"), or null. */
  failure: string | null;
  stdout: string;
}

/**
 * Runs `command` as a user would, in its own process with the environment of this one minus
 * NODE_OPTIONS (Node's default flags), and measures its wall time and peak resident memory.
 * A command that fails or dies is reported, not thrown.
 */
export function runProcess(command: string, args: string[]): ProcessRun {
  const timed = existsSync(GNU_TIME);
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-process-'));
  const timeFile = join(folder, 'time.txt');
  const { NODE_OPTIONS: _, ...env } = process.env;
  try {
    const start = performance.now();
    const run = spawnSync(
      timed ? GNU_TIME : command,
      timed ? ['-q', '-o', timeFile, '-f', '%M', command, ...args] : args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env },
    );
    const seconds = (performance.now() - start) / 1000;
    const status = run.status ?? 128 + (run.signal ? constants.signals[run.signal] : 0);
    const lines = timed && existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim() : '';
    const kilobytes = Number(lines.split('\n').pop());
    if (!timed) process.stderr.write(`bench: no ${GNU_TIME}, peak memory of ${command} unknown\n`);
    return {
      seconds,
      peakMb: lines === '' || !Number.isFinite(kilobytes) ? null : kilobytes / 1024,
      status,
      failure: status === 0 ? null : failureOf(run.stderr ?? '', status),
      stdout: run.stdout ?? '',
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The line of a failed process' stderr that says why: Node's FATAL ERROR, else its last line. */
export function failureOf(stderr: string, status: number): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const line = lines.find((text) => text.includes('FATAL ERROR')) ?? lines[lines.length - 1];
  return `exit ${status}${line ? `: ${line.slice(0, 200)}` : ''}`;
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
