// `kolmap communities`: detect the communities of the inputs' graph, label them, print a table and
// write the partition (graphology JSON with a `community` attribute, a key,community CSV, profiles).
import { join } from 'node:path';
import {
  COMMUNITY_ALGORITHMS,
  type CommunityAlgorithm,
  type CommunityOptions,
  type CommunityProfile,
  type CommunityResult,
  communityStability,
  communitySummaryTable,
  csvRow,
  detectCommunities,
  InvalidInputError,
  profileCommunities,
  resolutionSweep,
  type StabilityResult,
  toGraphologyJson,
  writeFileAtomic,
} from '@kolmap/core';
import type { Command } from 'commander';
import type { AbstractGraph } from 'graphology-types';
import { type GraphFlags, loadGraph, withGraphOptions } from './graph-options.js';
import { toCount } from './input-options.js';
import { createProgress } from './progress.js';
import { writeRejectedReport } from './rejected-report.js';

export interface CommunitiesFlags extends GraphFlags {
  algorithm: string;
  resolution: string;
  seed: string;
  ensemble?: string;
  sweep?: string;
  out?: string;
  json?: boolean;
}

/** Adds the options and the action of `kolmap communities` to its command. */
export function defineCommunities(command: Command): Command {
  return withGraphOptions(command)
    .option('--algorithm <name>', 'leiden | louvain', 'leiden')
    .option(
      '--resolution <r>',
      'modularity resolution: above 1 gives more, smaller communities',
      '1',
    )
    .option('--seed <n>', 'random seed', '42')
    .option(
      '--ensemble <runs>',
      "run that many seeds and report how stable each account's community is",
    )
    .option(
      '--sweep <from:to:steps>',
      'print modularity and community count over a range of resolutions, e.g. 0.5:2:7',
    )
    .option(
      '--out <dir>',
      'write graph.json (with a community attribute), communities.csv, communities.json',
    )
    .option('--json', 'print the summary as JSON')
    .action(runCommunities);
}

