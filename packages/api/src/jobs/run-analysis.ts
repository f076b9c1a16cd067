// Starts an analysis in a worker thread and follows it. From the build, the worker runs the compiled
// .js; from the TypeScript sources (tests, tsx) it registers tsx first, then imports the .ts (Node 20
// workers do not take `--import` loaders).
import { Worker } from 'node:worker_threads';
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

type WorkerMessage =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'done'; result: AnalysisResult }
  | { type: 'failed'; error: AnalysisFailure };

const fromSources = import.meta.url.endsWith('.ts');
const WORKER: { file: URL } | { code: string } = fromSources
  ? {
      code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
        new URL('./analysis-worker.ts', import.meta.url).href,
      )}); })`,
    }
  : { file: new URL('./analysis-worker.js', import.meta.url) };

/** Rejects with AnalysisError when the analysis fails or the worker dies. */
export const runAnalysisInWorker: RunAnalysis = (files, options, onProgress, context) =>
  new Promise((resolve, reject) => {
    const workerData = { files, options, context };
    const worker =
      'file' in WORKER
        ? new Worker(WORKER.file, { workerData })
        : new Worker(WORKER.code, { workerData, eval: true });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new AnalysisError(message.error)));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(
          new AnalysisError(
            { code: 'INTERNAL', message: 'the analysis failed', details: [] },
            { cause: error },
          ),
        ),
      ),
    );
    worker.on('exit', () =>
      settle(() =>
        reject(
          new AnalysisError({ code: 'INTERNAL', message: 'the analysis stopped', details: [] }),
        ),
      ),
    );
  });
