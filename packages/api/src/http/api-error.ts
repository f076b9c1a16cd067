// Errors as the API answers them: `{ error: { code, message, details } }` with an HTTP status. A
// client's mistake is a 4xx naming what was wrong; anything else is a 500 without internals. The
// one place where the typed errors of the services, the stores and the jobs become statuses.
import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import { AnalysisError } from '../jobs/analysis-error.js';
import { JobQueueClosedError } from '../jobs/job-queue.js';
import {
  DoNotContactError,
  JobFailedError,
  JobNotFoundError,
  NoPseudonymKeyError,
  NotInWatchListError,
  PseudonymNotFoundError,
  type ServiceInputProblem,
} from '../services/service-errors.js';
import { isStoreError } from '../store/errors.js';
import { pathName } from '../store/map-model.js';

/** One problem of a request: where (`path`, e.g. `query.limit`, `body.options.seed`) and what. */
export interface RequestProblem {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

/** An error the API answers with `status` and `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown[];
  constructor(status: number, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** 400 INVALID_INPUT listing every zod issue with its path inside `part` (query, body…). */
export function invalidRequest(part: string, issues: readonly z.core.$ZodIssue[]): ApiError {
  const details: RequestProblem[] = issues.slice(0, 20).map((issue) => ({
    path: pathName([part, ...issue.path]),
    message: issue.message,
  }));
  const first = details[0];
  return new ApiError(
    400,
    'INVALID_INPUT',
    first ? `${first.path}: ${first.message}` : `invalid ${part}`,
    details,
  );
}

/**
 * 400 INVALID_INPUT for the problems a service found in its input, which came from the request's
 * `part` (body, query…).
 */
function invalidInput(part: string, problems: readonly ServiceInputProblem[]): ApiError {
  const details: RequestProblem[] = problems.map((problem) => ({
    path: pathName([part, ...problem.path]),
    message: problem.message,
  }));
  const first = details[0];
  return new ApiError(
    400,
    'INVALID_INPUT',
    first ? `${first.path}: ${first.message}` : `invalid ${part}`,
    details,
  );
}

/** The API error of a service error, or null for another error. */
function fromServiceError(error: unknown): ApiError | null {
  if (error instanceof DoNotContactError) return invalidInput('body', error.problems);
  if (error instanceof NotInWatchListError) return invalidInput('query', error.problems);
  if (error instanceof JobNotFoundError || error instanceof PseudonymNotFoundError) {
    return new ApiError(404, error.code, error.message);
  }
  if (error instanceof NoPseudonymKeyError) return new ApiError(409, error.code, error.message);
  if (error instanceof JobFailedError) {
    const { code, message, details } = error.failure;
    return new ApiError(failureStatus(code), code, message, details);
  }
  return null;
}

/** The HTTP status of a failed analysis or job, by its failure code. */
function failureStatus(code: string): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'INVALID_MAP':
      return 400;
    case 'TOO_LARGE':
      return 413;
    case 'UNREADABLE_INPUT':
      return 415;
    case 'STORE_UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}

/** The status and body for any error a route throws. */
export function toErrorResponse(thrown: unknown): { status: number; body: ErrorBody } {
  const body = (code: string, message: string, details: unknown[] = []): ErrorBody => ({
    error: { code, message, details },
  });
  const error = fromServiceError(thrown) ?? thrown;
  if (error instanceof ApiError) {
    return { status: error.status, body: body(error.code, error.message, error.details) };
  }
  if (isStoreError(error)) {
    const details = 'problems' in error ? (error.problems as unknown[]) : [];
    const status = {
      NOT_FOUND: 404,
      INVALID_INPUT: 400,
      INVALID_REVIEW_CHANGE: 409,
      STORE_UNAVAILABLE: 503,
    }[error.code];
    const message =
      error.code === 'STORE_UNAVAILABLE'
        ? 'the map store is unavailable; try again later'
        : error.message;
    return { status, body: body(error.code, message, details) };
  }
  if (error instanceof AnalysisError) {
    const { code, message, details } = error.failure;
    return { status: failureStatus(code), body: body(code, message, details) };
  }
  if (error instanceof JobQueueClosedError) {
    return { status: 503, body: body(error.code, error.message) };
  }
  const parserError = error as { type?: unknown; status?: unknown };
  if (parserError.type === 'entity.too.large') {
    return { status: 413, body: body('TOO_LARGE', 'the request body is too large') };
  }
  if (parserError.type === 'entity.parse.failed') {
    return { status: 400, body: body('INVALID_INPUT', 'the body is not valid JSON') };
  }
  if (error instanceof URIError && parserError.status === 400) {
    return {
      status: 400,
      body: body('INVALID_INPUT', 'the URL path is not valid percent-encoding'),
    };
  }
  if (typeof parserError.type === 'string' && typeof parserError.status === 'number') {
    const status = parserError.status >= 400 && parserError.status < 500 ? parserError.status : 400;
    return { status, body: body('INVALID_INPUT', 'the request body cannot be read') };
  }
  return { status: 500, body: body('INTERNAL', 'something went wrong on the server') };
}

/** The last middleware: answers every error as JSON and logs server faults. */
export const errorHandler: ErrorRequestHandler = (error, request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const { status, body } = toErrorResponse(error);
  if (status >= 500 && status !== 503) request.log?.error({ err: error }, 'request failed');
  else if (status === 503) request.log?.warn({ code: body.error.code }, 'store unavailable');
  response.status(status).json(body);
};
