// Options, one way everywhere: a zod schema checks what a caller gives (`parseOptions`, problems
// naming each option), the defaults fill in the rest (`mergeOptions`); `check` and its kin are the
// hand-written checks of the influence metrics, which throw the same InvalidInputError.
import type { z } from 'zod';
import type { EdgeWeightGetter } from './analyze/communities/weighted-network.js';
import { InvalidInputError } from './errors.js';
import { issueProblems } from './load/issue-problems.js';

/** Parses options with their schema; problems become an InvalidInputError naming each option. */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const given = options ?? {};
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  throw new InvalidInputError(issueProblems(result.error.issues, given, {}));
}

/** `defaults` overridden by every option of `given` that is not `undefined`; unknown keys are ignored. */
export function mergeOptions<T extends object>(defaults: Readonly<T>, given: Partial<T> = {}): T {
  const merged = { ...defaults } as T;
  for (const key of Object.keys(defaults) as Array<keyof T>) {
    if (given[key] !== undefined) merged[key] = given[key] as T[keyof T];
  }
  return merged;
}

/** Throws `InvalidInputError` on `field` with `message` unless `ok`. */
export function check(ok: boolean, field: string, message: string): void {
  if (!ok) throw new InvalidInputError({ field, message });
}

export function checkEdgeWeightGetter(getter: EdgeWeightGetter, field = 'getEdgeWeight'): void {
  check(
    getter === null || typeof getter === 'string' || typeof getter === 'function',
    field,
    'getEdgeWeight must be an attribute name, a function or null',
  );
}

/** Checks the stopping rule of an iterative metric. */
export function checkIterations(tolerance: number, maxIterations: number, prefix: string): void {
  check(
    Number.isFinite(tolerance) && tolerance > 0,
    `${prefix}tolerance`,
    `tolerance must be a finite number > 0, got ${tolerance}`,
  );
  check(
    Number.isSafeInteger(maxIterations) && maxIterations >= 1,
    `${prefix}maxIterations`,
    `maxIterations must be an integer >= 1, got ${maxIterations}`,
  );
}
