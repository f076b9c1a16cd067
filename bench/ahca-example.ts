// `pnpm example:ahca [--out dir] [--json]`: the worked example of docs/validation.md ("Influence").
// Analyses the AHCA health-care retweet network of ../shared/data as `kolmap analyze` does
// (interaction graph, default options, seed 42) and prints the map summary and the leaders of its
// largest communities as markdown; `--out` also writes map.json, `--json` prints the summary as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AbstractGraph } from 'graphology-types';
import {
  type AnalysisStage,
  analyzeGraph,
  buildInteractionGraph,
  loadDataset,
  type MapAnalysis,
  toGraphologyJson,
  writeFileAtomic,
} from '../packages/core/src/index.js';
import { AHCA_LOAD_OPTIONS, writeAhcaInputs } from '../test/validation/ahca-dataset.js';

const { values } = parseArgs({
  options: {
    communities: { type: 'string', default: '8' },
    top: { type: 'string', default: '5' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const folder = mkdtempSync(join(tmpdir(), 'kolmap-ahca-'));
const seconds: Record<string, number> = {};
let clock = performance.now();
const lap = (stage: string) => {
  const now = performance.now();
  seconds[stage] = (now - clock) / 1000;
  clock = now;
};
try {
  const inputs = await writeAhcaInputs(folder);
  lap('accounts.csv');
  const dataset = await loadDataset(inputs, AHCA_LOAD_OPTIONS);
  lap('load');
  const graph = buildInteractionGraph(dataset);
  lap('build');
  let current: AnalysisStage | null = null;
  const analysis = analyzeGraph(graph, { seed: 42 }, (stage) => {
    if (current !== null) lap(current);
    current = stage;
  });
  if (current !== null) lap(current);
  if (values.out !== undefined) {
    await writeFileAtomic(join(values.out, 'map.json'), toGraphologyJson(graph));
    lap('map.json');
  }
  const summary = {
    accounts: graph.order,
    edges: graph.size,
    retweets: dataset.edges.length,
    communities: analysis.communities.count,
    direction: analysis.communities.direction,
    modularity: analysis.communities.modularity,
    ranked: analysis.scores.ranked,
    top10: analysis.scores.accounts
      .filter((account) => account.rank !== null && account.rank <= 10)
      .sort((a, b) => (a.rank as number) - (b.rank as number))
      .map((account) => account.key),
    seconds,
    totalSeconds: Object.values(seconds).reduce((sum, value) => sum + value, 0),
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(summary)}\n`
      : toMarkdown(graph, analysis, summary, Number(values.communities), Number(values.top)),
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function toMarkdown(
  graph: AbstractGraph,
  analysis: MapAnalysis,
  summary: {
    retweets: number;
    top10: string[];
    seconds: Record<string, number>;
    totalSeconds: number;
  },
  communityCount: number,
  top: number,
): string {
  const number = (value: number) => value.toLocaleString('en');
  const score = (key: string) => (graph.getNodeAttribute(key, 'kolScore') as number).toFixed(2);
  const handle = (key: string) => (graph.getNodeAttribute(key, 'handle') as string) ?? key;
  const { communities, profiles } = analysis;
  const stages = Object.keys(summary.seconds);
  const lines: string[] = [
    'Map (`pnpm example:ahca`: interaction graph, default analysis options, seed 42):',
    '',
    '| | |',
    '| --- | ---: |',
    `| accounts | ${number(graph.order)} |`,
    `| edges (retweeter → author pairs) | ${number(graph.size)} |`,
    `| retweets (edge-list lines) | ${number(summary.retweets)} |`,
    `| communities (Leiden, ${communities.direction} modularity) | ${number(communities.count)} (${number(profiles.filter((p) => p.size >= 10).length)} of 10 accounts or more) |`,
    `| modularity | ${communities.modularity.toFixed(4)} |`,
    `| ranked accounts | ${number(analysis.scores.ranked)} |`,
    '',
    'Time per stage (seconds, one run on the 2-core machine of the benchmarks):',
    '',
    `| ${stages.join(' | ')} | total |`,
    `| ${stages.map(() => '---:').join(' | ')} | ---: |`,
    `| ${stages.map((stage) => (summary.seconds[stage] as number).toFixed(1)).join(' | ')} | ${summary.totalSeconds.toFixed(1)} |`,
    '',
    `Top 10 by KOL score: ${summary.top10.map((key) => `${handle(key)} ${score(key)}`).join(', ')}.`,
    '',
    `The ${communityCount} largest communities and their top ${top} accounts by in-community rank:`,
    '',
    '| community | accounts | links inside | # | account | id | KOL score (rank) | role | retweets received | retweeters |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |',
  ];
  const largest = [...profiles]
    .sort((a, b) => b.size - a.size || a.id - b.id)
    .slice(0, communityCount);
  const members = new Map<number, string[]>(largest.map((profile) => [profile.id, []]));
  graph.forEachNode((key, attributes) => {
    if (attributes.communityRank != null) members.get(attributes.community as number)?.push(key);
  });
  for (const profile of largest) {
    const leaders = (members.get(profile.id) ?? [])
      .sort(
        (a, b) =>
          (graph.getNodeAttribute(a, 'communityRank') as number) -
          (graph.getNodeAttribute(b, 'communityRank') as number),
      )
      .slice(0, top);
    leaders.forEach((key, i) => {
      const node = graph.getNodeAttributes(key);
      const community =
        i === 0
          ? `${profile.label} | ${number(profile.size)} | ${Math.round(profile.internalLinkShare * 100)} %`
          : ' | | ';
      lines.push(
        `| ${community} | ${node.communityRank} | ${handle(key)} | ${key.slice(key.indexOf(':') + 1)} | ${score(key)} (${node.rank}) | ${node.role ?? '–'} | ${number(node.inStrength as number)} | ${number(node.reach as number)} |`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
