// Typed errors of the services, beside the stores' (store/errors.ts) and the jobs' (AnalysisError):
// each has a `code`, and the HTTP error handler (http/api-error.ts) turns it into a response.
import type { Job, JobFailure } from '../jobs/job.js';

/** A problem with a service's input: where (a path inside that input) and what. */
export interface ServiceInputProblem {
  path: PropertyKey[];
  message: string;
}

/** No job with this id: unknown, or finished long enough ago to be forgotten. */
export class JobNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  readonly jobId: string;

  constructor(jobId: string) {
    super(`no job ${jobId} (only the latest finished jobs are kept)`);
    this.name = 'JobNotFoundError';
    this.jobId = jobId;
  }
}

/** An analysis job that failed; `failure` is its error as the job gives it. */
export class JobFailedError extends Error {
  readonly code: string;
  readonly job: Job;
  readonly failure: JobFailure;

  constructor(job: Job) {
    const failure = job.error ?? { code: 'INTERNAL', message: 'the analysis failed', details: [] };
    super(failure.message);
    this.name = 'JobFailedError';
    this.code = failure.code;
    this.job = job;
    this.failure = failure;
  }
}

/**
 * Accounts on the do-not-contact list of the map's watch list, asked for in a shortlist: `problems`
 * name each by its index in `accountKeys`.
 */
export class DoNotContactError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly mapId: string;
  readonly problems: ServiceInputProblem[];

  constructor(mapId: string, blocked: ReadonlyArray<{ index: number; key: string }>) {
    const problems = blocked.map(({ index, key }) => ({
      path: ['accountKeys', index],
      message: `${key} is on the do-not-contact list`,
    }));
    super(problems[0]?.message ?? 'an account is on the do-not-contact list');
    this.name = 'DoNotContactError';
    this.mapId = mapId;
    this.problems = problems;
  }
}

/** A brand or therapeutic area that the map's watch list does not name. */
export class NotInWatchListError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly problems: ServiceInputProblem[];

  /**
   * @param field the series filter that named it (`brand` or `area`).
   * @param what what it should have been (`brand`, `therapeutic area`).
   * @param known the names the watch list has.
   */
  constructor(field: 'brand' | 'area', name: string, what: string, known: readonly string[]) {
    const message = `"${name}" is not a ${what} of the watch list (${known.join(', ')})`;
    super(message);
    this.name = 'NotInWatchListError';
    this.problems = [{ path: [field], message }];
  }
}

/** A pseudonym to reverse on a server without the pseudonym key (KOLMAP_PSEUDONYM_KEY). */
export class NoPseudonymKeyError extends Error {
  readonly code = 'NO_PSEUDONYM_KEY';

  constructor() {
    super(
      'the server has no pseudonym key (KOLMAP_PSEUDONYM_KEY), so no pseudonym can be reversed',
    );
    this.name = 'NoPseudonymKeyError';
  }
}

/** No account of the map has this pseudonym. */
export class PseudonymNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  readonly pseudonym: string;

  constructor(pseudonym: string) {
    super(`no account of this map has the pseudonym ${pseudonym}`);
    this.name = 'PseudonymNotFoundError';
    this.pseudonym = pseudonym;
  }
}
