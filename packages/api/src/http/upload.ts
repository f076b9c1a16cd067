// Receiving an upload: multipart files streamed to disk under a size limit (never held whole in
// memory), or JSON records written as one JSONL file. Anything left half-written is removed.
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { ApiError } from './api-error.js';

export const MAX_UPLOAD_FILES = 20;
const MAX_FIELD_BYTES = 64 * 1024;
/** Fields that may come as a file part too (`-F watch=@watch.yaml`); read as text, not as data. */
const TEXT_FILE_FIELDS: ReadonlySet<string> = new Set(['watch']);

export interface ReceivedUpload {
  /** Paths of the files written. */
  files: string[];
  /** Text fields of a multipart upload (`name`, `options`, `watch`). */
  fields: Record<string, string>;
  bytes: number;
}

/**
 * A file name safe to write inside the upload folder: its last path segment, with characters
 * other than letters, digits, `.`, `-` and `_` replaced by `_`. The extension is kept (kolmap tells
 * the format from it).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return safe === '' ? 'upload' : safe.slice(-200);
}

/** Streams the files of a multipart/form-data request into `dir` (created), at most `maxBytes` in all. */
export async function receiveMultipart(
  request: Request,
  dir: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  await mkdir(dir, { recursive: true });
  try {
    return await new Promise<ReceivedUpload>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: request.headers,
          limits: {
            fileSize: maxBytes,
            files: MAX_UPLOAD_FILES,
            fields: 20,
            fieldSize: MAX_FIELD_BYTES,
          },
        });
      } catch {
        reject(new ApiError(400, 'INVALID_INPUT', 'the multipart body cannot be read'));
        return;
      }
      const upload: ReceivedUpload = { files: [], fields: {}, bytes: 0 };
      const writes: Promise<void>[] = [];
      let failure: ApiError | null = null;
      const fail = (error: ApiError) => {
        failure ??= error;
        request.unpipe(parser);
        request.resume();
        reject(failure);
      };
      // A part's stream fails when the form is cut off (busboy destroys it with the parser's error):
      // each write is handled as it starts, so that no rejection goes unhandled.
      const received = (write: Promise<void>) =>
        writes.push(
          write.catch(() =>
            fail(new ApiError(400, 'INVALID_INPUT', 'an uploaded file could not be received')),
          ),
        );
      parser.on('file', (field, stream, info) => {
        if (TEXT_FILE_FIELDS.has(field)) {
          received(
            readText(stream, MAX_FIELD_BYTES).then((text) => {
              if (text === null) fail(fieldTooLarge(field));
              else upload.fields[field] = text;
            }),
          );
          return;
        }
        let name = safeFileName(info.filename ?? '');
        while (upload.files.includes(join(dir, name))) name = `_${name}`;
        const path = join(dir, name);
        upload.files.push(path);
        stream.on('data', (chunk: Buffer) => {
          upload.bytes += chunk.length;
          if (upload.bytes > maxBytes) {
            stream.resume();
            fail(tooLarge(maxBytes));
          }
        });
        stream.on('limit', () => fail(tooLarge(maxBytes)));
        received(pipeline(stream, createWriteStream(path)));
      });
      parser.on('field', (field, value, info) => {
        if (info.valueTruncated) fail(fieldTooLarge(field));
        upload.fields[field] = value;
      });
      parser.on('filesLimit', () =>
        fail(new ApiError(413, 'TOO_LARGE', `at most ${MAX_UPLOAD_FILES} files per upload`)),
      );
      parser.on('error', () =>
        fail(new ApiError(400, 'INVALID_INPUT', 'the multipart body is malformed')),
      );
      parser.on('close', () => {
        if (failure) return;
        void Promise.all(writes).then(() => {
          if (!failure) resolve(upload);
        });
      });
      request.on('aborted', () =>
        fail(new ApiError(400, 'INVALID_INPUT', 'the upload was interrupted')),
      );
      request.pipe(parser);
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Writes JSON records (kolmap records with `kind`) as `records.jsonl` in `dir`. */
export async function writeJsonRecords(
  records: readonly unknown[],
  dir: string,
): Promise<ReceivedUpload> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'records.jsonl');
  const text = records.map((record) => JSON.stringify(record)).join('\n');
  await writeFile(path, `${text}\n`);
  return { files: [path], fields: {}, bytes: Buffer.byteLength(text) };
}

/** A file part read as UTF-8 text, or null when it is over `maxBytes` (the rest is drained). */
function readText(stream: Readable, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('end', () =>
      resolve(size <= maxBytes ? Buffer.concat(chunks).toString('utf8') : null),
    );
    stream.on('error', reject);
  });
}

function fieldTooLarge(field: string): ApiError {
  return new ApiError(413, 'TOO_LARGE', `the field ${field} is over ${MAX_FIELD_BYTES} bytes`);
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'TOO_LARGE', `the upload is over ${maxBytes} bytes`, [
    { path: 'body', message: `at most ${maxBytes} bytes (KOLMAP_UPLOAD_MAX_BYTES)` },
  ]);
}
