// Bench step: the whole `kolmap analyze` pipeline (core's runAnalysis) on one input (load → build →
// communities → influence → score → profiles → layout), then its outputs written twice: the default
// ones (map.json, shortlist.csv, report.md, report.html) and every format (GEXF and GraphML too);
// prints the seconds of each stage, of the whole with the default outputs, the peak memory while
// writing each and the peak of the whole step.
import { join } from 'node:path';
import {
  DEFAULT_MAP_OUTPUT_FORMATS,
  MAP_OUTPUT_FORMATS,
  writeMapOutputs,
} from '../../packages/cli/src/map-outputs.js';
import {
  buildShortlist,
  DEFAULT_ANALYSIS_OPTIONS,
  type PipelineStage,
  runAnalysis,
} from '../../packages/core/src/index.js';
import { peakMb, rssSampler } from '../child-process.js';

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
const outputs = {
  graph,
  shortlist: buildShortlist(graph, { limit: 50 }).rows,
  report: {
    profiles: analysis.profiles,
    modularity: analysis.communities.modularity,
    parameters: analysis.parameters,
  },
  excel: false,
};
lap('shortlist');
const sampler = rssSampler();
sampler.reset();
await writeMapOutputs(join(out, 'default'), outputs, DEFAULT_MAP_OUTPUT_FORMATS);
lap('writeDefault');
/** What `kolmap analyze` with the default outputs costs. */
const analyzeSeconds = (performance.now() - start) / 1000;
const writeDefaultPeakMb = sampler.peakMb();
sampler.reset();
await writeMapOutputs(join(out, 'all'), outputs, MAP_OUTPUT_FORMATS);
lap('writeAll');
const writeAllPeakMb = sampler.peakMb();
await sampler.stop();
process.stdout.write(
  `${JSON.stringify({
    records: dataset.edges.length,
    nodes: graph.order,
    edges: graph.size,
    communities: analysis.communities.count,
    modularity: analysis.communities.modularity,
    ...seconds,
    seconds: analyzeSeconds,
    writeDefaultPeakMb,
    writeAllPeakMb,
    peakMb: peakMb(),
  })}\n`,
);
