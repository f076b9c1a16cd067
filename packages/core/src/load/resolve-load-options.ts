// Loader options with their defaults filled in and their values checked, once, at the entry point.

import { PLATFORMS, type Platform } from '@kolmap/model';
import { type InputProblem, InvalidInputError } from '../errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { INPUT_FORMATS, type InputFormat, type LoadOptions } from './options.js';

export interface ResolvedLoadOptions {
  format: InputFormat | undefined;
  skipInvalid: boolean;
  platform: Platform | undefined;
  undirected: boolean;
  skipLines: number;
  onProgress: LoadOptions['onProgress'];
  limits: InputLimits;
}

export const DEFAULT_LOAD_OPTIONS: ResolvedLoadOptions = {
  format: undefined,
  skipInvalid: false,
  platform: undefined,
  undirected: false,
  skipLines: 0,
  onProgress: undefined,
  limits: DEFAULT_INPUT_LIMITS,
};

/**
 * Fills in the defaults of {@link LoadOptions} and checks the values a JavaScript caller could get wrong.
 *
 * @param options - `format` (default: told from each file name), `skipInvalid` (default false),
 *   `platform` (default: none, the collector's own default applies), `undirected` (default false),
 *   `skipLines` (default 0, a whole number ≥ 0), `onProgress` (default none), `limits` (each
 *   default from DEFAULT_INPUT_LIMITS, each a whole number ≥ 1).
 * @throws InvalidInputError naming each bad option as the problem's `field`.
 */
export function resolveLoadOptions(options: LoadOptions = {}): ResolvedLoadOptions {
  const resolved: ResolvedLoadOptions = {
    format: options.format ?? DEFAULT_LOAD_OPTIONS.format,
    skipInvalid: options.skipInvalid ?? DEFAULT_LOAD_OPTIONS.skipInvalid,
    platform: options.platform ?? DEFAULT_LOAD_OPTIONS.platform,
    undirected: options.undirected ?? DEFAULT_LOAD_OPTIONS.undirected,
    skipLines: options.skipLines ?? DEFAULT_LOAD_OPTIONS.skipLines,
    onProgress: options.onProgress ?? DEFAULT_LOAD_OPTIONS.onProgress,
    limits: { ...DEFAULT_LOAD_OPTIONS.limits, ...options.limits },
  };
  const problems = optionProblems(resolved);
  if (problems.length > 0) throw new InvalidInputError(problems);
  return resolved;
}

function optionProblems(options: ResolvedLoadOptions): InputProblem[] {
  const problems: InputProblem[] = [];
  if (options.format !== undefined && !INPUT_FORMATS.includes(options.format)) {
    problems.push(oneOf('format', INPUT_FORMATS, options.format));
  }
  if (options.platform !== undefined && !PLATFORMS.includes(options.platform)) {
    problems.push(oneOf('platform', PLATFORMS, options.platform));
  }
  if (!Number.isInteger(options.skipLines) || options.skipLines < 0) {
    problems.push({
      field: 'skipLines',
      message: `expected a whole number ≥ 0, got ${String(options.skipLines)}`,
    });
  }
  for (const [name, value] of Object.entries(options.limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      problems.push({
        field: `limits.${name}`,
        message: `expected a whole number ≥ 1, got ${String(value)}`,
      });
    }
  }
  return problems;
}

function oneOf(field: string, allowed: readonly string[], value: unknown): InputProblem {
  return { field, message: `expected one of ${allowed.join('|')}, got "${String(value)}"` };
}
