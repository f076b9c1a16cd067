// Without API keys every caller is an admin, which is only safe for programs on this machine. A web
// page the user visits is on this machine too, in the browser: it could send a form to the API
// (cross-site request forgery), or point its own domain name at 127.0.0.1 and read the answers (DNS
// rebinding). This guard refuses both; with API keys a page cannot act without the key anyway.
import type { RequestHandler } from 'express';
import { ApiError } from './api-error.js';

/** Names this machine answers to, as a Host header gives them (the port is not part of it). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Methods that change nothing: a page may send them cross-origin without harm (it cannot read the answer). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * For no-key mode: refuses (403 FORBIDDEN) a request whose `Host` is not `localhost`, `127.0.0.1`
 * or `[::1]` (any port), and a state-changing request (not GET, HEAD or OPTIONS) that a browser sent
 * from a page of another origin: its `Origin` header must be this server's own (`http://<Host>`) or
 * one of `allowedOrigins` (KOLMAP_CORS_ORIGINS). Programs that send no `Origin` (curl, scripts, the
 * CLI) are let through; browsers always name the origin of a cross-origin form or request.
 */
export function localOnly(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return (request, _response, next) => {
    const host = request.headers.host ?? '';
    if (!LOCAL_HOSTS.has(hostName(host))) {
      next(
        new ApiError(
          403,
          'FORBIDDEN',
          'without API keys the server answers only requests addressed to localhost or 127.0.0.1',
        ),
      );
      return;
    }
    const origin = request.headers.origin;
    if (SAFE_METHODS.has(request.method) || origin === undefined) {
      next();
      return;
    }
    if (origin !== `http://${host}` && !allowed.has(origin)) {
      next(
        new ApiError(
          403,
          'FORBIDDEN',
          `a change sent from a page of another origin (${origin.slice(0, 100)}) is refused`,
        ),
      );
      return;
    }
    next();
  };
}

/** The host name of a Host header, without its port (`[::1]:3000` → `[::1]`). */
function hostName(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}
