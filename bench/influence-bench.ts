// Benchmark of the influence metrics on a generated ~1M-edge attention graph (100,000 accounts):
// kolmap's PageRank beside igraph's (PRPACK) and networkx's (scipy power iteration) on the same edges,
// and betweenness: the adaptive estimate beside the fixed Hoeffding-sized sample kolmap used before
// (the reference of the overlaps and score points), NetworKit's KADABRA top-k, and igraph per source.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep } from './child-process.js';
import { writeInteractionFiles } from './inputs.js';
import { runReference } from './python.js';
import type { BenchResult } from './run.js';

const TARGET_PAGERANK_RATIO = 3;
const IGRAPH_SOURCES = 300;

export async function benchInfluence({ records }: { records: number }): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-'));
  try {
    const files = await writeInteractionFiles(join(folder, 'interactions'), {
      records,
      accounts: Math.max(1000, Math.round(records / 10)),
      seed: 42,
      formats: ['edgeList'],
    });
    const scores = join(folder, 'pagerank.txt');
    const top = join(folder, 'betweenness-top.txt');
    const kolmap = runStep('influence', [files.edgeList, scores, top]);
    const kadabra = runReference('networkit_kadabra.py', [files.edgeList, top]);
    const igraph = runReference('igraph_influence.py', [
      files.edgeList,
      scores,
      String(IGRAPH_SOURCES),
    ]);
    const networkx = runReference('networkx_pagerank.py', [files.edgeList, scores]);
    const n = (value: number | undefined, digits = 2) => (value ?? Number.NaN).toFixed(digits);
    const pagerankRatio =
      igraph?.pagerankSeconds && kolmap.pagerankSeconds
        ? kolmap.pagerankSeconds / igraph.pagerankSeconds
        : Number.NaN;
    const perSource = (seconds?: number, sources?: number) =>
      ((seconds ?? Number.NaN) / (sources ?? Number.NaN)) * 1000;
    const betweennessRatio =
      (kolmap.betweennessSeconds ?? Number.NaN) / (kolmap.fixedSeconds ?? Number.NaN);
    const rows: Array<Record<string, string | number>> = [
      {
        step: 'kolmap CSR network (once, shared)',
        seconds: n(kolmap.networkSeconds),
        detail: `${kolmap.nodes} nodes, ${kolmap.edges} edges`,
      },
      {
        step: 'kolmap PageRank (median of 3)',
        seconds: n(kolmap.pagerankSeconds, 3),
        detail: `${kolmap.pagerankIterations} iterations, max error ${n(kolmap.pagerankGap, 12)}`,
        'time / igraph': Number.isNaN(pagerankRatio) ? 'n/a' : pagerankRatio.toFixed(2),
      },
      {
        step: 'kolmap HITS',
        seconds: n(kolmap.hitsSeconds, 3),
        detail: `${kolmap.hitsIterations} iterations`,
      },
      { step: 'kolmap coreness', seconds: n(kolmap.corenessSeconds, 3), detail: '' },
      {
        step: 'kolmap betweenness, fixed sample (before; reference of the overlaps)',
        seconds: n(kolmap.fixedSeconds),
        detail: `${kolmap.fixedPivots} pivots (ε ${n(kolmap.fixedErrorBound, 3)}, δ 0.1), ${kolmap.betweennessThreads} threads, ${n(perSource(kolmap.fixedSeconds, kolmap.fixedPivots), 1)} ms/source; top-${kolmap.betweennessTopK} scale error ${n(kolmap.fixedScaleError, 3)}, ln(1 + B/m) ${n(kolmap.betweennessLogRange)}`,
        'time / igraph': igraph
          ? (
              perSource(kolmap.fixedSeconds, kolmap.fixedPivots) /
              perSource(igraph.betweennessSeconds, igraph.pivots)
            ).toFixed(2)
          : 'n/a',
      },
      {
        step: 'kolmap betweenness, adaptive (default)',
        seconds: n(kolmap.betweennessSeconds),
        detail: `${kolmap.betweennessPivots} pivots, stopped by ${kolmap.betweennessStop} (top-${kolmap.betweennessTopK} scale error ${n(kolmap.betweennessScaleError, 3)}); overlap with the fixed sample: top 100 ${n(kolmap.betweennessOverlap100)}, top 1 % ${n(kolmap.betweennessOverlap)}; largest score-point gap: top 100 ${n(kolmap.betweennessPointGap100)}, top 1 % ${n(kolmap.betweennessPointGapTop)}`,
        'time / fixed': n(betweennessRatio),
      },
    ];
    rows.push({
      step: 'kolmap betweenness, fixed sample ε 0.1 (the map analysis before)',
      seconds: n(kolmap.coarseSeconds),
      detail: `${kolmap.coarsePivots} pivots (top-${kolmap.betweennessTopK} scale error ${n(kolmap.coarseScaleError, 3)}); overlap with the ε 0.05 sample: top 100 ${n(kolmap.coarseOverlap100)}, top 1 % ${n(kolmap.coarseOverlap)}; largest score-point gap: top 100 ${n(kolmap.coarsePointGap100)}, top 1 % ${n(kolmap.coarsePointGapTop)}`,
      'time / fixed': n((kolmap.coarseSeconds ?? Number.NaN) / (kolmap.fixedSeconds ?? Number.NaN)),
    });
    if (kadabra) {
      rows.push({
        step: 'NetworKit KADABRA top-k (ε 0.01, δ 0.1, 2 threads, undirected view)',
        seconds: n(kadabra.kadabraSeconds),
        detail: `top ${kadabra.topK}; top-1 % overlap with kolmap's fixed sample ${n(kadabra.kadabraOverlap)}`,
        'time / fixed': n(
          (kadabra.kadabraSeconds ?? Number.NaN) / (kolmap.fixedSeconds ?? Number.NaN),
        ),
      });
    }
    if (igraph) {
      rows.push(
        {
          step: 'igraph PageRank (PRPACK, median of 3)',
          seconds: n(igraph.pagerankSeconds, 3),
          detail: `max |kolmap − igraph| ${n(igraph.maxDifference, 12)}`,
        },
        {
          step: 'igraph betweenness from random sources',
          seconds: n(igraph.betweennessSeconds),
          detail: `${igraph.pivots} sources, ${n(perSource(igraph.betweennessSeconds, igraph.pivots), 1)} ms/source`,
        },
      );
    }
    if (networkx) {
      const ratio = (seconds?: number) =>
        igraph?.pagerankSeconds && seconds ? (seconds / igraph.pagerankSeconds).toFixed(2) : 'n/a';
      rows.push(
        {
          step: 'networkx PageRank, tol 1e-12 (median of 3)',
          seconds: n(networkx.pagerankSeconds, 3),
          detail: `max |kolmap − networkx| ${n(networkx.maxDifference, 12)}; reading the graph ${n(networkx.readSeconds)} s`,
          'time / igraph': ratio(networkx.pagerankSeconds),
        },
        {
          step: 'networkx PageRank, its default tol 1e-6 (median of 3)',
          seconds: n(networkx.pagerankDefaultSeconds, 3),
          detail: '',
          'time / igraph': ratio(networkx.pagerankDefaultSeconds),
        },
      );
    }
    return {
      entry: `influence: metrics on the graph of ${records.toLocaleString('en')} interaction records`,
      rows,
      targets: [
        {
          target: `kolmap PageRank within ${TARGET_PAGERANK_RATIO}× igraph's time`,
          met: pagerankRatio <= TARGET_PAGERANK_RATIO,
        },
        {
          target:
            'adaptive betweenness stops by its scale error, in under 0.6× the fixed sample’s time',
          met: String(kolmap.betweennessStop) === 'scaleError' && betweennessRatio < 0.6,
        },
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
