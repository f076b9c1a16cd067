// Seeded synthetic inputs for the benchmarks: interaction records with heavy-tailed attention.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Rng } from '../packages/core/src/generate/rng.js';

const TYPES = ['mention', 'reply', 'repost', 'quote', 'comment', 'like'] as const;

export interface InteractionFiles {
  /** kolmap JSONL, one `interaction` record per line. */
  jsonl: string;
  /** The same records as a whitespace edge list `source target weight` (igraph's ncol format). */
  edgeList: string;
}

/**
 * Writes `records` interaction records among `accounts` accounts: sources uniform, targets
 * heavy-tailed (a few accounts receive most of the attention), as JSONL and as an edge list.
 */
export async function writeInteractionFiles(
  prefix: string,
  { records, accounts, seed }: { records: number; accounts: number; seed: number },
): Promise<InteractionFiles> {
  const files = { jsonl: `${prefix}.jsonl`, edgeList: `${prefix}.txt` };
  const jsonl = createWriteStream(files.jsonl);
  const edges = createWriteStream(files.edgeList);
  const rng = new Rng(seed, 'bench-interactions');
  const start = Date.UTC(2024, 0, 1);
  let jsonChunk = '';
  let edgeChunk = '';
  for (let i = 0; i < records; i++) {
    const source = rng.int(accounts);
    const target = Math.floor(accounts * rng.next() ** 3);
    const type = TYPES[rng.int(TYPES.length)];
    const timestamp = new Date(start + rng.int(365 * 86400) * 1000).toISOString();
    jsonChunk += `{"kind":"interaction","platform":"x","source":"u${source}","target":"u${target}","type":"${type}","timestamp":"${timestamp}"}\n`;
    edgeChunk += `u${source} u${target} 1\n`;
    if (jsonChunk.length > 1 << 20) {
      if (!jsonl.write(jsonChunk)) await once(jsonl, 'drain');
      if (!edges.write(edgeChunk)) await once(edges, 'drain');
      jsonChunk = '';
      edgeChunk = '';
    }
  }
  jsonl.end(jsonChunk);
  edges.end(edgeChunk);
  await Promise.all([once(jsonl, 'finish'), once(edges, 'finish')]);
  return files;
}
