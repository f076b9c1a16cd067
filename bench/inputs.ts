// Seeded synthetic inputs for the benchmarks: interaction records with heavy-tailed attention.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Rng } from '../packages/demo/src/rng.js';

const TYPES = ['mention', 'reply', 'repost', 'quote', 'comment', 'like'] as const;

/** The files an interaction generator can write, each the same records. */
export interface InteractionFiles {
  /** kolmap JSONL, one `interaction` record per line. */
  jsonl: string;
  /** A whitespace edge list `source target weight` (igraph's ncol format). */
  edgeList: string;
  /** A directed `source,target` CSV edge list with that header, as users export them. */
  csv: string;
}

export type InteractionFormat = keyof InteractionFiles;

/** One line of each format for one record. */
const LINES: Record<
  InteractionFormat,
  (source: number, target: number, type: string, timestamp: string) => string
> = {
  jsonl: (source, target, type, timestamp) =>
    `{"kind":"interaction","platform":"x","source":"u${source}","target":"u${target}","type":"${type}","timestamp":"${timestamp}"}\n`,
  edgeList: (source, target) => `u${source} u${target} 1\n`,
  csv: (source, target) => `u${source},u${target}\n`,
};
const HEADERS: Record<InteractionFormat, string> = {
  jsonl: '',
  edgeList: '',
  csv: 'source,target\n',
};
const EXTENSIONS: Record<InteractionFormat, string> = {
  jsonl: 'jsonl',
  edgeList: 'txt',
  csv: 'csv',
};

/**
 * Writes `records` interaction records among `accounts` accounts: sources uniform, targets
 * heavy-tailed (a few accounts receive most of the attention), in each of `formats` (the same
 * records whatever the formats chosen, for one seed).
 */
export async function writeInteractionFiles<F extends InteractionFormat>(
  prefix: string,
  {
    records,
    accounts,
    seed,
    formats,
  }: { records: number; accounts: number; seed: number; formats: readonly F[] },
): Promise<Pick<InteractionFiles, F>> {
  const outputs = formats.map((format) => ({
    format,
    file: `${prefix}.${EXTENSIONS[format]}`,
    stream: createWriteStream(`${prefix}.${EXTENSIONS[format]}`),
    chunk: HEADERS[format],
  }));
  const rng = new Rng(seed, 'bench-interactions');
  const start = Date.UTC(2024, 0, 1);
  const flush = async () => {
    for (const output of outputs) {
      if (!output.stream.write(output.chunk)) await once(output.stream, 'drain');
      output.chunk = '';
    }
  };
  for (let i = 0; i < records; i++) {
    const source = rng.int(accounts);
    const target = Math.floor(accounts * rng.next() ** 3);
    const type = TYPES[rng.int(TYPES.length)] as string;
    const timestamp = new Date(start + rng.int(365 * 86400) * 1000).toISOString();
    for (const output of outputs) {
      output.chunk += LINES[output.format](source, target, type, timestamp);
    }
    if (i % 8192 === 8191) await flush();
  }
  for (const output of outputs) output.stream.end(output.chunk);
  await Promise.all(outputs.map((output) => once(output.stream, 'finish')));
  return Object.fromEntries(outputs.map(({ format, file }) => [format, file])) as Pick<
    InteractionFiles,
    F
  >;
}

export interface PlantedPartitionFiles {
  /** Undirected edges `u v`, one per line, nodes 0..n-1, no self-loop, no duplicate pair. */
  edgeList: string;
  /** `node community` per line: the planted partition. */
  labels: string;
  nodes: number;
  edges: number;
  communities: number;
}

/**
 * Writes a degree-corrected planted partition (a stochastic block model with heavy-tailed degrees,
 * after Karrer & Newman 2011): community sizes Pareto(α 1.5, ≥ 30), node propensities θ Pareto(α 2.1)
 * capped at 50× the minimum, node ids shuffled. Each edge picks u ∝ θ, then v ∝ θ inside u's community
 * with probability 1 − `mixing`, else among all nodes; self-loops and repeated pairs are drawn again.
 */
export async function writePlantedPartition(
  prefix: string,
  { nodes, edges, mixing, seed }: { nodes: number; edges: number; mixing: number; seed: number },
): Promise<PlantedPartitionFiles> {
  const rng = new Rng(seed, 'bench-planted-partition');
  const ids = rng.shuffle(Array.from({ length: nodes }, (_, i) => i));
  // Communities are runs of the shuffled ids: members[starts[c]..starts[c + 1]).
  const starts = [0];
  while ((starts[starts.length - 1] as number) < nodes) {
    const size = Math.min(Math.round(rng.pareto(1.5, 30)), Math.max(30, nodes / 20));
    starts.push(Math.min(nodes, (starts[starts.length - 1] as number) + size));
  }
  const communities = starts.length - 1;
  const community = new Int32Array(nodes);
  for (let c = 0; c < communities; c++) {
    for (let k = starts[c] as number; k < (starts[c + 1] as number); k++) {
      community[ids[k] as number] = c;
    }
  }
  // Cumulative propensities in member order: globally, and per community as a slice.
  const cumulative = new Float64Array(nodes);
  let sum = 0;
  for (let k = 0; k < nodes; k++) {
    sum += Math.min(rng.pareto(2.1), 50);
    cumulative[k] = sum;
  }
  const pick = (from: number, to: number) => {
    const low0 = from === 0 ? 0 : (cumulative[from - 1] as number);
    const x = low0 + rng.next() * ((cumulative[to - 1] as number) - low0);
    let low = from;
    let high = to - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > x) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const seen = new Set<number>();
  const files = { edgeList: `${prefix}.txt`, labels: `${prefix}.labels` };
  const out = createWriteStream(files.edgeList);
  let chunk = '';
  let written = 0;
  for (let attempts = 0; written < edges && attempts < 20 * edges; attempts++) {
    const a = pick(0, nodes);
    const c = community[ids[a] as number] as number;
    const b = rng.chance(mixing)
      ? pick(0, nodes)
      : pick(starts[c] as number, starts[c + 1] as number);
    const u = ids[a] as number;
    const v = ids[b] as number;
    if (u === v) continue;
    const key = u < v ? u * nodes + v : v * nodes + u;
    if (seen.has(key)) continue;
    seen.add(key);
    chunk += `${u} ${v}\n`;
    written++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  let labels = '';
  for (let v = 0; v < nodes; v++) labels += `${v} ${community[v]}\n`;
  const labelStream = createWriteStream(files.labels);
  labelStream.end(labels);
  await once(labelStream, 'finish');
  return { ...files, nodes, edges: written, communities };
}
