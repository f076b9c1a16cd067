// Fixtures of the influence tests: networkx 3.6.1 reference tables (written by reference/make_reference.py),
// the shared-data graphs they were computed on, built the way kolmap builds them, and a seeded large graph.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { createRng } from '../../../src/analyze/random.js';
import { buildInteractionGraph } from '../../../src/build/interaction-graph.js';
import { loadDataset } from '../../../src/load/load-dataset.js';
import { sharedDataPath } from '../../shared-data.js';

const REFERENCE = join(dirname(fileURLToPath(import.meta.url)), 'reference');

/** Values keyed by the data file's node id. */
export type Values = Record<string, number>;

/** The rows of a table of `reference/` (tab-separated, gunzipped when its name ends with .gz). */
function readRows(name: string): string[][] {
  const bytes = readFileSync(join(REFERENCE, name));
  const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));
}

/** A reference table by column: `column → node id → value`. */
export function readReference(name: string): Record<string, Values> {
  const [header = [], ...rows] = readRows(name);
  const columns: Record<string, Values> = {};
  header.slice(1).forEach((column, c) => {
    const values: Values = {};
    for (const row of rows) values[row[0] as string] = Number(row[c + 1]);
    columns[column] = values;
  });
  return columns;
}

/** The interaction graph of a shared-data file (node keys `other:<id>`). */
export async function sharedGraph(relative: string): Promise<AbstractGraph> {
  return buildInteractionGraph(await loadDataset(sharedDataPath(relative)));
}

/** The largest absolute difference between kolmap's values (keys `other:<id>`) and the reference. */
export function maxDifference(actual: Record<string, number>, expected: Values): number {
  const ids = Object.keys(expected);
  expect(Object.keys(actual)).toHaveLength(ids.length);
  let worst = 0;
  for (const id of ids) {
    const value = actual[`other:${id}`];
    if (value === undefined) throw new Error(`node other:${id} is missing`);
    worst = Math.max(worst, Math.abs(value - (expected[id] as number)));
  }
  return worst;
}

/** The seeded random directed graph of `random-directed-edges.tsv`, node keys `other:<id>`. */
export function randomDirectedGraph(): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < 60; i++) graph.addNode(`other:${i}`);
  for (const [s, t, weight] of readRows('random-directed-edges.tsv').slice(1)) {
    graph.addEdge(`other:${s}`, `other:${t}`, { weight: Number(weight) });
  }
  return graph;
}

/** Expects `run` to throw an InvalidInputError whose first problem is on `field`. */
export function expectInvalid(run: () => unknown, field: string): void {
  expect(run).toThrow(
    expect.objectContaining({
      code: 'INVALID_INPUT',
      problems: [expect.objectContaining({ field })],
    }),
  );
}

/**
 * A seeded attention-like directed graph: `n` nodes in `groups` groups, each node giving `degree`
 * edges (weights 1..3), 90 % inside its group, to heavy-tailed targets (a few receive most).
 */
export function attentionGraph(
  seed: number,
  n: number,
  groups: number,
  degree: number,
): DirectedGraph {
  const rng = createRng(seed);
  const graph = new DirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`n${i}`);
  const size = n / groups;
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < degree; e++) {
      const group = rng() < 0.9 ? i % groups : Math.floor(rng() * groups);
      const j = group + groups * Math.floor(size * rng() ** 3);
      if (j !== i) graph.mergeEdge(`n${i}`, `n${j}`, { weight: 1 + Math.floor(rng() * 3) });
    }
  }
  return graph;
}
