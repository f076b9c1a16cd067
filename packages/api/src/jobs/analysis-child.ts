// Runs one analysis off the main thread, so the API keeps answering while a large upload is
// analysed. Started by runAnalysisInWorker with the files and options as workerData; posts
// `progress` messages, then one `done` or `failed`.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisOptions } from '@kolmap/core';
import { type AnalysisContext, analyseDataset } from './analyse-dataset.js';
import { describeAnalysisError } from './analysis-error.js';

const { files, options, context } = workerData as {
  files: string[];
  options: AnalysisOptions;
  context: AnalysisContext | undefined;
};
const port = parentPort;
if (!port) throw new Error('analysis-worker runs in a worker thread');

try {
  const result = await analyseDataset(
    files,
    options,
    (progress) => port.postMessage({ type: 'progress', progress }),
    context,
  );
  port.postMessage({ type: 'done', result });
} catch (error) {
  port.postMessage({ type: 'failed', error: describeAnalysisError(error, files) });
}
