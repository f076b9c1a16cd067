// Reads an input file as UTF-8 text, chunk by chunk, gunzipping `.gz` files and reporting progress.
// Read failures (missing file, corrupt gzip) become UnreadableInputError; a file larger than its
// byte limit once decompressed stops with InputLimitError as soon as the limit is passed.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { InputLimitError, UnreadableInputError } from '../errors.js';
import type { LoadProgress } from './options.js';

/**
 * Yields the text of `file` in chunks of about 64 KB (a leading byte-order mark is dropped).
 * Files whose name ends in `.gz` are gunzipped on the fly.
 *
 * @param file - path of the file.
 * @param onProgress - called after each chunk with the bytes read so far (compressed bytes for
 *   `.gz` files) and the size on disk. Default: none.
 * @param maxBytes - bytes of text (after decompression) beyond which reading stops. Default: no limit.
 * @throws InputLimitError (limit `maxBytes`) once the text passes `maxBytes`.
 */
export async function* readTextChunks(
  file: string,
  onProgress?: (progress: LoadProgress) => void,
  maxBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  const bytesTotal = await sizeOf(file);
  const raw = createReadStream(file);
  const stream: Readable = file.toLowerCase().endsWith('.gz')
    ? pipeline(raw, createGunzip(), () => undefined)
    : raw;
  const decoder = new StringDecoder('utf8');
  let first = true;
  let bytesOut = 0;
  try {
    for await (const bytes of stream) {
      bytesOut += (bytes as Buffer).length;
      if (bytesOut > maxBytes) {
        throw new InputLimitError(
          'maxBytes',
          maxBytes,
          { file },
          'the file is larger than allowed',
        );
      }
      let text = decoder.write(bytes as Buffer);
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      onProgress?.({ file, bytesRead: raw.bytesRead, bytesTotal });
      if (text) yield text;
    }
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    throw new UnreadableInputError(file, messageOf(error), { cause: error });
  } finally {
    raw.destroy();
    if (stream !== raw) stream.destroy();
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * The whole text of `file` (gunzipped for `.gz`). Only for formats that cannot be read in pieces.
 *
 * @param file - path of the file.
 * @param onProgress - as for {@link readTextChunks}. Default: none.
 * @param maxBytes - as for {@link readTextChunks}. Default: no limit.
 */
export async function readText(
  file: string,
  onProgress?: (progress: LoadProgress) => void,
  maxBytes?: number,
): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of readTextChunks(file, onProgress, maxBytes)) chunks.push(chunk);
  return chunks.join('');
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    throw new UnreadableInputError(file, messageOf(error), { cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
