// Why an analysis failed, in a form that crosses the process boundary and becomes an API error.
import { basename } from 'node:path';
import type { InputLimitError, InputProblem } from '@kolmap/core';

export interface AnalysisFailure {
  /**
   * INVALID_INPUT (bad records or options), UNREADABLE_INPUT (format or file), TOO_LARGE (beyond a
   * limit of the load, KOLMAP_MAX_*, or of the analysis' memory, KOLMAP_JOB_MEMORY_MB), INTERNAL.
   */
  code: 'INVALID_INPUT' | 'UNREADABLE_INPUT' | 'TOO_LARGE' | 'INTERNAL';
  message: string;
  /** The problems of an INVALID_INPUT, each naming file, line and field. */
  details: InputProblem[];
}

/** An analysis that failed; `failure` says why. */
export class AnalysisError extends Error {
  readonly failure: AnalysisFailure;
  /** `cause`: what went wrong inside, for the server's log (never sent to clients). */
  constructor(failure: AnalysisFailure, options?: { cause?: unknown }) {
    super(failure.message, options);
    this.name = 'AnalysisError';
    this.failure = failure;
  }
}

/**
 * The failure of `error`: core's input errors keep their message and problems, with every file named
 * by its own name, never by its path on the server (`files`: the analysed files); anything else is
 * an internal error whose message is not shown to clients (it may hold paths or data).
 */
export function describeAnalysisError(
  error: unknown,
  files: readonly string[] = [],
): AnalysisFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const shown = (text: string) =>
    files.reduce((written, file) => written.split(file).join(basename(file)), text);
  const message = shown((error as Error).message ?? '');
  if (code === 'INVALID_INPUT') {
    const problems = (error as { problems?: InputProblem[] }).problems ?? [];
    return {
      code,
      message,
      details: problems.map((problem) =>
        problem.file === undefined ? problem : { ...problem, file: basename(problem.file) },
      ),
    };
  }
  if (code === 'UNREADABLE_INPUT') return { code, message, details: [] };
  if (code === 'TOO_LARGE') {
    const { limit, location } = error as InputLimitError;
    const file = location.file === undefined ? {} : { file: basename(location.file) };
    return { code, message, details: [{ ...location, ...file, field: limit, message }] };
  }
  return { code: 'INTERNAL', message: 'the analysis failed', details: [] };
}
