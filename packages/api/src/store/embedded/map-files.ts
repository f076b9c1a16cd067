// The embedded store's files: one folder per map under `<dataDir>/maps/<id>/`, every file written
// atomically (temporary file, fsync, rename), `manifest.json` written first as `building` and
// last as `ready`, so a reader never takes a half-written map for a ready one.
//
//   maps/<id>/manifest.json       id, name, status, reason, dates, counts, params, provenance
//   maps/<id>/accounts.jsonl      {"key", "attributes"} per line, in the saved order
//   maps/<id>/interactions.bin    the interactions in columns (interactions-file.ts), their ends as
//                                 indexes into accounts.jsonl; maps saved before it have instead
//   maps/<id>/interactions.jsonl  [sourceIndex, targetIndex, attributes] per line, still read
//   maps/<id>/communities.json    the community profiles
//   maps/<id>/shortlists.json     the map's shortlists
//   maps/<id>/listening*.json(l), pv-cases.json   the map's listening (see embedded-listening.ts)
//   audit/<id>.jsonl              export audit entries, appended (kept when the map is deleted)
//   trash/                        maps being deleted (renamed here first, then removed)
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeFileAtomic } from '@kolmap/core';
import { type MapInfo, mapInfoSchema } from '@kolmap/model';
import { z } from 'zod';

export const MANIFEST_VERSION = 1;

/** A map's manifest: the map as `maps.get` gives it, with the version of the folder's layout. */
export const manifestSchema = mapInfoSchema.extend({ version: z.literal(MANIFEST_VERSION) });
export type Manifest = z.infer<typeof manifestSchema>;

export interface MapPaths {
  folder: string;
  manifest: string;
  accounts: string;
  /** `interactions.bin`. */
  interactions: string;
  /** `interactions.jsonl`, read for maps saved before `interactions.bin`. */
  interactionLines: string;
  communities: string;
  shortlists: string;
}

export function mapsFolder(dataDir: string): string {
  return join(dataDir, 'maps');
}

export function trashFolder(dataDir: string): string {
  return join(dataDir, 'trash');
}

export function auditFile(dataDir: string, mapId: string): string {
  return join(dataDir, 'audit', `${mapId}.jsonl`);
}

export function mapPaths(dataDir: string, mapId: string): MapPaths {
  const folder = join(mapsFolder(dataDir), mapId);
  return {
    folder,
    manifest: join(folder, 'manifest.json'),
    accounts: join(folder, 'accounts.jsonl'),
    interactions: join(folder, 'interactions.bin'),
    interactionLines: join(folder, 'interactions.jsonl'),
    communities: join(folder, 'communities.json'),
    shortlists: join(folder, 'shortlists.json'),
  };
}

export function toManifest(info: MapInfo): Manifest {
  return { version: MANIFEST_VERSION, ...info };
}

export function fromManifest(manifest: Manifest): MapInfo {
  const { version: _version, ...info } = manifest;
  return info;
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest at `file`, or undefined when there is none (or it is not one of ours). */
export async function readManifest(file: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

/** Reads a JSON file, or gives `fallback` when it does not exist. */
export async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** Calls `onLine` for each non-empty line of a text file, streamed. */
export async function forEachLine(file: string, onLine: (line: string) => void): Promise<void> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line !== '') onLine(line);
}

/**
 * Writes `items` as JSON lines, atomically, in chunks of about 1 MB; calls `onBatch` after each
 * `batchSize` items (it may throw to stop the write, which then leaves nothing behind).
 */
export async function writeJsonLines<T>(
  file: string,
  items: readonly T[],
  toLine: (item: T) => unknown,
  batchSize: number,
  onBatch: (done: number) => Promise<void>,
): Promise<void> {
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    for (let i = 0; i < items.length; i++) {
      chunk += `${JSON.stringify(toLine(items[i] as T))}\n`;
      if (chunk.length >= 1 << 20) {
        yield chunk;
        chunk = '';
      }
      if ((i + 1) % batchSize === 0 || i + 1 === items.length) {
        if (chunk !== '') {
          yield chunk;
          chunk = '';
        }
        await onBatch(i + 1);
      }
    }
    if (chunk !== '') yield chunk;
  }
  await writeFileAtomic(file, chunks());
}

/**
 * Appends one line to a file and syncs it to disk before resolving. If the file ends with a line
 * torn by a crash, the new line starts on a line of its own (readers skip the torn one).
 */
export async function appendLineDurably(file: string, line: string): Promise<void> {
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let separator = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) separator = '\n';
    }
    await handle.write(`${separator}${line}\n`, null, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
