// `kolmap analyze` / `kolmap listen` and the API's analysis job run core's one pipeline: for the same
// input and options they give the same map, and the same listening.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import { analyseDataset } from '../../packages/api/src/index.js';
import { jsonOf, REPOSITORY_ROOT, runCli } from '../../packages/cli/test/run-cli.js';
import { analysisOptionsSchema, readWatchList } from '../../packages/core/src/index.js';

const DEMO = join(REPOSITORY_ROOT, 'data/demo');
const WATCH = join(REPOSITORY_ROOT, 'data/listening-sample/demo-watch.yaml');
const KEY = 'a-test-secret-of-32-characters-at-least';

/** What a map says of each node: community, KOL score, rank and role. */
function scoresOf(graph: SerializedGraph): Map<string, unknown> {
  return new Map(
    graph.nodes.map(({ key, attributes = {} }) => [
      key,
      [attributes.community, attributes.kolScore, attributes.rank, attributes.role],
    ]),
  );
}

describe('kolmap analyze and the API job', () => {
  it('give the same map for the same input and options', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kolmap-same-map-'));
    const cli = jsonOf(
      runCli([
        'analyze',
        DEMO,
        '--actors',
        '--no-layout',
        '--seed',
        '7',
        '--resolution',
        '1.2',
        '--out',
        out,
        '--json',
      ]),
    );
    const map = JSON.parse(readFileSync(join(out, 'map.json'), 'utf8')) as SerializedGraph;
    const job = await analyseDataset(
      [DEMO],
      analysisOptionsSchema.parse({ actors: true, layout: false, seed: 7, resolution: 1.2 }),
    );
    expect([map.nodes.length, map.edges.length]).toEqual([cli.accounts, cli.edges]);
    expect([job.graph.nodes.length, job.graph.edges.length]).toEqual([cli.accounts, cli.edges]);
    expect(scoresOf(job.graph)).toEqual(scoresOf(map));
    expect(job.graph.attributes?.kolmap).toEqual(map.attributes?.kolmap);
  }, 180_000);
});

describe('kolmap listen and the API job with a watch list', () => {
  it('find the same thematic communities, leaders and pharmacovigilance cases', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kolmap-same-listening-'));
    const key = join(folder, 'pseudonym.key');
    writeFileSync(key, `${KEY}\n`);
    const out = join(folder, 'out');
    jsonOf(
      runCli([
        'listen',
        DEMO,
        '--watch',
        WATCH,
        '--now',
        '2025-01-15',
        '--pseudonym-key',
        key,
        '--out',
        out,
        '--json',
      ]),
    );
    const job = await analyseDataset(
      [DEMO],
      analysisOptionsSchema.parse({
        layout: false,
        watch: await readWatchList(WATCH),
        now: '2025-01-15',
      }),
      () => undefined,
      { by: 'kolmap listen', pseudonymKey: KEY },
    );
    const read = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8')) as unknown;
    expect(job.listening?.communities).toEqual(read('communities.json'));
    const cases = (list: unknown) =>
      (list as Array<{ id: string; flag: unknown }>).map(({ id, flag }) => [id, flag]);
    expect(cases(job.listening?.pvCases)).toEqual(cases(read('pv-cases.json')));
  }, 180_000);
});
