// Typed errors of @kolmap/core. Callers branch on `code`, never on the wording of `message`.
import type { InputLimits } from './load/input-limits.js';

/** Where a bad value was found: file, 1-based line (or record number) and field path. */
export interface InputLocation {
  file?: string;
  line?: number;
  field?: string;
}

export interface InputProblem extends InputLocation {
  message: string;
}

/** Formats a location as `file:line: field` (the parts that are known). */
export function formatLocation(location: InputLocation): string {
  const place = [location.file, location.line].filter((part) => part !== undefined).join(':');
  return [place, location.field].filter((part) => part !== undefined && part !== '').join(': ');
}

export function formatProblem(problem: InputProblem): string {
  const where = formatLocation(problem);
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** Bad input data or options. Carries every problem found (one at least), each with its location. */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly problems: InputProblem[];

  constructor(problems: InputProblem[] | InputProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    const first = list[0] ? formatProblem(list[0]) : 'invalid input';
    super(list.length > 1 ? `${first} (and ${list.length - 1} more problems)` : first);
    this.name = 'InvalidInputError';
    this.problems = list;
  }
}

/** A file or folder that cannot be read, or whose format cannot be told. */
export class UnreadableInputError extends Error {
  readonly code = 'UNREADABLE_INPUT';
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'UnreadableInputError';
    this.file = file;
  }
}

/**
 * Input beyond a configured limit: more bytes (after decompression) in one file, a longer line, or
 * more records than allowed. Nothing is kept of the load. `limit` names the limit and `max` its value,
 * so a caller can say which setting to raise.
 */
export class InputLimitError extends Error {
  readonly code = 'TOO_LARGE';
  readonly limit: keyof InputLimits;
  readonly max: number;
  readonly location: InputLocation;

  constructor(limit: keyof InputLimits, max: number, location: InputLocation, what: string) {
    const where = formatLocation(location);
    super(`${where ? `${where}: ` : ''}${what} (limit ${limit} = ${max})`);
    this.name = 'InputLimitError';
    this.limit = limit;
    this.max = max;
    this.location = location;
  }
}

/** An analysis stopped by its caller's AbortSignal, between two stages. */
export class AnalysisAbortedError extends Error {
  readonly code = 'ABORTED';

  constructor(options?: { cause?: unknown }) {
    super('the analysis was aborted', options);
    this.name = 'AbortError';
  }
}
