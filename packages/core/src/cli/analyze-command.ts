// `kolmap analyze`: load → build → communities → influence → score → layout, then write the map
// (map.json, map.gexf, map.graphml), the shortlist (shortlist.csv) and the report (report.md, report.html).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeGraph } from '../analyze/analyze-graph.js';
import {
  COMMUNITY_ALGORITHMS,
  type CommunityAlgorithm,
} from '../analyze/communities/detect-communities.js';
import { SCORE_COMPONENTS } from '../analyze/score/kol-score.js';
import { InvalidInputError } from '../errors.js';
import { toGexf, toGraphologyJson } from '../export/graph-file.js';
import { toGraphml } from '../export/graphml.js';
import { toHtmlReport, toMarkdownReport } from '../export/report.js';
import { writeFileAtomic } from '../export/write-file-atomic.js';
import { inputChecksum } from '../load/input-checksum.js';
import { ACTOR_TYPES, type ActorType } from '../schema/vocabulary.js';
import { buildShortlist, SHORTLIST_MODES } from '../shortlist/build-shortlist.js';
import { shortlistToCsv } from '../shortlist/shortlist-to-csv.js';
import { KOLMAP_VERSION } from '../version.js';
import { type GraphFlags, loadGraph } from './graph-options.js';
import { toCount } from './input-options.js';
import { createProgress } from './progress.js';
import { writeRejectedReport } from './rejected-report.js';

export interface AnalyzeFlags extends GraphFlags {
  out: string;
  algorithm: string;
  resolution: string;
  seed: string;
  weights?: string;
  excludeTypes?: string;
  lowQuality?: string;
  top: string;
  shortlistMode: string;
  excel?: boolean;
  layout: boolean;
  json?: boolean;
}

export async function runAnalyze(inputs: string[], flags: AnalyzeFlags): Promise<void> {
  const seed = toCount(flags.seed, 'seed');
  const top = toCount(flags.top, 'top');
  const options = {
    seed,
    communities: {
      algorithm: toAlgorithm(flags.algorithm),
      resolution: toResolution(flags.resolution),
    },
    score: {
      ...(flags.weights && { weights: toWeights(flags.weights) }),
      ...(flags.excludeTypes && { excludeActorTypes: toActorTypes(flags.excludeTypes) }),
      ...(flags.lowQuality && { lowQualityKeys: await readKeys(flags.lowQuality) }),
    },
    layout: flags.layout ? {} : (false as const),
  };
  if (!(SHORTLIST_MODES as readonly string[]).includes(flags.shortlistMode)) {
    throw new InvalidInputError({
      field: 'shortlist-mode',
      message: `expected one of ${SHORTLIST_MODES.join(', ')}, got "${flags.shortlistMode}"`,
    });
  }
  const progress = createProgress();
  const { dataset, graph } = await loadGraph(inputs, flags, progress);
  const analysis = analyzeGraph(graph, { ...options, posts: dataset.posts }, (stage) =>
    progress.stage(`analysing: ${stage}`),
  );
  progress.stage('writing the map');
  graph.setAttribute('kolmap', {
    version: KOLMAP_VERSION,
    seed,
    inputChecksum: await inputChecksum(inputs),
    inputs: {
      graph: flags.graph,
      actors: flags.actors === true,
      undirected: flags.undirected === true,
    },
    parameters: analysis.parameters,
  });
  const shortlist = buildShortlist(graph, {
    limit: top,
    mode: flags.shortlistMode as (typeof SHORTLIST_MODES)[number],
  });
  const reportOptions = {
    profiles: analysis.profiles,
    modularity: analysis.communities.modularity,
    parameters: analysis.parameters,
  };
  await writeFileAtomic(join(flags.out, 'map.json'), toGraphologyJson(graph));
  await writeFileAtomic(join(flags.out, 'map.gexf'), toGexf(graph));
  await writeFileAtomic(join(flags.out, 'map.graphml'), toGraphml(graph));
  await writeFileAtomic(
    join(flags.out, 'shortlist.csv'),
    shortlistToCsv(shortlist.rows, { excel: flags.excel === true }),
  );
  await writeFileAtomic(join(flags.out, 'report.md'), toMarkdownReport(graph, reportOptions));
  await writeFileAtomic(join(flags.out, 'report.html'), toHtmlReport(graph, reportOptions));
  if (flags.skipInvalid) {
    await writeRejectedReport(
      dataset.report.rejected,
      flags.rejected ?? join(flags.out, 'rejected.csv'),
    );
  }
  progress.done();
  const summary = {
    out: flags.out,
    accounts: graph.order,
    edges: graph.size,
    communities: analysis.communities.count,
    modularity: analysis.communities.modularity,
    ranked: analysis.scores.accounts.filter((account) => account.rank !== null).length,
    shortlist: shortlist.rows.length,
    top: shortlist.rows.slice(0, 5).map((row) => ({
      key: row.key,
      name: row.name ?? row.handle,
      kolScore: row.kolScore,
      role: row.role,
    })),
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${summary.accounts} accounts, ${summary.edges} edges, ${summary.communities} communities (modularity ${summary.modularity.toFixed(4)}), ${summary.ranked} accounts ranked\n` +
      `top KOLs: ${summary.top.map((row) => `${row.name ?? row.key} (${row.kolScore?.toFixed(1)})`).join(', ')}\n` +
      `written to ${flags.out}: map.json, map.gexf, map.graphml, shortlist.csv (${summary.shortlist} accounts), report.md, report.html\n`,
  );
}

function toAlgorithm(value: string): CommunityAlgorithm {
  if ((COMMUNITY_ALGORITHMS as readonly string[]).includes(value))
    return value as CommunityAlgorithm;
  throw new InvalidInputError({
    field: 'algorithm',
    message: `expected one of ${COMMUNITY_ALGORITHMS.join(', ')}, got "${value}"`,
  });
}

function toResolution(value: string): number {
  const resolution = Number(value);
  if (resolution > 0 && Number.isFinite(resolution)) return resolution;
  throw new InvalidInputError({
    field: 'resolution',
    message: `expected a number > 0, got "${value}"`,
  });
}

/** `pagerank=0.5,followers=0` → score weights. */
function toWeights(list: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const pair of list.split(',')) {
    const [name = '', value = ''] = pair.split('=').map((part) => part.trim());
    const weight = Number(value);
    if (!(SCORE_COMPONENTS as readonly string[]).includes(name) || value === '' || !(weight >= 0)) {
      throw new InvalidInputError({
        field: 'weights',
        message: `expected component=weight ≥ 0 with a component among ${SCORE_COMPONENTS.join(', ')}; got "${pair}"`,
      });
    }
    weights[name] = weight;
  }
  return weights;
}

function toActorTypes(list: string): ActorType[] {
  const types = list.split(',').map((type) => type.trim());
  const unknown = types.filter((type) => !(ACTOR_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) {
    throw new InvalidInputError({
      field: 'exclude-types',
      message: `unknown actor type ${unknown.join(', ')}; expected some of ${ACTOR_TYPES.join(', ')}`,
    });
  }
  return types as ActorType[];
}

/** Account keys, one per line (blank lines and `#` comments ignored). */
async function readKeys(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InvalidInputError({
      file,
      field: 'low-quality',
      message: 'cannot read this file of account keys',
    });
  });
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
