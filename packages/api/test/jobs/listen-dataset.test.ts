// Listening in the API's analysis on a map per actor: the do-not-contact list and the node
// attributes reach the actors' nodes, and the rows carry the actors' KOL scores.
import { resolve } from 'node:path';
import { analysisOptionsSchema, readWatchList } from '@kolmap/core';
import { analyseDataset } from '../../src/index.js';

const DEMO = resolve(import.meta.dirname, '../../../../data/demo');
const WATCH = resolve(import.meta.dirname, '../../../../data/listening-sample/demo-watch.yaml');

describe('analyseDataset with a watch list, per actor', () => {
  it('resolves the do-not-contact list to actors and gives actor nodes their tonality and topic', async () => {
    const watch = await readWatchList(WATCH);
    const { graph, listening } = await analyseDataset(
      [DEMO],
      analysisOptionsSchema.parse({ actors: true, layout: false, watch, now: '2025-01-15' }),
      () => undefined,
      { by: 'anna', pseudonymKey: 'a-test-secret-of-32-characters-at-least' },
    );
    // x:x2 (@sebastien_marie) is actor a1003; x:x2025 is actor a2006.
    expect(listening?.doNotContact).toEqual(['actor:a1003', 'actor:a2006']);
    const leaders = listening?.communities.flatMap((c) => c.leaders.map(({ key }) => key)) ?? [];
    expect(leaders.length).toBeGreaterThan(0);
    expect(leaders.filter((key) => listening?.doNotContact.includes(key))).toEqual([]);
    expect(listening?.pvCases).toHaveLength(30);
    expect(listening?.pvCases[0]?.history[0]?.by).toBe('anna');
    const actor = graph.nodes.find(({ key }) => key === 'actor:a2006');
    expect(actor?.attributes).toMatchObject({
      tonality: expect.any(Number),
      topic: expect.any(String),
    });
    const scored = listening?.posts.find(({ author }) => author === 'x:x2025');
    expect(scored?.kolScore).toBe(actor?.attributes?.kolScore);
  }, 120_000);
});
