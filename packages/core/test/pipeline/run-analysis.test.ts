// runAnalysis: its stages reported in order, the provenance of the map, the options reaching the
// builders and the analysis, cancellation between stages, and the listening step on the demo data.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYSIS_STAGES, PIPELINE_STAGES } from '@kolmap/model';
import { readWatchList } from '../../src/listen/watch-list.js';
import { inputChecksum } from '../../src/load/input-checksum.js';
import {
  analysisOptionsSchema,
  DEFAULT_ANALYSIS_OPTIONS,
  type RunAnalysisOptions,
} from '../../src/pipeline/analysis-options.js';
import { type AnalysisProgress, runAnalysis } from '../../src/pipeline/run-analysis.js';
import { KOLMAP_VERSION } from '../../src/version.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO = join(REPOSITORY_ROOT, 'data/demo');
const WATCH = join(REPOSITORY_ROOT, 'data/listening-sample/demo-watch.yaml');

/** Two groups of three accounts on X that mention and repost each other, one bridge between them. */
function writeTinyDataset(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-pipeline-'));
  const account = (id: string, actorId: string) => ({
    kind: 'account',
    platform: 'x',
    id,
    actorId,
    followers: 100,
  });
  const link = (source: string, target: string, type: string) => ({
    kind: 'interaction',
    platform: 'x',
    source,
    target,
    type,
    timestamp: '2024-05-01T10:00:00Z',
  });
  const records = [
    ...['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => account(id, `actor-${id}`)),
    link('a2', 'a1', 'repost'),
    link('a3', 'a1', 'mention'),
    link('a3', 'a2', 'reply'),
    link('a1', 'a3', 'mention'),
    link('b2', 'b1', 'repost'),
    link('b3', 'b1', 'mention'),
    link('b3', 'b2', 'reply'),
    link('b1', 'b2', 'mention'),
    link('a1', 'b1', 'mention'),
  ];
  const file = join(folder, 'records.jsonl');
  writeFileSync(file, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  return file;
}

/** The stages reported, each once, in the order they started. */
function stagesOf(reports: AnalysisProgress[]): string[] {
  return reports.map(({ stage }) => stage).filter((stage, i, all) => stage !== all[i - 1]);
}

describe('runAnalysis', () => {
  const input = writeTinyDataset();
  const options = (given: Partial<RunAnalysisOptions> = {}): RunAnalysisOptions => ({
    ...DEFAULT_ANALYSIS_OPTIONS,
    ...given,
  });

  it('names its stages once: loading, building, the analysis stages, listening', () => {
    expect(PIPELINE_STAGES).toEqual(['loading', 'building', ...ANALYSIS_STAGES, 'listening']);
  });

  it('reports every stage in order, the layout included, and the files it reads', async () => {
    const reports: AnalysisProgress[] = [];
    const { graph } = await runAnalysis([input], options(), {
      onProgress: (progress) => reports.push(progress),
    });
    expect(stagesOf(reports)).toEqual([
      'loading',
      'building',
      'communities',
      'influence',
      'score',
      'profiles',
      'layout',
    ]);
    expect(reports).toContainEqual(
      expect.objectContaining({ stage: 'loading', file: input, total: expect.any(Number) }),
    );
    // The layout reports its percent done, up to 100, counting up.
    const layout = reports.filter(({ stage, done }) => stage === 'layout' && done !== undefined);
    expect(layout.length).toBeGreaterThan(0);
    expect(layout.every(({ total }) => total === 100)).toBe(true);
    expect(layout.map(({ done }) => done)).toEqual(
      [...layout.map(({ done }) => done as number)].sort((a, b) => a - b),
    );
    expect(layout.at(-1)?.done).toBe(100);
    expect(graph.getNodeAttribute('x:a1', 'x')).toEqual(expect.any(Number));
  });

  it('records the provenance of the map in the graph attribute kolmap', async () => {
    const { graph, analysis } = await runAnalysis([input], options({ seed: 7, layout: false }));
    expect(graph.getAttribute('kolmap')).toEqual({
      version: KOLMAP_VERSION,
      seed: 7,
      inputChecksum: await inputChecksum([input]),
      inputs: { graph: 'interaction', actors: false, undirected: false },
      parameters: analysis.parameters,
    });
    expect(analysis.parameters).toEqual(expect.objectContaining({ seed: 7, layout: false }));
    expect(graph.order).toBe(6);
    expect(graph.getNodeAttribute('x:a1', 'kolScore')).toEqual(expect.any(Number));
    expect(graph.hasNodeAttribute('x:a1', 'x')).toBe(false);
  });

  it('builds the graph the options ask for and gives the KOL score its options', async () => {
    const { graph, analysis } = await runAnalysis(
      [input],
      options({
        actors: true,
        types: ['mention'],
        layout: false,
        score: { weights: { pagerank: 1 } },
      }),
    );
    expect(graph.hasNode('actor:actor-a1')).toBe(true);
    expect(graph.size).toBe(5);
    expect(graph.getAttribute('kolmap').inputs).toEqual({
      graph: 'interaction',
      actors: true,
      undirected: false,
    });
    expect(analysis.scores.options.weights).toEqual(expect.objectContaining({ pagerank: 1 }));
  });

  it('stops between stages once its signal is aborted, with AnalysisAbortedError', async () => {
    const controller = new AbortController();
    const reports: AnalysisProgress[] = [];
    const run = runAnalysis([input], options(), {
      signal: controller.signal,
      onProgress: (progress) => {
        reports.push(progress);
        if (progress.stage === 'influence') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED', name: 'AbortError' });
    expect(stagesOf(reports).at(-1)).toBe('influence');
  });

  it('refuses a watch list in privacy mode without a pseudonym key', async () => {
    const watch = await readWatchList(WATCH);
    await expect(
      runAnalysis([input], options({ layout: false, watch, now: '2025-01-15' })),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      problems: [expect.objectContaining({ field: 'watch.compliance.privacy' })],
    });
  });

  it('listens with a watch list: the last stage, node attributes and what the stores keep', async () => {
    const watch = await readWatchList(WATCH);
    const reports: AnalysisProgress[] = [];
    const { graph, listened } = await runAnalysis(
      [DEMO],
      analysisOptionsSchema.parse({ layout: false, watch, now: '2025-01-15' }),
      {
        onProgress: (progress) => reports.push(progress),
        by: 'anna',
        pseudonymKey: 'a-test-secret-of-32-characters-at-least',
        listenedAt: '2025-01-16T00:00:00.000Z',
      },
    );
    expect(stagesOf(reports).at(-1)).toBe('listening');
    const listening = listened?.listening;
    expect(listening?.counts.listened).toBe(21000);
    expect(listening?.listenedAt).toBe('2025-01-16T00:00:00.000Z');
    expect(listening?.pvCases[0]?.history[0]).toEqual(
      expect.objectContaining({ by: 'anna', at: '2025-01-16T00:00:00.000Z' }),
    );
    expect(listening?.privacy?.pseudonymised).toBeGreaterThan(0);
    expect(graph.getAttribute('listening')).toEqual({
      watchList: watch.name ?? null,
      posts: 21000,
      pvCases: listening?.pvCases.length,
    });
    const [node, attributes] = [...(listened?.nodeAttributes ?? [])][0] ?? [];
    expect(graph.getNodeAttributes(node as string)).toMatchObject(attributes ?? {});
  }, 60_000);
});
