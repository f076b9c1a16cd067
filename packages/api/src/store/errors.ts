// Typed errors of the map stores. Callers (the HTTP error handler, tests) branch on `code`, never on
// the wording of `message`; both stores throw the same errors for the same situations.

export const STORE_ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_REVIEW_CHANGE',
  'STORE_UNAVAILABLE',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** One problem with a store input: where (a dotted path such as `graph.nodes[3].attributes.kolScore`) and what. */
export interface StoreInputProblem {
  path: string;
  message: string;
}

/** Something asked for does not exist (or is not visible: a map still building is not found). */
export abstract class StoreNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  abstract readonly resource:
    | 'map'
    | 'account'
    | 'community'
    | 'shortlist'
    | 'listening'
    | 'pv case';
}

/** No ready map with this id: unknown, deleted, still building, or failed. */
export class MapNotFoundError extends StoreNotFoundError {
  readonly resource = 'map';
  readonly mapId: string;

  constructor(mapId: string, why = 'not found') {
    super(`map ${mapId}: ${why}`);
    this.name = 'MapNotFoundError';
    this.mapId = mapId;
  }
}

/** No account with this key in the map. */
export class AccountNotFoundError extends StoreNotFoundError {
  readonly resource = 'account';
  readonly mapId: string;
  readonly key: string;

  constructor(mapId: string, key: string) {
    super(`map ${mapId}: no account "${key}"`);
    this.name = 'AccountNotFoundError';
    this.mapId = mapId;
    this.key = key;
  }
}

/** No community with this id in the map. */
export class CommunityNotFoundError extends StoreNotFoundError {
  readonly resource = 'community';
  readonly mapId: string;
  readonly communityId: number;

  constructor(mapId: string, communityId: number) {
    super(`map ${mapId}: no community ${communityId}`);
    this.name = 'CommunityNotFoundError';
    this.mapId = mapId;
    this.communityId = communityId;
  }
}

/** No shortlist with this id in the map. */
export class ShortlistNotFoundError extends StoreNotFoundError {
  readonly resource = 'shortlist';
  readonly mapId: string;
  readonly shortlistId: string;

  constructor(mapId: string, shortlistId: string) {
    super(`map ${mapId}: no shortlist ${shortlistId}`);
    this.name = 'ShortlistNotFoundError';
    this.mapId = mapId;
    this.shortlistId = shortlistId;
  }
}

/** The map was analysed without a watch list: it has no listening and no pharmacovigilance cases. */
export class ListeningNotFoundError extends StoreNotFoundError {
  readonly resource = 'listening';
  readonly mapId: string;

  constructor(mapId: string) {
    super(
      `map ${mapId} has no listening: it was analysed without a watch list (upload the data again with options.watch)`,
    );
    this.name = 'ListeningNotFoundError';
    this.mapId = mapId;
  }
}

/** No pharmacovigilance case with this id in the map. */
export class PvCaseNotFoundError extends StoreNotFoundError {
  readonly resource = 'pv case';
  readonly mapId: string;
  readonly caseId: string;

  constructor(mapId: string, caseId: string) {
    super(`map ${mapId}: no pharmacovigilance case "${caseId}"`);
    this.name = 'PvCaseNotFoundError';
    this.mapId = mapId;
    this.caseId = caseId;
  }
}

/**
 * A change the review rules do not allow (core's PvReviewError: a status that cannot follow the
 * case's, a dismissal or a reopening without a note). `problems` give the case's status and the
 * statuses it may go to.
 */
export class PvReviewConflictError extends Error {
  readonly code = 'INVALID_REVIEW_CHANGE';
  readonly caseId: string;
  readonly problems: Array<{
    path: string;
    message: string;
    status: string;
    allowed: readonly string[];
  }>;

  constructor(caseId: string, message: string, status: string, allowed: readonly string[]) {
    super(message);
    this.name = 'PvReviewConflictError';
    this.caseId = caseId;
    this.problems = [{ path: 'status', message, status, allowed }];
  }
}

/** Bad input to a store method; every problem names its path. */
export abstract class StoreInputError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly problems: StoreInputProblem[];

  constructor(problems: StoreInputProblem[]) {
    const first = problems[0];
    const text = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid input';
    super(problems.length > 1 ? `${text} (and ${problems.length - 1} more problems)` : text);
    this.problems = problems;
  }
}

/** A map given to `maps.save` that does not follow the map model (see map-model.ts). */
export class InvalidMapError extends StoreInputError {
  constructor(problems: StoreInputProblem[]) {
    super(problems);
    this.name = 'InvalidMapError';
  }
}

/** Bad query options: an unknown filter value type, a limit out of range, a cursor from another query… */
export class InvalidQueryError extends StoreInputError {
  constructor(problems: StoreInputProblem[]) {
    super(problems);
    this.name = 'InvalidQueryError';
  }
}

/**
 * The store cannot be reached or answered with a transient failure (Neo4j down, restarting, a
 * leader switch, a deadlock that outlived the retries…). Retrying later may succeed.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  readonly retriable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Every typed error of the stores. */
export type StoreError =
  | MapNotFoundError
  | AccountNotFoundError
  | CommunityNotFoundError
  | ShortlistNotFoundError
  | ListeningNotFoundError
  | PvCaseNotFoundError
  | PvReviewConflictError
  | InvalidMapError
  | InvalidQueryError
  | StoreUnavailableError;

/** Whether `error` is one of the stores' typed errors (it has one of their codes). */
export function isStoreError(error: unknown): error is StoreError {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error && (STORE_ERROR_CODES as readonly unknown[]).includes(code as string)
  );
}
