// Starts an analysis in a child process whose heap is bounded (`--max-old-space-size`) and follows
// it. A child process rather than a worker thread: a worker that reaches its `resourceLimits` in one
// large allocation (an array or a Map growing) aborts the whole server on Node 20
// (nodejs/node#47224), a child process dies alone. From the build the child runs the compiled .js;
// from the TypeScript sources (tests, tsx) it runs the .ts with tsx's loader.
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysisOptions, AnalysisProgress } from '@kolmap/core';
import type { AnalysisContext, AnalysisResult } from './analyse-dataset.js';
import { AnalysisError, type AnalysisFailure } from './analysis-error.js';

/** Runs an analysis; what `JobQueue` calls (tests may give it another). */
export type RunAnalysis = (
  files: string[],
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void,
  context?: AnalysisContext,
) => Promise<AnalysisResult>;

export interface AnalysisProcessOptions {
  /**
   * Heap of the analysis in MB (`--max-old-space-size` of its process): the API's
   * KOLMAP_JOB_MEMORY_MB. Beyond it the analysis fails with TOO_LARGE.
   */
  memoryMb: number;
}

type ChildMessage =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'done'; result: AnalysisResult }
  | { type: 'failed'; error: AnalysisFailure };

const fromSources = import.meta.url.endsWith('.ts');
const CHILD = fileURLToPath(
  new URL(fromSources ? './analysis-child.ts' : './analysis-child.js', import.meta.url),
);
const LOADER: string[] = fromSources
  ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
  : [];
/** What V8 writes on stderr when a heap reaches its limit. */
const HEAP_OUT_OF_MEMORY = 'JavaScript heap out of memory';
/** The end of the child's stderr kept to tell why it died (and to log). */
const STDERR_KEPT = 4096;

/**
 * The RunAnalysis of the server: each analysis in a child process of its own, with a heap of
 * `memoryMb`. Rejects with AnalysisError: the analysis' own failure; TOO_LARGE (field `jobMemoryMb`)
 * when the heap reached its limit, naming the limit and KOLMAP_JOB_MEMORY_MB; INTERNAL when the
 * process died otherwise (its stderr goes to the error's cause, for the server's log).
 */
export function analysisInChildProcess({ memoryMb }: AnalysisProcessOptions): RunAnalysis {
  return (files, options, onProgress, context) =>
    new Promise((resolve, reject) => {
      const child = fork(CHILD, [], {
        execArgv: [...LOADER, `--max-old-space-size=${memoryMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (text: string) => {
        stderr = (stderr + text).slice(-STDERR_KEPT);
      });
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        action();
        stop(child);
      };
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'done') settle(() => resolve(message.result));
        else settle(() => reject(new AnalysisError(message.error)));
      });
      child.on('error', (error) =>
        settle(() =>
          reject(
            new AnalysisError(
              { code: 'INTERNAL', message: 'the analysis failed', details: [] },
              { cause: error },
            ),
          ),
        ),
      );
      child.on('close', (code, signal) =>
        settle(() => {
          const cause = new Error(`analysis process exited (${signal ?? code}): ${stderr}`);
          reject(
            stderr.includes(HEAP_OUT_OF_MEMORY)
              ? new AnalysisError(outOfMemory(memoryMb), { cause })
              : new AnalysisError(
                  { code: 'INTERNAL', message: 'the analysis stopped', details: [] },
                  { cause },
                ),
          );
        }),
      );
      child.send({ files, options, context });
    });
}

/** The failure of an analysis whose heap reached `memoryMb`. */
function outOfMemory(memoryMb: number): AnalysisFailure {
  const message = `the analysis needed more than the ${memoryMb} MB of memory a job may use (KOLMAP_JOB_MEMORY_MB): upload less data, or raise KOLMAP_JOB_MEMORY_MB`;
  return { code: 'TOO_LARGE', message, details: [{ field: 'jobMemoryMb', message }] };
}

/** Ends the child once its answer is in (it exits by itself; this covers a child that hangs). */
function stop(child: ChildProcess): void {
  if (child.connected) child.disconnect();
  if (child.exitCode === null && child.signalCode === null) child.kill();
}
