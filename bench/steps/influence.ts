// Bench step: influence metrics on the interaction graph of one edge list; prints times (PageRank: the
// median of 3 runs) and how the adaptive betweenness compares with the fixed sample (overlaps, KOL
// score points), writes the PageRank scores (`id value` lines) and the top 1 % of the fixed-sample
// betweenness (one id a line) for the references to compare.
import { writeFileSync } from 'node:fs';
import { logScaledValues } from '../../packages/core/src/analyze/score/log-scaled-values.js';
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
// Fixed Hoeffding-sized samples kolmap used before: ε 0.05 (computeBetweenness's default, the
// reference of the overlaps and points) and ε 0.1 (the map analysis's).
const nodes = network.value.keys.length;
const fixedSample = (epsilon: number) =>
  timed(() =>
    networkBetweenness(network.value, {
      ...DEFAULT_BETWEENNESS_OPTIONS,
      samples: betweennessPivots(nodes, epsilon, 0.1),
    }),
  );
const fixed = fixedSample(0.05);
const coarse = fixedSample(0.1);
const topCount = Math.ceil(nodes / 100);
const topOf = (scores: Float64Array, count = topCount) =>
  [...scores.keys()]
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
    .slice(0, count);
const fixedTop = topOf(fixed.value.scores);
const fixedTop100 = topOf(fixed.value.scores, 100);
// The KOL score's betweenness points at the default weight 0.1, from each estimate.
const points = (scores: Float64Array) =>
  (logScaledValues(scores) as Float64Array).map((value) => 10 * value);
const fixedPoints = points(fixed.value.scores);
/** How an estimate compares with the ε 0.05 sample: top overlaps, largest score-point gaps. */
function compared(scores: Float64Array) {
  const overlap = (reference: number[]) => {
    const set = new Set(reference);
    return (
      topOf(scores, reference.length).filter((node) => set.has(node)).length / reference.length
    );
  };
  const own = points(scores);
  const gap = (accounts: number[]) =>
    Math.max(...accounts.map((i) => Math.abs((own[i] as number) - (fixedPoints[i] as number))));
  return {
    overlap100: overlap(fixedTop100),
    overlapTop: overlap(fixedTop),
    pointGap100: gap(fixedTop100),
    pointGapTop: gap(fixedTop),
  };
}
const adaptive = compared(betweenness.value.scores);
const coarseCompared = compared(coarse.value.scores);
const positive = fixed.value.scores.filter((value) => value > 0).sort();
const logRange = Math.log1p(
  (positive[positive.length - 1] as number) / (positive[(positive.length - 1) >> 1] as number),
);
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
    betweennessScaleError: betweenness.value.scaleError,
    betweennessTopK: betweenness.value.topK,
    betweennessThreads: betweenness.value.threads,
    betweennessErrorBound: betweenness.value.errorBound,
    betweennessOverlap: adaptive.overlapTop,
    betweennessOverlap100: adaptive.overlap100,
    betweennessPointGap100: adaptive.pointGap100,
    betweennessPointGapTop: adaptive.pointGapTop,
    betweennessLogRange: logRange,
    fixedSeconds: fixed.seconds,
    fixedPivots: fixed.value.sources,
    fixedScaleError: fixed.value.scaleError,
    fixedErrorBound: fixed.value.errorBound,
    coarseSeconds: coarse.seconds,
    coarsePivots: coarse.value.sources,
    coarseScaleError: coarse.value.scaleError,
    coarseOverlap: coarseCompared.overlapTop,
    coarseOverlap100: coarseCompared.overlap100,
    coarsePointGap100: coarseCompared.pointGap100,
    coarsePointGapTop: coarseCompared.pointGapTop,
    topK: topCount,
    peakMb: peakMb(),
  })}\n`,
);
