// Bench step: the whole `kolmap analyze` pipeline on one input (load → build → communities →
// influence → score → profiles → layout → map.json); prints the seconds of each stage and peak memory.
import { join } from 'node:path';
import {
  analyzeGraph,
  buildInteractionGraph,
  loadDataset,
  toGraphologyJson,
  writeFileAtomic,
} from '../../packages/core/src/index.js';
import { peakMb } from '../child-process.js';

const [file = '', out = ''] = process.argv.slice(2);
const seconds: Record<string, number> = {};
let clock = performance.now();
const lap = (stage: string) => {
  const now = performance.now();
  seconds[`${stage}Seconds`] = (now - clock) / 1000;
  clock = now;
};
const start = clock;
const dataset = await loadDataset(file);
lap('load');
const graph = buildInteractionGraph(dataset);
lap('build');
let current: string | null = null;
const analysis = analyzeGraph(graph, { seed: 42, posts: dataset.posts }, (stage) => {
  if (current !== null) lap(current);
  current = stage;
});
if (current !== null) lap(current);
const mapFile = join(out, 'map.json');
await writeFileAtomic(mapFile, toGraphologyJson(graph));
lap('write');
process.stdout.write(
  `${JSON.stringify({
    records: dataset.edges.length,
    nodes: graph.order,
    edges: graph.size,
    communities: analysis.communities.count,
    modularity: analysis.communities.modularity,
    ...seconds,
    seconds: (performance.now() - start) / 1000,
    peakMb: peakMb(),
  })}\n`,
);
