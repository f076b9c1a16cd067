// The embedded store's listening files, in the map's folder next to those of map-files.ts, each
// written atomically (temporary file, fsync, rename) before the manifest says `ready`:
//
//   maps/<id>/listening.json          the ListeningInfo: watch list, counts, topics, communities
//   maps/<id>/listening-posts.jsonl   one post row per line, as a JSON array (ListeningPostTuple)
//   maps/<id>/pv-cases.json           the review queue, in queue order (oldest flagged post first)
//
// A map analysed without a watch list has none of them.
import { join } from 'node:path';
import {
  type ListeningInfo,
  type ListeningPostRow,
  type PvCase,
  writeFileAtomic,
} from '@kolmap/core';
import {
  fromPostTuple,
  type ListeningPostTuple,
  pvCaseCursor,
  pvCaseOrder,
  type ResolvedPvCaseQuery,
  type SaveListeningInput,
  toPostTuple,
} from '../listening-model.js';
import type { Page } from '../map-store.js';
import { forEachLine, readJson, writeJsonLines } from './map-files.js';

export interface ListeningPaths {
  info: string;
  posts: string;
  pvCases: string;
}

export function listeningPaths(mapFolder: string): ListeningPaths {
  return {
    info: join(mapFolder, 'listening.json'),
    posts: join(mapFolder, 'listening-posts.jsonl'),
    pvCases: join(mapFolder, 'pv-cases.json'),
  };
}

/**
 * Writes a map's listening: the post rows (reporting progress after each `batchSize` rows), the
 * review queue in queue order, then the info.
 */
export async function writeListening(
  paths: ListeningPaths,
  listening: SaveListeningInput,
  batchSize: number,
  onBatch: (done: number) => Promise<void>,
): Promise<void> {
  const { posts, pvCases, ...info } = listening;
  await writeJsonLines(paths.posts, posts, toPostTuple, batchSize, onBatch);
  await writePvCases(paths, sortPvCases(pvCases));
  await writeFileAtomic(paths.info, `${JSON.stringify(info)}\n`);
}

/** The listening info, or null when the map has no listening. */
export function readListeningInfo(paths: ListeningPaths): Promise<ListeningInfo | null> {
  return readJson<ListeningInfo | null>(paths.info, null);
}

/** The post rows, streamed from their file, or null when the map has no listening. */
export async function readListeningPostRows(
  paths: ListeningPaths,
): Promise<ListeningPostRow[] | null> {
  const rows: ListeningPostRow[] = [];
  try {
    await forEachLine(paths.posts, (line) => {
      rows.push(fromPostTuple(JSON.parse(line) as ListeningPostTuple));
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return rows;
}

/** The review queue in queue order, or null when the map has no listening. */
export function readPvCases(paths: ListeningPaths): Promise<PvCase[] | null> {
  return readJson<PvCase[] | null>(paths.pvCases, null);
}

export async function writePvCases(paths: ListeningPaths, cases: readonly PvCase[]): Promise<void> {
  await writeFileAtomic(paths.pvCases, `${JSON.stringify(cases)}\n`);
}

/** Cases in queue order (see `pvCaseOrder`). */
function sortPvCases(cases: readonly PvCase[]): PvCase[] {
  return cases
    .map((item) => ({ item, order: pvCaseOrder(item) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ item }) => item);
}

/** A page of a queue in queue order: the cases after the cursor with one of the statuses asked. */
export function pagePvCases(
  mapId: string,
  cases: readonly PvCase[],
  query: ResolvedPvCaseQuery,
): Page<PvCase> {
  const items: PvCase[] = [];
  let more = false;
  for (const item of cases) {
    if (query.statuses && !query.statuses.includes(item.status)) continue;
    if (pvCaseOrder(item) <= query.after) continue;
    if (items.length === query.limit) {
      more = true;
      break;
    }
    items.push(item);
  }
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: more && last ? pvCaseCursor(mapId, query, pvCaseOrder(last)) : null,
  };
}
