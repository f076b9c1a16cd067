// Bench step: the whole `kolmap analyze` pipeline (core's runAnalysis) on one input (load → build →
// communities → influence → score → profiles → layout → map.json); prints the seconds of each stage
// and peak memory.
import { join } from 'node:path';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type PipelineStage,
  runAnalysis,
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
/** The name of a stage's timing: `loadSeconds`, `buildSeconds`, `communitiesSeconds`… */
const STAGE_NAMES: Partial<Record<PipelineStage, string>> = { loading: 'load', building: 'build' };
let current: string | null = null;
const { dataset, graph, analysis } = await runAnalysis([file], DEFAULT_ANALYSIS_OPTIONS, {
  onProgress: ({ stage }) => {
    const name = STAGE_NAMES[stage] ?? stage;
    if (name === current) return;
    if (current !== null) lap(current);
    current = name;
  },
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
