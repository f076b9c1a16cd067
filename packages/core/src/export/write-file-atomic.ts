// Writes a file so that readers see either the old content or the whole new one, never a part:
// temporary file in the same folder, fsync, rename. Chunked content is written as it comes, so that
// no output has to be held whole in memory.
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Chunks are gathered up to this many characters before each write to the file. */
const WRITE_SIZE = 1 << 16;

/**
 * Writes `content` (or every chunk of an iterable, in order, each write awaited before the next
 * chunk is asked for) to `file` atomically, creating its folder. If the content fails half-way (a
 * chunk throws), the temporary file is removed and `file` is left as it was.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
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
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  let pending = '';
  /** The gathered text once it is long enough to write, else null. */
  const gather = (chunk: string): string | null => {
    pending += chunk;
    if (pending.length < WRITE_SIZE) return null;
    const text = pending;
    pending = '';
    return text;
  };
  if (Symbol.asyncIterator in chunks) {
    for await (const chunk of chunks) {
      const text = gather(chunk);
      if (text !== null) await handle.writeFile(text, 'utf8');
    }
  } else {
    for (const chunk of chunks) {
      const text = gather(chunk);
      if (text !== null) await handle.writeFile(text, 'utf8');
    }
  }
  if (pending !== '') await handle.writeFile(pending, 'utf8');
}
