// Turns zod issues into located input problems: the field path, what was expected and what was found,
// e.g. `platform: expected one of x|linkedin|…, got "twitter"`.
import type { z } from 'zod';
import type { InputLocation, InputProblem } from '../errors.js';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * One problem per zod issue (one per key for unknown keys), each at `at` with the issue's path as
 * `field` (`hashtags[2]` for list items).
 *
 * @param issues - the issues of a failed `safeParse`.
 * @param input - the value that was parsed; the bad value shown in each message is read from it.
 * @param at - file and line of the record.
 */
export function issueProblems(
  issues: readonly Issue[],
  input: unknown,
  at: InputLocation,
): InputProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        ...at,
        field: fieldName([...issue.path, key]),
        message: 'unknown field',
      }));
    }
    return [{ ...at, field: fieldName(issue.path), message: issueMessage(issue, input) }];
  });
}

/** A path as a field name: `mentions[0]`, `attributes.score`. */
export function fieldName(path: readonly PathKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`,
    )
    .join('');
}

function issueMessage(issue: Issue, input: unknown): string {
  const expected = expectation(issue);
  const value = valueAt(input, issue.path);
  if (value === undefined) return `missing; ${expected}`;
  return expected.startsWith('expected ') ? `${expected}, got ${shown(value)}` : expected;
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${shown(issue.values[0])}`
        : `expected one of ${issue.values.map(String).join('|')}`;
    case 'invalid_union':
      return `expected ${unionBranches(issue.errors).join(' or ')}`;
    case 'too_small':
      return isNumeric(issue.origin)
        ? `expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`
        : issue.message;
    case 'too_big':
      return isNumeric(issue.origin)
        ? `expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`
        : issue.message;
    default:
      return issue.message;
  }
}

function unionBranches(branches: readonly (readonly Issue[])[]): string[] {
  const names = branches
    .map((branch) => (branch[0] ? expectation(branch[0]).replace(/^expected /, '') : undefined))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

function isNumeric(origin: string): boolean {
  return origin === 'number' || origin === 'int' || origin === 'bigint';
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A bad value as shown in a message: strings quoted (and cut at 60 characters), others as written. */
function shown(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
