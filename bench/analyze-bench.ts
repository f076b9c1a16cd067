// Benchmark of `kolmap analyze` against the scale issue's targets, side by side in one run on the same
// generated directed `source,target` CSV (~N/10 and N interaction records): the igraph script
// (load + Leiden + PageRank + HITS + coreness + GraphML) and the kolmap CLI as a user runs it, each a
// whole process (wall time, peak memory, how it ended), then the seconds of each stage of core's
// runAnalysis in-process; and `kolmap communities` beside igraph's read + multilevel on a planted
// partition of up to 1M edges.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProcessRun, runProcess, runStep } from './child-process.js';
import { MIXING } from './communities-bench.js';
import { writeInteractionFiles, writePlantedPartition } from './inputs.js';
import { referenceCommand } from './python.js';
import type { BenchResult } from './run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The built CLI, as `kolmap` runs it once installed. */
const KOLMAP = join(ROOT, 'packages', 'cli', 'bin', 'kolmap.js');
/** From 1M records: whole `kolmap analyze` ≤ this × the igraph script's wall time, peak RSS ≤ 1.5 GB. */
const TARGET_RATIO = 2;
const TARGET_PEAK_MB = 1.5 * 1024;
/** From 10M records: whole `kolmap analyze` < 180 s and peak RSS < 8 GB, Node's default flags. */
const LARGE_RECORDS = 10_000_000;
const TARGET_LARGE_SECONDS = 180;
const TARGET_LARGE_PEAK_MB = 8 * 1024;
/** `kolmap communities`, whole process, ≤ this × igraph's read + multilevel, at up to 1M edges. */
const TARGET_COMMUNITIES_RATIO = 1.5;
const COMMUNITIES_EDGES = 1_000_000;
const STAGES = [
  ['load', 'load s'],
  ['build', 'build s'],
  ['communities', 'communities s'],
  ['influence', 'influence s'],
  ['score', 'score s'],
  ['profiles', 'profiles s'],
  ['layout', 'layout s'],
  ['writeDefault', 'default outputs s'],
  ['writeAll', 'all formats s'],
] as const;

type Row = Record<string, string | number>;

