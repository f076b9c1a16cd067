// API keys and roles. With keys configured (KOLMAP_API_KEYS), every route but the public ones
// needs `Authorization: Bearer <key>` (or `X-API-Key: <key>`) of a role high enough; without keys,
// every caller is the local admin (the server then listens on 127.0.0.1 only).
import { timingSafeEqual } from 'node:crypto';
import type { ApiRole, Caller } from '@kolmap/model';
import type { RequestHandler } from 'express';
import type { ApiKey } from '../config.js';
import { ApiError } from './api-error.js';

const RANK: Record<ApiRole, number> = { viewer: 0, analyst: 1, admin: 2 };

/** The caller without keys configured. */
export const LOCAL_CALLER: Caller = { name: 'local', role: 'admin' };

/**
 * Identifies the caller from its key: sets `response.locals.caller` (null when it gave none, or an
 * unknown one) and `response.locals.unknownKey`. An unknown key is refused later, by
 * `refuseUnknownKey`, so that the rate limit between the two counts wrong keys too (per address).
 */
export function identifyCaller(keys: readonly ApiKey[]): RequestHandler {
  return (request, response, next) => {
    response.locals.unknownKey = false;
    if (keys.length === 0) {
      response.locals.caller = LOCAL_CALLER;
      next();
      return;
    }
    const given = presentedKey(request.headers.authorization, request.headers['x-api-key']);
    const match = given === null ? undefined : keys.find((key) => sameSecret(key.key, given));
    response.locals.caller = match
      ? ({ name: match.name, role: match.role } satisfies Caller)
      : null;
    response.locals.unknownKey = given !== null && !match;
    next();
  };
}

/** Refuses (401) a request whose key `identifyCaller` did not know. */
export const refuseUnknownKey: RequestHandler = (_request, response, next) => {
  next(
    response.locals.unknownKey === true
      ? new ApiError(401, 'UNAUTHENTICATED', 'unknown API key')
      : undefined,
  );
};

/** Lets the request through when the caller's role is `role` or higher. */
export function requireRole(role: ApiRole | 'public'): RequestHandler {
  return (_request, response, next) => {
    if (role === 'public') {
      next();
      return;
    }
    const caller = response.locals.caller as Caller | null;
    if (!caller) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="kolmap"');
      next(
        new ApiError(
          401,
          'UNAUTHENTICATED',
          'an API key is required (Authorization: Bearer <key>)',
        ),
      );
      return;
    }
    if (RANK[caller.role] < RANK[role]) {
      next(
        new ApiError(403, 'FORBIDDEN', `this needs the ${role} role; the key has ${caller.role}`),
      );
      return;
    }
    next();
  };
}

function presentedKey(
  authorization: string | undefined,
  apiKeyHeader: string | string[] | undefined,
): string | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return bearer;
  if (typeof apiKeyHeader === 'string' && apiKeyHeader.trim() !== '') return apiKeyHeader.trim();
  return null;
}

/** Compares secrets in constant time (for equal lengths). */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
