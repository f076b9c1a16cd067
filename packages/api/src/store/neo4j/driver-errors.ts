// Maps neo4j-driver errors to the stores' typed errors, by `error.code` (never by message).
import { isStoreError, StoreUnavailableError } from '../errors.js';

/** Driver codes that mean "Neo4j cannot be reached or is not serving right now". */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.AuthorizationExpired',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
]);

/** Whether a driver error code is one of unavailability (network, restart, transient failure). */
export function isUnavailableCode(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.'))
  );
}

/**
 * The error to throw for an error raised while talking to Neo4j: the stores' own errors as they
 * are; unavailability (ServiceUnavailable, SessionExpired, Neo.TransientError.*, …, once the
 * driver's retries are spent) as StoreUnavailableError (retriable); anything else unchanged.
 */
export function mapDriverError(error: unknown): unknown {
  if (isStoreError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (isUnavailableCode(code)) {
    return new StoreUnavailableError(`Neo4j is unavailable (${String(code)})`, { cause: error });
  }
  return error;
}
