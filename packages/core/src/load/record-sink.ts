// Where loaders hand their records: valid ones go to the DatasetCollector, bad ones are held (and the
// load fails at the end) or, under skipInvalid, reported in `report.rejected` and skipped.

import type { Platform, RecordKind } from '@kolmap/model';
import { type InputLocation, type InputProblem, InvalidInputError } from '../errors.js';
import {
  type Account,
  type Follow,
  type Interaction,
  type Post,
  recordSchemas,
} from '../schema/records.js';
import type { DatasetCollector } from './dataset.js';
import { issueProblems } from './issue-problems.js';
import type { LoadOptions } from './options.js';

/** Problems held before a load gives up reading: enough to fix a file, not a flood. */
export const MAX_PROBLEMS = 50;

/**
 * Takes the records of one file from a loader. Bad records are held (up to {@link MAX_PROBLEMS}
 * problems) and thrown together by `finish()`, or, under `skipInvalid`, all reported in
 * `report.rejected`.
 */
export class RecordSink {
  private readonly problems: InputProblem[] = [];
  private readonly skipInvalid: boolean;
  private readonly platform: Platform | undefined;

  /**
   * @param options - `skipInvalid` (default false): report bad records in `report.rejected` and
   *   go on; `platform` (default none): given to records that name no platform.
   */
  constructor(
    readonly collector: DatasetCollector,
    options: Pick<LoadOptions, 'skipInvalid' | 'platform'> = {},
  ) {
    this.skipInvalid = options.skipInvalid ?? false;
    this.platform = options.platform;
  }

  /** true once {@link MAX_PROBLEMS} problems are held: reading further would be wasted. */
  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  /**
   * Validates `fields` against the schema of `kind` and adds it to the collector, or rejects it with
   * its problems. `problems` found earlier (e.g. a cell that is not a number) reject it too. A
   * record that names no platform gets the sink's `platform`, if any.
   */
  accept(
    kind: RecordKind,
    fields: Record<string, unknown>,
    at: InputLocation,
    problems: InputProblem[] = [],
  ): void {
    const value =
      this.platform === undefined || fields.platform !== undefined
        ? fields
        : { ...fields, platform: this.platform };
    const result = recordSchemas[kind].safeParse(value);
    if (!result.success)
      this.reject([...problems, ...issueProblems(result.error.issues, value, at)]);
    else if (problems.length > 0) this.reject(problems);
    else addRecord(this.collector, kind, result.data, at);
  }

  /** Adds an interaction already known to be valid (the edge-list fast path). */
  acceptInteraction(interaction: Interaction, at: InputLocation): void {
    this.collector.addInteraction(interaction, at);
  }

  /** Skips a bad record: its problems go to `report.rejected` or are held for the final error. */
  reject(problems: InputProblem[]): void {
    if (this.skipInvalid) this.collector.report.rejected.push(...problems);
    else this.problems.push(...problems.slice(0, MAX_PROBLEMS - this.problems.length));
  }

  /** Stops the load on problems no record can be skipped past (a bad header, broken quoting). */
  fail(problems: InputProblem[]): never {
    throw new InvalidInputError([...this.problems, ...problems].slice(0, MAX_PROBLEMS));
  }

  /** Throws the problems held, if any, as one InvalidInputError. */
  finish(): void {
    if (this.problems.length > 0) throw new InvalidInputError(this.problems);
  }
}

/** Hands a record parsed by `recordSchemas[kind]` to the collector method for its kind. */
function addRecord(
  collector: DatasetCollector,
  kind: RecordKind,
  record: Account | Follow | Post | Interaction,
  at: InputLocation,
): void {
  switch (kind) {
    case 'account':
      return collector.addAccount(record as Account, at);
    case 'follow':
      return collector.addFollow(record as Follow, at);
    case 'post':
      return collector.addPost(record as Post, at);
    case 'interaction':
      return collector.addInteraction(record as Interaction, at);
  }
}
