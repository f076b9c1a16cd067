// Option handling shared by the influence metrics: defaults merged with what is given, and checks that
// throw InvalidInputError naming the option.
import { InvalidInputError } from '../../errors.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';

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
