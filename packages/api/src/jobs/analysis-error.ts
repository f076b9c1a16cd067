// Why an analysis failed, in a form that crosses the worker boundary and becomes an API error.
import type { InputProblem } from '@kolmap/core';

export interface AnalysisFailure {
  /** INVALID_INPUT (bad records or options), UNREADABLE_INPUT (format or file), INTERNAL. */
  code: 'INVALID_INPUT' | 'UNREADABLE_INPUT' | 'INTERNAL';
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
 * The failure of `error`: core's input errors keep their message and problems; anything else is an
 * internal error whose message is not shown to clients (it may hold paths or data).
 */
export function describeAnalysisError(error: unknown): AnalysisFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'INVALID_INPUT') {
    const problems = (error as { problems?: InputProblem[] }).problems ?? [];
    return { code, message: (error as Error).message, details: problems };
  }
  if (code === 'UNREADABLE_INPUT') {
    return { code, message: (error as Error).message, details: [] };
  }
  return { code: 'INTERNAL', message: 'the analysis failed', details: [] };
}
