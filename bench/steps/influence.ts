// Bench step: influence metrics on the interaction graph of one edge list; prints times (PageRank: the
// median of 3 runs) and writes the PageRank scores (`id value` lines) for the reference to compare.
import { writeFileSync } from 'node:fs';
import {
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

const [file = '', scoresFile = ''] = process.argv.slice(2);
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

writeFileSync(
  scoresFile,
  network.value.keys
    .map((key, i) => `${key.slice(key.indexOf(':') + 1)} ${pagerank.scores[i]}\n`)
    .join(''),
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
    betweennessErrorBound: betweenness.value.errorBound,
    peakMb: peakMb(),
  })}\n`,
);