/** Detects, labels and profiles the communities of the inputs' graph; sweeps or ensembles on demand. */
async function runCommunities(inputs: string[], flags: CommunitiesFlags): Promise<void> {
  const options = toCommunityOptions(flags);
  const runs = flags.ensemble === undefined ? 1 : toCount(flags.ensemble, 'ensemble');
  const sweep = flags.sweep === undefined ? undefined : toSweep(flags.sweep);
  const progress = createProgress();
  const { dataset, graph } = await loadGraph(inputs, flags, progress);
  if (sweep) {
    progress.stage('sweeping the resolution');
    const rows = resolutionSweep(graph, { ...options, ...sweep });
    progress.done();
    process.stdout.write(flags.json ? `${JSON.stringify(rows)}\n` : formatSweep(rows));
    return;
  }
  progress.stage(runs > 1 ? `detecting communities (${runs} seeds)` : 'detecting communities');
  const result: CommunityResult | StabilityResult =
    runs > 1 ? communityStability(graph, { ...options, runs }) : detectCommunities(graph, options);
  progress.stage('profiling and labelling the communities');
  const profiles = profileCommunities(graph, result.partition, { posts: dataset.posts });
  if (flags.out) {
    progress.stage(`writing ${flags.out}`);
    await writeCommunities(flags.out, graph, result, profiles);
    if (flags.skipInvalid) {
      await writeRejectedReport(
        dataset.report.rejected,
        flags.rejected ?? join(flags.out, 'rejected.csv'),
      );
    }
  }
  progress.done();
  const run = runSummary(graph, result);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ...run, communities: communitySummaryTable(profiles) })}\n`,
    );
    return;
  }
  process.stdout.write(formatRun(run));
  process.stdout.write(formatTable(communitySummaryTable(profiles)));
  if (flags.out)
    process.stdout.write(
      `written to ${flags.out}: graph.json, communities.csv, communities.json\n`,
    );
}

function toCommunityOptions(flags: CommunitiesFlags): Partial<CommunityOptions> {
  if (!(COMMUNITY_ALGORITHMS as readonly string[]).includes(flags.algorithm)) {
    throw new InvalidInputError({
      field: 'algorithm',
      message: `expected one of ${COMMUNITY_ALGORITHMS.join(', ')}, got "${flags.algorithm}"`,
    });
  }
  const resolution = Number(flags.resolution);
  if (!(resolution > 0) || !Number.isFinite(resolution)) {
    throw new InvalidInputError({
      field: 'resolution',
      message: `expected a number > 0, got "${flags.resolution}"`,
    });
  }
  return {
    algorithm: flags.algorithm as CommunityAlgorithm,
    resolution,
    seed: toCount(flags.seed, 'seed'),
  };
}

/** `from:to:steps`, e.g. `0.5:2:7`. */
function toSweep(text: string): { from: number; to: number; steps: number } {
  const [from, to, steps] = text.split(':').map(Number);
  if (
    !(
      from !== undefined &&
      to !== undefined &&
      steps !== undefined &&
      from > 0 &&
      to >= from &&
      Number.isInteger(steps) &&
      steps >= 1
    )
  ) {
    throw new InvalidInputError({
      field: 'sweep',
      message: `expected from:to:steps with 0 < from ≤ to and steps ≥ 1, e.g. 0.5:2:7; got "${text}"`,
    });
  }
  return { from, to, steps };
}

interface RunSummary {
  nodes: number;
  edges: number;
  algorithm: string;
  direction: string;
  resolution: number;
  seed: number;
  count: number;
  modularity: number;
  meanNmi?: number;
  runs?: number;
}

function runSummary(graph: AbstractGraph, result: CommunityResult | StabilityResult): RunSummary {
  const summary: RunSummary = {
    nodes: graph.order,
    edges: graph.size,
    algorithm: result.algorithm,
    direction: result.direction,
    resolution: result.resolution,
    seed: result.seed,
    count: result.count,
    modularity: result.modularity,
  };
  if ('meanNmi' in result) {
    summary.meanNmi = result.meanNmi;
    summary.runs = result.seeds.length;
  }
  return summary;
}

async function writeCommunities(
  folder: string,
  graph: AbstractGraph,
  result: CommunityResult | StabilityResult,
  profiles: CommunityProfile[],
): Promise<void> {
  const confidence = 'confidence' in result ? result.confidence : undefined;
  const annotated = graph.copy();
  annotated.forEachNode((node) => {
    annotated.setNodeAttribute(node, 'community', result.partition[node]);
    if (confidence) annotated.setNodeAttribute(node, 'communityConfidence', confidence[node]);
  });
  function* csv(): Generator<string> {
    yield csvRow(confidence ? ['key', 'community', 'confidence'] : ['key', 'community']);
    for (const { node } of annotated.nodeEntries()) {
      yield csvRow(
        confidence
          ? [node, result.partition[node], round(confidence[node])]
          : [node, result.partition[node]],
      );
    }
  }
  const {
    partition: _partition,
    levels: _levels,
    ...run
  } = result as CommunityResult & { confidence?: unknown };
  const { confidence: _confidence, ...runWithoutConfidence } = run as typeof run & {
    confidence?: unknown;
  };
  await writeFileAtomic(join(folder, 'graph.json'), toGraphologyJson(annotated));
  await writeFileAtomic(join(folder, 'communities.csv'), csv());
  await writeFileAtomic(
    join(folder, 'communities.json'),
    `${JSON.stringify({ run: runWithoutConfidence, communities: profiles }, null, 2)}\n`,
  );
}

function round(value: number | undefined): string {
  return value === undefined ? '' : value.toFixed(4);
}

function formatRun(run: RunSummary): string {
  const stability =
    run.meanNmi === undefined
      ? ''
      : `, mean NMI between ${run.runs} runs ${run.meanNmi.toFixed(3)}`;
  return (
    `${run.nodes} accounts, ${run.edges} edges — ${run.algorithm} (${run.direction}, resolution ${run.resolution}, seed ${run.seed}): ` +
    `${run.count} communities, modularity ${run.modularity.toFixed(4)}${stability}\n\n`
  );
}

function formatSweep(
  rows: Array<{ resolution: number; count: number; modularity: number }>,
): string {
  const lines = rows.map(
    (row) =>
      `${row.resolution.toFixed(3).padStart(10)}  ${String(row.count).padStart(11)}  ${row.modularity.toFixed(4).padStart(10)}`,
  );
  return `${'resolution'.padStart(10)}  ${'communities'.padStart(11)}  ${'modularity'.padStart(10)}\n${lines.join('\n')}\n`;
}

function formatTable(rows: ReturnType<typeof communitySummaryTable>): string {
  const columns = [
    'id',
    'size',
    'label',
    'internal',
    'actorTypes',
    'platforms',
    'topMembers',
  ] as const;
  const titles = {
    id: 'id',
    size: 'size',
    label: 'label',
    internal: 'internal',
    actorTypes: 'actor types',
    platforms: 'platforms',
    topMembers: 'top members',
  };
  const cell = (row: (typeof rows)[number], column: (typeof columns)[number]) =>
    String(row[column]);
  const widths = columns.map((column) =>
    Math.min(48, Math.max(titles[column].length, ...rows.map((row) => cell(row, column).length))),
  );
  const fit = (text: string, width: number) =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
  const line = (cells: string[]) =>
    cells
      .map((text, i) => fit(text, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(columns.map((column) => titles[column])), ...rows.map((row) => line(columns.map((column) => cell(row, column))))].join('\n')}\n`;
}
