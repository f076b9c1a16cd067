// Bench step: influence metrics on the interaction graph of one edge list; prints times (PageRank: the
// median of 3 runs), writes the PageRank scores (`id value` lines) and the top 1 % of the fixed-sample
// betweenness (one id a line) for the references to compare.
import { writeFileSync } from 'node:fs';
import {
  betweennessPivots,
  buildInteractionGraph,
  DEFAULT_BETWEENNESS_OPTIONS,
  DEFAULT_HITS_OPTIONS,
  DEFAULT_PAGERANK_OPTIONS,
  loadDataset,
  networkBetweenness,
  networkCoreness,
  networkHits,
  networkPageRank,
  toInfluenceNetwork,
  toUndirectedView,
} from '../../packages/core/src/index.js';
import { peakMb } from '../child-process.js';

const [file = '', scoresFile = '', topFile = ''] = process.argv.slice(2);
const graph = buildInteractionGraph(await loadDataset(file));

function timed<T>(run: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - start) / 1000 };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const network = timed(() => toInfluenceNetwork(graph, 'weight'));
const pageranks = [0, 1, 2].map(() =>
  timed(() => networkPageRank(network.value, DEFAULT_PAGERANK_OPTIONS)),
);
const pagerank = (pageranks[0] as (typeof pageranks)[number]).value;
const limit = networkPageRank(network.value, { ...DEFAULT_PAGERANK_OPTIONS, tolerance: 1e-15 });
let pagerankGap = 0;
pagerank.scores.forEach((value, i) => {
  pagerankGap = Math.max(pagerankGap, Math.abs(value - (limit.scores[i] as number)));
});
const hits = timed(() => networkHits(network.value, DEFAULT_HITS_OPTIONS));
const coreness = timed(() => networkCoreness(toUndirectedView(network.value)));
const betweenness = timed(() => networkBetweenness(network.value, DEFAULT_BETWEENNESS_OPTIONS));
// The fixed Hoeffding-sized sample (ε 0.05, δ 0.1) kolmap used before, the reference of the overlaps.
const nodes = network.value.keys.length;
const fixed = timed(() =>
  networkBetweenness(network.value, {
    ...DEFAULT_BETWEENNESS_OPTIONS,
    samples: betweennessPivots(nodes, 0.05, 0.1),
  }),
);
const topCount = Math.ceil(nodes / 100);
const topOf = (scores: Float64Array) =>
  [...scores.keys()]
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
    .slice(0, topCount);
const fixedTop = topOf(fixed.value.scores);
const fixedTopSet = new Set(fixedTop);
const adaptiveOverlap =
  topOf(betweenness.value.scores).filter((node) => fixedTopSet.has(node)).length / topCount;
const id = (key: string) => key.slice(key.indexOf(':') + 1);
writeFileSync(topFile, fixedTop.map((i) => `${id(network.value.keys[i] as string)}\n`).join(''));

writeFileSync(
  scoresFile,
  network.value.keys.map((key, i) => `${id(key)} ${pagerank.scores[i]}\n`).join(''),
);
process.stdout.write(
  `${JSON.stringify({
    nodes: graph.order,
    edges: graph.size,
    networkSeconds: network.seconds,
    pagerankSeconds: median(pageranks.map((run) => run.seconds)),
    pagerankIterations: pagerank.iterations,
    pagerankGap,
    hitsSeconds: hits.seconds,
    hitsIterations: hits.value.iterations,
    corenessSeconds: coreness.seconds,
    betweennessSeconds: betweenness.seconds,
    betweennessPivots: betweenness.value.sources,
    betweennessStop: betweenness.value.stoppedBy,
    betweennessAgreement: betweenness.value.agreement,
    betweennessErrorBound: betweenness.value.errorBound,
    betweennessOverlap: adaptiveOverlap,
    fixedSeconds: fixed.seconds,
    fixedPivots: fixed.value.sources,
    fixedErrorBound: fixed.value.errorBound,
    topK: topCount,
    peakMb: peakMb(),
  })}\n`,
);
