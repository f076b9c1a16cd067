// `pnpm layout:picture [--dataset ahca|higgs] [--out test/artifacts]`: analyses a real dataset of
// ../shared/data as `kolmap analyze` does, times the layout, measures how well it separates the
// communities, and draws the positions as a PNG (one dot per account, coloured by community).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';
import type { AbstractGraph } from 'graphology-types';
import {
  type AnalysisStage,
  analyzeGraph,
  buildInteractionGraph,
  type LoadOptions,
  loadDataset,
} from '../packages/core/src/index.js';
import { sharedDataPath } from '../packages/core/test/shared-data.js';
import { AHCA_LOAD_OPTIONS, writeAhcaInputs } from '../test/validation/ahca-dataset.js';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'ahca' },
    out: { type: 'string', default: 'test/artifacts' },
    pixels: { type: 'string', default: '1600' },
  },
});

const PALETTE = [
  [78, 121, 167],
  [242, 142, 43],
  [225, 87, 89],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
  [31, 119, 180],
  [148, 103, 189],
  [23, 190, 207],
] as const;
const OTHER = [170, 170, 170] as const;

const folder = mkdtempSync(join(tmpdir(), 'kolmap-layout-'));
try {
  const { inputs, options } = await datasetInputs(values.dataset, folder);
  const graph = buildInteractionGraph(await loadDataset(inputs, options));
  const seconds: Partial<Record<AnalysisStage, number>> = {};
  const cpuSeconds: Partial<Record<AnalysisStage, number>> = {};
  let current = null as AnalysisStage | null;
  let clock = performance.now();
  let cpu = process.cpuUsage();
  let lastPercent = -10;
  analyzeGraph(
    graph,
    { seed: 42 },
    (stage) => {
      const now = performance.now();
      if (current !== null) {
        seconds[current] = (now - clock) / 1000;
        cpuSeconds[current] = cpuSince(cpu);
      }
      current = stage;
      clock = now;
      cpu = process.cpuUsage();
    },
    (stage, fraction) => {
      const percent = Math.floor(fraction * 100);
      if (percent >= lastPercent + 10) {
        lastPercent = percent;
        process.stderr.write(`${stage} ${percent} %\n`);
      }
    },
  );
  if (current !== null) {
    seconds[current] = (performance.now() - clock) / 1000;
    cpuSeconds[current] = cpuSince(cpu);
  }
  mkdirSync(values.out, { recursive: true });
  const file = join(values.out, `layout-${values.dataset}.png`);
  writeFileSync(file, drawPng(graph, Number(values.pixels)));
  process.stdout.write(
    `${JSON.stringify({ dataset: values.dataset, accounts: graph.order, links: graph.size, seconds, cpuSeconds, separation: separation(graph), file })}\n`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/** Seconds of CPU (user + system) since `start`: the machine may be shared, wall time then misleads. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

async function datasetInputs(
  dataset: string | undefined,
  folder: string,
): Promise<{ inputs: string[]; options: LoadOptions }> {
  if (dataset === 'ahca')
    return { inputs: await writeAhcaInputs(folder), options: AHCA_LOAD_OPTIONS };
  if (dataset === 'higgs') {
    return {
      inputs: [sharedDataPath('higgs_twitter/higgs-mention_network.edgelist')],
      options: { platform: 'x' },
    };
  }
  throw new Error(`unknown dataset ${dataset}: expected ahca or higgs`);
}

/**
 * Over the accounts of the communities of 50 members or more: the share closer to their own
 * community's centroid than to any other such centroid, and the median of (distance to own
 * centroid) / (distance to the nearest other centroid).
 */
function separation(graph: AbstractGraph): {
  communities: number;
  closerToOwn: number;
  medianRatio: number;
} {
  const sums = new Map<number, { x: number; y: number; count: number }>();
  graph.forEachNode((_node, { community, x, y }) => {
    const sum = sums.get(community) ?? { x: 0, y: 0, count: 0 };
    sum.x += x;
    sum.y += y;
    sum.count++;
    sums.set(community, sum);
  });
  const centres = [...sums].filter(([, sum]) => sum.count >= 50);
  const ratios: number[] = [];
  let closer = 0;
  graph.forEachNode((_node, { community, x, y }) => {
    let own = Number.NaN;
    let nearestOther = Number.POSITIVE_INFINITY;
    for (const [id, sum] of centres) {
      const distance = Math.hypot(x - sum.x / sum.count, y - sum.y / sum.count);
      if (id === community) own = distance;
      else nearestOther = Math.min(nearestOther, distance);
    }
    if (Number.isNaN(own) || centres.length < 2) return;
    ratios.push(own / nearestOther);
    if (own < nearestOther) closer++;
  });
  ratios.sort((a, b) => a - b);
  return {
    communities: centres.length,
    closerToOwn: ratios.length > 0 ? closer / ratios.length : 1,
    medianRatio: ratios[Math.floor(ratios.length / 2)] ?? 0,
  };
}

/** The positions as a square PNG: a 2×2 dot per account, the 12 largest communities in colour. */
function drawPng(graph: AbstractGraph, pixels: number): Buffer {
  const counts = new Map<number, number>();
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_node, { community, x, y }) => {
    counts.set(community, (counts.get(community) ?? 0) + 1);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const colours = new Map(
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, PALETTE.length)
      .map(([id], k) => [id, PALETTE[k] as readonly number[]]),
  );
  const scale = (pixels - 8) / Math.max(maxX - minX, maxY - minY, 1e-9);
  const row = pixels * 3 + 1;
  const raw = Buffer.alloc(row * pixels, 255);
  for (let y = 0; y < pixels; y++) raw[y * row] = 0;
  graph.forEachNode((_node, { community, x, y }) => {
    const colour = colours.get(community) ?? OTHER;
    const px = Math.round(4 + (x - minX) * scale);
    const py = Math.round(pixels - 5 - (y - minY) * scale);
    for (let dy = 0; dy < 2; dy++) {
      for (let dx = 0; dx < 2; dx++) {
        const at = (py + dy) * row + 1 + (px + dx) * 3;
        if (py + dy < pixels && px + dx < pixels) raw.set(colour, at);
      }
    }
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
