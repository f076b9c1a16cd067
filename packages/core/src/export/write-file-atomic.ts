// Writes a file so that readers see either the old content or the whole new one, never a part:
// temporary file in the same folder, fsync, rename. Chunked content is written as it comes, so that
// no output has to be held whole in memory.
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Chunks are gathered up to this many characters before each write to the file. */
const WRITE_SIZE = 1 << 16;

/** What a file is written from: text, or chunks of text or bytes. */
export type FileContent =
  | string
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>;

/**
 * Writes `content` (or every chunk of an iterable, in order — text as UTF-8, bytes as they are —
 * each write awaited before the next chunk is asked for) to `file` atomically, creating its folder. If the content fails half-way (a
 * chunk throws), the temporary file is removed and `file` is left as it was.
 */
export async function writeFileAtomic(file: string, content: FileContent): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else await writeChunks(handle, content);
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeChunks(
  handle: FileHandle,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  let pending = '';
  /** Text is gathered up to WRITE_SIZE characters; bytes are written at once, after the text before them. */
  const take = async (chunk: string | Uint8Array) => {
    if (typeof chunk === 'string') {
      pending += chunk;
      if (pending.length < WRITE_SIZE) return;
    }
    if (pending !== '') await handle.writeFile(pending, 'utf8');
    pending = '';
    if (typeof chunk !== 'string') await handle.write(chunk);
  };
  if (Symbol.asyncIterator in chunks) {
    for await (const chunk of chunks) await take(chunk);
  } else {
    for (const chunk of chunks) await take(chunk);
  }
  if (pending !== '') await handle.writeFile(pending, 'utf8');
}
