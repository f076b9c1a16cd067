// Large JSON answers (the graph the viewer draws): written a slice of each long array at a time rather
// than built as one string, and gzipped when the client accepts it (mostly numbers, which shrink to
// about a third).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Request, Response } from 'express';

/** Elements of a long array serialised at a time. */
const ELEMENTS_PER_SLICE = 20_000;
/** Characters gathered before they are written. */
const CHUNK_CHARS = 1 << 16;
/**
 * gzip's fastest level: on the drawn graph of a 100k-account / 1M-link map, 7 % larger than the
 * default level (9.9 against 9.3 MB) in a third of the time (docs/viewer.md).
 */
const GZIP_LEVEL = 1;

/**
 * Sends `body` as JSON (as `response.json` would write it), gzipped when the request's
 * `Accept-Encoding` allows gzip, waiting when the client reads slower than it is written.
 */
export async function sendLargeJson(
  request: Request,
  response: Response,
  body: unknown,
): Promise<void> {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.vary('Accept-Encoding');
  const text = Readable.from(gathered(jsonPieces(body)));
  if (request.acceptsEncodings('gzip', 'identity') === 'gzip') {
    response.setHeader('Content-Encoding', 'gzip');
    await pipeline(text, createGzip({ level: GZIP_LEVEL }), response);
  } else {
    await pipeline(text, response);
  }
}

/**
 * The JSON text of `value`, in pieces that concatenate to `JSON.stringify(value)`: arrays longer than
 * ELEMENTS_PER_SLICE a slice at a time, objects a field at a time.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > ELEMENTS_PER_SLICE) {
    for (let start = 0; start < value.length; start += ELEMENTS_PER_SLICE) {
      const slice = JSON.stringify(value.slice(start, start + ELEMENTS_PER_SLICE));
      yield `${start === 0 ? '[' : ','}${slice.slice(1, -1)}`;
    }
    yield ']';
  } else if (isPlainObject(value)) {
    let separator = '{';
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      yield `${separator}${JSON.stringify(key)}:`;
      separator = ',';
      yield* jsonPieces(field);
    }
    yield separator === '{' ? '{}' : '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/** Pieces joined into chunks of about CHUNK_CHARS. */
function* gathered(pieces: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
