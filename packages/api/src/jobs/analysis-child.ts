// Runs one analysis in a child process of the server, so that an upload too large for the memory a
// job may use kills this process only, never the server. Started by analysisInChildProcess, which
// sends the files, options and context as the first message; sends `progress` messages, then one
// `done` or `failed`, and exits. Exits too when the server goes away (its IPC channel closes).
import type { AnalysisOptions } from '@kolmap/core';
import { type AnalysisContext, analyseDataset } from './analyse-dataset.js';
import { describeAnalysisError } from './analysis-error.js';

interface AnalysisRequest {
  files: string[];
  options: AnalysisOptions;
  context: AnalysisContext | undefined;
}

const send = process.send?.bind(process);
if (!send) throw new Error('analysis-child runs in a child process with an IPC channel');

/** Sends `message`, resolving once it is written to the channel. */
const post = (message: unknown) =>
  new Promise<void>((resolve, reject) =>
    send(message, undefined, undefined, (error) => (error ? reject(error) : resolve())),
  );

process.once('disconnect', () => process.exit(0));
process.once('message', async ({ files, options, context }: AnalysisRequest) => {
  try {
    const result = await analyseDataset(
      files,
      options,
      (progress) => post({ type: 'progress', progress }).catch(() => undefined),
      context,
    );
    await post({ type: 'done', result });
  } catch (error) {
    await post({ type: 'failed', error: describeAnalysisError(error, files) });
  }
  process.disconnect();
});
