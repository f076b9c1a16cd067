// Writes a file so that readers see either the old content or the whole new one, never a part:
// temporary file in the same folder, fsync, rename.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `content` (or every chunk of an iterable) to `file` atomically, creating its folder. */
export async function writeFileAtomic(
  file: string,
  content: string | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    if (typeof content === 'string') {
      await handle.writeFile(content, 'utf8');
    } else {
      for await (const chunk of content) await handle.write(chunk, null, 'utf8');
    }
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
