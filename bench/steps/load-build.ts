// Bench step: load one input file and build the interaction graph; prints time and peak memory.
import { buildInteractionGraph, loadDataset } from '../../packages/core/src/index.js';
import { peakMb } from '../child-process.js';

const [file = ''] = process.argv.slice(2);
const start = performance.now();
const dataset = await loadDataset(file);
const loaded = performance.now();
const graph = buildInteractionGraph(dataset);
const built = performance.now();
process.stdout.write(
  `${JSON.stringify({
    records: dataset.edges.length,
    loadSeconds: (loaded - start) / 1000,
    buildSeconds: (built - loaded) / 1000,
    seconds: (built - start) / 1000,
    nodes: graph.order,
    edges: graph.size,
    peakMb: peakMb(),
  })}\n`,
);