export async function benchAnalyze({ records }: { records: number }): Promise<BenchResult> {
  buildCli();
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-analyze-'));
  try {
    const rows: Row[] = [];
    const targets: BenchResult['targets'] = [];
    for (const size of [Math.round(records / 10), records]) {
      const { csv } = await writeInteractionFiles(join(folder, `interactions-${size}`), {
        records: size,
        accounts: Math.max(1000, Math.round(size / 10)),
        seed: 42,
        formats: ['csv'],
      });
      const graph = `${size.toLocaleString('en')} records, ${Math.max(1000, Math.round(size / 10)).toLocaleString('en')} accounts`;
      const igraph = wholeReference('igraph_analyze.py', [csv, join(folder, 'igraph')]);
      rmSync(join(folder, 'igraph'), { recursive: true, force: true });
      const kolmap = runProcess(process.execPath, [
        KOLMAP,
        'analyze',
        csv,
        '--out',
        join(folder, 'kolmap'),
        '--json',
      ]);
      rmSync(join(folder, 'kolmap'), { recursive: true, force: true });
      rows.push(wholeRow(graph, 'igraph script (whole process)', igraph, igraph));
      rows.push(wholeRow(graph, 'kolmap analyze CLI (whole process)', kolmap, igraph));
      rows.push(stagesRow(graph, kolmap, csv, join(folder, 'map')));
      rmSync(join(folder, 'map'), { recursive: true, force: true });
      rmSync(csv, { force: true });
      targets.push(...analyzeTargets(size, kolmap, igraph));
    }
    const communities = await benchCommunitiesCommand(folder, Math.min(records, COMMUNITIES_EDGES));
    rows.push(...communities.rows);
    targets.push(...communities.targets);
    return {
      entry: `analyze: kolmap analyze (CLI, default outputs, Node's default flags) beside the igraph script on the same directed source,target CSV of ${Math.round(records / 10).toLocaleString('en')} and ${records.toLocaleString('en')} records (seed 42), core's runAnalysis per stage in-process on it; kolmap communities beside igraph's read + multilevel`,
      rows,
      targets,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Builds the CLI and the packages it uses when their build is missing or stale, untimed. */
function buildCli(): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools', 'run-kolmap.mjs'), '--help'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('bench analyze: building the kolmap CLI failed');
}

/** A reference script run as a whole process, or null when there is no Python reference. */
function wholeReference(script: string, args: string[]): ProcessRun | null {
  const command = referenceCommand(script, args);
  return command ? runProcess(...command) : null;
}

/** The JSON a process printed on its last stdout line, or {} when it printed none. */
function printed(run: ProcessRun | null): Record<string, number> {
  const last = run?.stdout.trim().split('\n').pop() ?? '';
  return run?.status === 0 && last.startsWith('{') ? JSON.parse(last) : {};
}

function wholeRow(
  graph: string,
  run: string,
  measured: ProcessRun | null,
  reference: ProcessRun | null,
): Row {
  if (measured === null) return { graph, run, ended: 'n/a (no Python reference)' };
  const summary = printed(measured);
  const row: Row = {
    graph,
    run,
    'wall s': measured.seconds.toFixed(1),
    'peak MB': measured.peakMb === null ? 'n/a' : Math.round(measured.peakMb),
    'time / igraph':
      measured.status === 0 && reference?.status === 0
        ? (measured.seconds / reference.seconds).toFixed(2)
        : 'n/a',
    communities: summary.count ?? summary.communities ?? '',
    modularity: summary.modularity?.toFixed(4) ?? '',
    ended:
      measured.failure === null
        ? 'ok'
        : `died after ${measured.seconds.toFixed(0)} s: ${measured.failure}`,
  };
  return row;
}

/** Core's runAnalysis on the same file in-process, per stage; not run when the CLI died. */
function stagesRow(graph: string, cli: ProcessRun, csv: string, out: string): Row {
  const row: Row = { graph, run: 'kolmap runAnalysis in-process (per stage, tsx)' };
  if (cli.failure !== null) return { ...row, ended: 'not run: the CLI died' };
  try {
    const run = runStep('analyze', [csv, out]);
    for (const [stage, column] of STAGES) {
      row[column] = (run[`${stage}Seconds`] ?? Number.NaN).toFixed(1);
    }
    row['wall s'] = `${(run.seconds ?? Number.NaN).toFixed(1)} (default outputs)`;
    row['peak MB'] = Math.round(run.peakMb ?? Number.NaN);
    row['writing all peak MB'] = Math.round(run.writeAllPeakMb ?? Number.NaN);
    row.ended = 'ok';
  } catch (error) {
    row.ended = `died: ${(error as Error).message.split('\n').find((line) => line.includes('FATAL ERROR')) ?? (error as Error).message.split('\n')[0]}`;
  }
  return row;
}

function analyzeTargets(
  records: number,
  kolmap: ProcessRun,
  igraph: ProcessRun | null,
): BenchResult['targets'] {
  const size = `${records.toLocaleString('en')} records`;
  const completed = kolmap.status === 0;
  const peak = kolmap.peakMb ?? Number.POSITIVE_INFINITY;
  if (records >= LARGE_RECORDS) {
    return [
      {
        target: `${size}: kolmap analyze completes with Node's default flags in < ${TARGET_LARGE_SECONDS} s`,
        met: completed && kolmap.seconds < TARGET_LARGE_SECONDS,
      },
      {
        target: `${size}: kolmap analyze peak memory < ${TARGET_LARGE_PEAK_MB} MB (8 GB)`,
        met: completed && peak < TARGET_LARGE_PEAK_MB,
      },
    ];
  }
  if (records < COMMUNITIES_EDGES) return [];
  return [
    {
      target: `${size}: kolmap analyze (whole process, default outputs) ≤ ${TARGET_RATIO}× the igraph script's wall time`,
      met: completed && igraph?.status === 0 && kolmap.seconds <= TARGET_RATIO * igraph.seconds,
    },
    {
      target: `${size}: kolmap analyze peak memory ≤ ${TARGET_PEAK_MB} MB (1.5 GB), Node's default flags`,
      met: completed && peak <= TARGET_PEAK_MB,
    },
  ];
}

/**
 * `kolmap communities --undirected` (default algorithm) on the planted partition `pnpm bench
 * communities` generates, beside igraph_communities.py reading it and running multilevel once, each
 * a whole process.
 */
async function benchCommunitiesCommand(
  folder: string,
  edges: number,
): Promise<Pick<BenchResult, 'rows' | 'targets'>> {
  const files = await writePlantedPartition(join(folder, `planted-${edges}`), {
    nodes: Math.round(edges / 10),
    edges,
    mixing: MIXING,
    seed: 42,
  });
  const graph = `planted, ${files.nodes.toLocaleString('en')} nodes, ${files.edges.toLocaleString('en')} edges`;
  const igraph = wholeReference('igraph_communities.py', [
    files.edgeList,
    files.labels,
    'multilevel',
    '1',
  ]);
  const kolmap = runProcess(process.execPath, [
    KOLMAP,
    'communities',
    files.edgeList,
    '--undirected',
    '--json',
  ]);
  return {
    rows: [
      wholeRow(graph, 'igraph read + multilevel (whole process)', igraph, igraph),
      wholeRow(graph, 'kolmap communities CLI (whole process)', kolmap, igraph),
    ],
    targets: [
      {
        target: `kolmap communities, ${files.edges.toLocaleString('en')} edges: whole process ≤ ${TARGET_COMMUNITIES_RATIO}× igraph's read + multilevel`,
        met:
          kolmap.status === 0 &&
          igraph?.status === 0 &&
          kolmap.seconds <= TARGET_COMMUNITIES_RATIO * igraph.seconds,
      },
    ],
  };
}
