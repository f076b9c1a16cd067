// `kolmap analyze`: core's analysis pipeline (load → build → communities → influence → score →
// profiles → layout), then the outputs --formats chooses: the map (map.json; map.gexf, map.graphml on
// request), the shortlist (shortlist.csv) and the report (report.md, report.html).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ACTOR_TYPES,
  type ActorType,
  buildShortlist,
  COMMUNITY_ALGORITHMS,
  type CommunityAlgorithm,
  DEFAULT_ANALYSIS_OPTIONS,
  InvalidInputError,
  type RunAnalysisOptions,
  runAnalysis,
  SCORE_COMPONENTS,
  SHORTLIST_MODES,
} from '@kolmap/core';
import type { Command } from 'commander';
import { type GraphFlags, toGraphOptions, withGraphOptions } from './graph-options.js';
import { toCount, toLoadOptions } from './input-options.js';
import {
  DEFAULT_MAP_OUTPUT_FORMATS,
  MAP_OUTPUT_FORMATS_HELP,
  toMapOutputFormats,
  writeMapOutputs,
} from './map-outputs.js';
import { createProgress } from './progress.js';
import { writeRejectedReport } from './rejected-report.js';

export interface AnalyzeFlags extends GraphFlags {
  out: string;
  formats: string;
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

/** Adds the options and the action of `kolmap analyze` to its command. */
export function defineAnalyze(command: Command): Command {
  return withGraphOptions(command)
    .requiredOption('--out <dir>', 'write the outputs --formats chooses here')
    .option(
      '--formats <list>',
      `outputs to write, comma-separated: ${MAP_OUTPUT_FORMATS_HELP}`,
      DEFAULT_MAP_OUTPUT_FORMATS.join(','),
    )
    .option('--algorithm <name>', 'community detection: leiden | louvain', 'leiden')
    .option('--resolution <r>', 'modularity resolution', '1')
    .option('--seed <n>', 'seed of every random step', '42')
    .option(
      '--weights <list>',
      'KOL score weights, e.g. pagerank=0.4,inStrength=0.2,reach=0.2,betweenness=0.1,followers=0.1',
    )
    .option(
      '--exclude-types <list>',
      'actor types left out of the rankings (kept in the map), e.g. pharma',
    )
    .option(
      '--low-quality <file>',
      'account keys (one per line) to discount as bots or low quality',
    )
    .option('--top <n>', 'accounts in shortlist.csv', '50')
    .option(
      '--shortlist-mode <mode>',
      'top | diverse (cover communities and platforms, little audience overlap)',
      'top',
    )
    .option('--excel', 'write shortlist.csv for Excel (BOM, semicolons, decimal commas)')
    .option('--no-layout', 'skip the ForceAtlas2 layout')
    .option('--json', 'print the summary as JSON')
    .action(runAnalyze);
}

/** Runs core's analysis pipeline on the inputs and writes the chosen outputs. */
async function runAnalyze(inputs: string[], flags: AnalyzeFlags): Promise<void> {
  const formats = toMapOutputFormats(flags.formats);
  const seed = toCount(flags.seed, 'seed');
  const top = toCount(flags.top, 'top');
  const analysisOptions = {
    seed,
    algorithm: toAlgorithm(flags.algorithm),
    resolution: toResolution(flags.resolution),
    score: {
      ...(flags.weights && { weights: toWeights(flags.weights) }),
      ...(flags.excludeTypes && { excludeActorTypes: toActorTypes(flags.excludeTypes) }),
      ...(flags.lowQuality && { lowQualityKeys: await readKeys(flags.lowQuality) }),
    },
    layout: flags.layout,
  };
  if (!(SHORTLIST_MODES as readonly string[]).includes(flags.shortlistMode)) {
    throw new InvalidInputError({
      field: 'shortlist-mode',
      message: `expected one of ${SHORTLIST_MODES.join(', ')}, got "${flags.shortlistMode}"`,
    });
  }
  const options: RunAnalysisOptions = {
    ...DEFAULT_ANALYSIS_OPTIONS,
    ...toGraphOptions(flags),
    ...toLoadOptions(flags),
    skipInvalid: flags.skipInvalid === true,
    ...analysisOptions,
  };
  const progress = createProgress();
  const { dataset, graph, analysis } = await runAnalysis(inputs, options, {
    onProgress: progress.analysis,
  });
  progress.stage('writing the map');
  const shortlist = buildShortlist(graph, {
    limit: top,
    mode: flags.shortlistMode as (typeof SHORTLIST_MODES)[number],
  });
  const files = await writeMapOutputs(
    flags.out,
    {
      graph,
      shortlist: shortlist.rows,
      report: {
        profiles: analysis.profiles,
        modularity: analysis.communities.modularity,
        parameters: analysis.parameters,
      },
      excel: flags.excel === true,
    },
    formats,
  );
  if (flags.skipInvalid) {
    await writeRejectedReport(
      dataset.report.rejected,
      flags.rejected ?? join(flags.out, 'rejected.csv'),
    );
  }
  progress.done();
  const summary = {
    out: flags.out,
    files,
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
      `written to ${flags.out}: ${files.map((file) => (file === 'shortlist.csv' ? `${file} (${summary.shortlist} accounts)` : file)).join(', ')}\n`,
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
