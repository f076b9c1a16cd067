// A checksum of the input files of an analysis, stored with the map so that anyone can tell
// whether a map was computed from the data they hold.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UnreadableInputError } from '../errors.js';

/**
 * SHA-256 over the inputs in the order given (a folder's files in name order), each file's name
 * and bytes: `sha256:<hex>`. The same files give the same checksum wherever they are.
 */
export async function inputChecksum(inputs: string | string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const input of Array.isArray(inputs) ? inputs : [inputs]) {
    for (const file of await filesOf(input)) {
      hash.update(`${basename(file)}\0`);
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      hash.update('\0');
    }
  }
  return `sha256:${hash.digest('hex')}`;
}

async function filesOf(input: string): Promise<string[]> {
  const info = await stat(input).catch((error: unknown) => {
    throw new UnreadableInputError(input, 'cannot be read', { cause: error });
  });
  if (!info.isDirectory()) return [input];
  const entries = await readdir(input, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(input, entry.name))
    .sort();
}
