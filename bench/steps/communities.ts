// Bench step: load an edge list and build the graphology graph, then detect communities once per seed,
// timed apart from the build; prints the fastest run's time, the median modularity and NMI to the planted partition.
import { readFileSync } from 'node:fs';
import {
  buildInteractionGraph,
  type CommunityAlgorithm,
  detectCommunities,
  loadDataset,
  normalizedMutualInformation,
} from '../../packages/core/src/index.js';
import { peakMb } from '../child-process.js';

/**
 * Args: edge list, labels (`node community`), algorithm (`louvain`, `leiden`, or `leiden-2`: Leiden
 * with `maxIterations: 2`, as igraph's default), graph type the edges are loaded as, seeds (`1,2,3`).
 */
const [file = '', labels = '', algorithm = 'leiden', graphType = 'undirected', seeds = '1'] =
  process.argv.slice(2);
const start = performance.now();
const dataset = await loadDataset(file, { undirected: graphType === 'undirected' });
const graph = buildInteractionGraph(dataset);
const buildSeconds = (performance.now() - start) / 1000;

const planted: Record<string, number> = {};
for (const line of readFileSync(labels, 'utf8').split('\n')) {
  const [node, community] = line.split(' ');
  const key = `other:${node}`;
  if (community !== undefined && graph.hasNode(key)) planted[key] = Number(community);
}
const runs = seeds.split(',').map((seed) => {
  const before = performance.now();
  // Always undirected modularity, as igraph's; on a directed graph Louvain then works on a copy.
  const result = detectCommunities(graph, {
    algorithm: (algorithm === 'leiden-2' ? 'leiden' : algorithm) as CommunityAlgorithm,
    direction: 'undirected',
    seed: Number(seed),
    ...(algorithm === 'leiden-2' ? { maxIterations: 2 } : {}),
  });
  const seconds = (performance.now() - before) / 1000;
  return {
    seconds,
    modularity: result.modularity,
    communities: result.count,
    nmi: normalizedMutualInformation(result.partition, planted),
  };
});
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1] as number;
process.stdout.write(
  `${JSON.stringify({
    buildSeconds,
    seconds: Math.min(...runs.map((run) => run.seconds)),
    modularity: median(runs.map((run) => run.modularity)),
    nmi: median(runs.map((run) => run.nmi)),
    communities: median(runs.map((run) => run.communities)),
    nodes: graph.order,
    edges: graph.size,
    peakMb: peakMb(),
  })}\n`,
);
