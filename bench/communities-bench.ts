// Benchmark of community detection: kolmap's Louvain and Leiden beside igraph's multilevel and Leiden on
// the same generated planted-partition edge lists (~N/10 and ~N edges), algorithm time apart from graph building.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep } from './child-process.js';
import { type PlantedPartitionFiles, writePlantedPartition } from './inputs.js';
import { runReference } from './python.js';
import type { BenchResult } from './run.js';

/** kolmap time / igraph time at the largest size, at most. */
const TARGET_LOUVAIN_RATIO = 3;
const TARGET_LEIDEN_RATIO = 4;
/** kolmap's modularity ≥ igraph's − this, every size. */
const TARGET_MODULARITY_GAP = 0.005;
/** Each algorithm runs once per seed in one process; the fastest run is the time. */
const SEEDS = '1,2,3';
/** The share of each planted edge drawn among all nodes rather than inside its community. */
export const MIXING = 0.3;

type Measure = Record<string, number>;

export async function benchCommunities({ records }: { records: number }): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-communities-'));
  try {
    const rows: BenchResult['rows'] = [];
    const targets: BenchResult['targets'] = [];
    const sizes = [Math.round(records / 10), records];
    for (const edges of sizes) {
      const files = await writePlantedPartition(join(folder, `planted-${edges}`), {
        nodes: Math.round(edges / 10),
        edges,
        mixing: MIXING,
        seed: 42,
      });
      const measured = measure(files);
      const label = `${files.nodes.toLocaleString('en')} nodes, ${files.edges.toLocaleString('en')} edges, ${files.communities} planted`;
      for (const [name, run, reference] of [
        ['kolmap Louvain', measured.louvain, measured.multilevel],
        [
          'kolmap Louvain, directed graph (symmetrised copy)',
          measured.louvainCopy,
          measured.multilevel,
        ],
        ['igraph multilevel', measured.multilevel, measured.multilevel],
        ['kolmap Leiden (until stable, ≤ 10 iterations)', measured.leiden, measured.igraphLeiden],
        ['igraph Leiden (n_iterations=-1)', measured.igraphLeiden, measured.igraphLeiden],
        ['kolmap Leiden (maxIterations 2)', measured.leiden2, measured.igraphLeiden2],
        ['igraph Leiden (n_iterations=2)', measured.igraphLeiden2, measured.igraphLeiden2],
      ] as Array<[string, Measure, Measure | null]>) {
        rows.push(row(label, name, run, reference));
      }
      const largest = edges === sizes[sizes.length - 1];
      for (const [name, ours, theirs, ratio] of [
        ['Louvain', measured.louvain, measured.multilevel, TARGET_LOUVAIN_RATIO],
        ['Leiden until stable', measured.leiden, measured.igraphLeiden, TARGET_LEIDEN_RATIO],
        [
          'Leiden, 2 iterations both',
          measured.leiden2,
          measured.igraphLeiden2,
          TARGET_LEIDEN_RATIO,
        ],
      ] as Array<[string, Measure, Measure | null, number]>) {
        targets.push({
          target: `${name}, ${edges.toLocaleString('en')} edges: modularity ≥ igraph's − ${TARGET_MODULARITY_GAP}`,
          met:
            theirs !== null &&
            (ours.modularity as number) >= (theirs.modularity as number) - TARGET_MODULARITY_GAP,
        });
        if (largest) {
          targets.push({
            target: `${name}, ${edges.toLocaleString('en')} edges: time ≤ ${ratio}× igraph's`,
            met: theirs !== null && (ours.seconds as number) <= ratio * (theirs.seconds as number),
          });
        }
      }
    }
    return {
      entry: `communities: Louvain and Leiden on planted partitions (degree-corrected, heavy-tailed, mixing ${MIXING}), seeds ${SEEDS}, fastest run`,
      rows,
      targets,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function measure(files: PlantedPartitionFiles): {
  louvain: Measure;
  louvainCopy: Measure;
  leiden: Measure;
  leiden2: Measure;
  multilevel: Measure | null;
  igraphLeiden: Measure | null;
  igraphLeiden2: Measure | null;
} {
  const kolmap = (algorithm: string, graphType: string) =>
    runStep('communities', [files.edgeList, files.labels, algorithm, graphType, SEEDS]);
  const igraph = (algorithm: string) =>
    runReference('igraph_communities.py', [files.edgeList, files.labels, algorithm, SEEDS]);
  return {
    louvain: kolmap('louvain', 'undirected'),
    multilevel: igraph('multilevel'),
    leiden: kolmap('leiden', 'undirected'),
    igraphLeiden: igraph('leiden'),
    leiden2: kolmap('leiden-2', 'undirected'),
    igraphLeiden2: igraph('leiden-2'),
    // The same edges loaded as a directed graph: graphology's Louvain needs an undirected copy first.
    louvainCopy: kolmap('louvain', 'directed'),
  };
}

function row(
  graph: string,
  implementation: string,
  run: Measure | null,
  reference: Measure | null,
): Record<string, string | number> {
  if (run === null) return { graph, implementation, 'algorithm s': 'n/a (no Python reference)' };
  const seconds = run.seconds as number;
  return {
    graph,
    implementation,
    'build s': (run.buildSeconds as number).toFixed(2),
    'algorithm s': seconds.toFixed(2),
    modularity: (run.modularity as number).toFixed(4),
    'NMI planted': (run.nmi as number).toFixed(3),
    communities: run.communities as number,
    'time / igraph': reference ? (seconds / (reference.seconds as number)).toFixed(2) : 'n/a',
    'ΔQ vs igraph': reference
      ? signed((run.modularity as number) - (reference.modularity as number))
      : 'n/a',
    'peak MB': Math.round(run.peakMb as number),
  };
}

/** A difference with its sign, `+0.0000` for anything that rounds to zero. */
function signed(value: number): string {
  const text = Math.abs(value).toFixed(4);
  return value < 0 && Number(text) !== 0 ? `−${text}` : `+${text}`;
}
