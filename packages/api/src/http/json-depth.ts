// How deeply a JSON text nests, read without parsing it: the guard that keeps deeply nested bodies
// (10,000 levels fit in 20 KB) away from the recursive validators and serialisers that would
// overflow their stack on them.
import { ApiError } from './api-error.js';

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of arrays and objects in `text` (brackets inside strings ignored). */
export function jsonDepth(text: Uint8Array | string): number {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return deepest;
}

/** Refuses (400 INVALID_INPUT at `path`) a JSON text nested deeper than `maxDepth`. */
export function checkJsonDepth(text: Uint8Array | string, maxDepth: number, path: string): void {
  if (jsonDepth(text) <= maxDepth) return;
  const message = `nested deeper than ${maxDepth} levels (KOLMAP_JSON_MAX_DEPTH)`;
  throw new ApiError(400, 'INVALID_INPUT', `${path}: ${message}`, [{ path, message }]);
}
