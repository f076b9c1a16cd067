// `kolmap listen`: core's analysis pipeline on the interaction map with the watch list's listening
// step (retention, listening, thematic communities and their leaders, PV intake, privacy), then the
// series, share of voice, communities, PV cases, the marketing export of posts and a summary with
// every parameter.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildPseudonyms,
  computeSeries,
  computeShareOfVoice,
  DEFAULT_ANALYSIS_OPTIONS,
  DEFAULT_PRIVACY_OPTIONS,
  InvalidInputError,
  inputChecksum,
  KOLMAP_VERSION,
  marketingPostsToCsv,
  PERIODS,
  type Period,
  pvCasesToCsv,
  readWatchList,
  runAnalysis,
  SERIES_DIMENSIONS,
  seriesToCsv,
  shareOfVoiceToCsv,
  toEpochMs,
  toMarketingPosts,
  topicCommunitiesToCsv,
  UnreadableInputError,
  writeFileAtomic,
} from '@kolmap/core';
import type { Command } from 'commander';
import { type InputFlags, toCount, toLoadOptions, withInputOptions } from './input-options.js';
import { createProgress } from './progress.js';

export interface ListenFlags extends InputFlags {
  watch: string;
  out: string;
  period: string;
  pseudonymKey?: string;
  now?: string;
  seed: string;
  topTopics: string;
  json?: boolean;
}

/** Who the audit trail names as having flagged the cases. */
const FLAGGED_BY = 'kolmap listen';

/** Adds the options and the action of `kolmap listen` to its command. */
export function defineListen(command: Command): Command {
  return withInputOptions(command)
    .requiredOption('--watch <file>', 'watch list (YAML or JSON): products, competitors, areas')
    .requiredOption(
      '--out <dir>',
      'write series, share-of-voice, communities (CSV, JSON), pv-cases (CSV, JSON), posts.csv, listening.json',
    )
    .option('--period <period>', 'day | week | month', 'week')
    .option('--pseudonym-key <file>', 'secret pseudonyms are keyed with (privacy mode)')
    .option('--now <date>', 'date of the retention purge and of the audit trail (default: now)')
    .option('--seed <n>', 'seed of the map and of the thematic communities', '42')
    .option('--top-topics <n>', 'topics followed over time', '20')
    .option('--json', 'print the summary as JSON')
    .action(runListen);
}

/** Runs core's analysis pipeline with the watch list on the interaction map, and writes its outputs. */
async function runListen(inputs: string[], flags: ListenFlags): Promise<void> {
  const period = toPeriod(flags.period);
  const seed = toCount(flags.seed, 'seed');
  const topTopics = toCount(flags.topTopics, 'top-topics');
  const now = toNow(flags.now);
  const watch = await readWatchList(flags.watch);
  const compliance = watch.compliance ?? {};
  const key = compliance.privacy ? await readPseudonymKey(flags.pseudonymKey) : null;
  const progress = createProgress();
  const run = await runAnalysis(
    inputs,
    {
      ...DEFAULT_ANALYSIS_OPTIONS,
      ...toLoadOptions(flags),
      skipInvalid: flags.skipInvalid === true,
      seed,
      layout: false,
      watch,
      now,
    },
    { onProgress: progress.analysis, by: FLAGGED_BY, pseudonymKey: key, listenedAt: now },
  );
  const { dataset, graph: map } = run;
  const {
    listening,
    posts: listened,
    purge,
    themes,
    excluded,
  } = run.listened as NonNullable<typeof run.listened>;
  const kolScoreOf = (author: string): number | undefined => {
    if (!map.hasNode(author)) return undefined;
    const score = map.getNodeAttribute(author, 'kolScore');
    return typeof score === 'number' ? score : undefined;
  };
  const pseudonyms =
    key === null ? undefined : buildPseudonyms(dataset.accounts, { ...compliance.privacy, key });

  progress.stage('writing');
  const communityOf = (author: string) => themes.partition[author];
  const series = SERIES_DIMENSIONS.flatMap((by) =>
    [...new Set<Period>(['all', period])].flatMap((each) =>
      computeSeries(listened, { by, period: each, communityOf, topTopics }),
    ),
  );
  const shareOfVoice = [...new Set<Period>(['all', period])].flatMap((each) =>
    computeShareOfVoice(listened, { period: each, kolScoreOf }),
  );
  const { communities, pvCases: cases } = listening;
  const leaders = new Map(communities.map((community) => [community.id, community.leaders]));
  const posts = toMarketingPosts(purge.kept, listened, {
    excluded,
    ...(pseudonyms && { pseudonyms }),
  });

  const out = (file: string) => join(flags.out, file);
  await writeFileAtomic(out('series.csv'), seriesToCsv(series));
  await writeFileAtomic(out('series.json'), json(series));
  await writeFileAtomic(out('share-of-voice.csv'), shareOfVoiceToCsv(shareOfVoice));
  await writeFileAtomic(out('share-of-voice.json'), json(shareOfVoice));
  await writeFileAtomic(out('communities.csv'), topicCommunitiesToCsv(communities, leaders));
  await writeFileAtomic(out('communities.json'), json(communities));
  await writeFileAtomic(out('pv-cases.csv'), pvCasesToCsv(cases));
  await writeFileAtomic(out('pv-cases.json'), json(cases));
  await writeFileAtomic(out('posts.csv'), marketingPostsToCsv(posts));
  progress.done();

  const summary = {
    version: KOLMAP_VERSION,
    out: flags.out,
    inputChecksum: await inputChecksum(inputs),
    watch: { file: flags.watch, name: watch.name ?? null },
    now,
    period,
    seed,
    posts: {
      read: dataset.posts.length,
      purged: purge.purged,
      purgedByPlatform: purge.purgedByPlatform,
      otherLanguages: listened.otherLanguages,
      listened: listened.posts.length,
      naming: listened.posts.filter((post) => post.brands.length > 0).length,
      exported: posts.length,
    },
    pvCases: cases.length,
    excludedFromExport: listened.posts.length - posts.length,
    communities: { detected: themes.count, described: communities.length },
    skippedTopics: themes.skippedTopics,
    compliance: {
      privacy: compliance.privacy
        ? {
            followerThreshold:
              compliance.privacy.followerThreshold ?? DEFAULT_PRIVACY_OPTIONS.followerThreshold,
            publicActorTypes:
              compliance.privacy.publicActorTypes ?? DEFAULT_PRIVACY_OPTIONS.publicActorTypes,
            pseudonymised: pseudonyms?.count ?? 0,
          }
        : null,
      doNotContact: compliance.doNotContact?.length ?? 0,
      retentionDays: compliance.retentionDays ?? {},
    },
  };
  await writeFileAtomic(out('listening.json'), json(summary));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${summary.posts.listened} posts listened to (${summary.posts.naming} name a watched brand, ${purge.purged} purged by retention), ${cases.length} pharmacovigilance cases to review, ${communities.length} thematic communities\n` +
      `written to ${flags.out}: series.csv/json, share-of-voice.csv/json, communities.csv/json, pv-cases.csv/json, posts.csv (${posts.length} posts, ${summary.excludedFromExport} left out for pharmacovigilance), listening.json\n`,
  );
}

function toPeriod(value: string): Period {
  if ((PERIODS as readonly string[]).includes(value) && value !== 'all') return value as Period;
  throw new InvalidInputError({
    field: 'period',
    message: `expected day, week or month, got "${value}"`,
  });
}

/** `--now` as an ISO date-time (UTC), or the current time. */
function toNow(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const time = toEpochMs(value);
  if (Number.isNaN(time)) {
    throw new InvalidInputError({
      field: 'now',
      message: `expected an ISO 8601 date such as 2025-01-31, got "${value}"`,
    });
  }
  return new Date(time).toISOString();
}

async function readPseudonymKey(file: string | undefined): Promise<string> {
  if (file === undefined) {
    throw new InvalidInputError({
      field: 'pseudonym-key',
      message:
        'the watch list turns privacy mode on (compliance.privacy): give --pseudonym-key <file>, a file holding the secret pseudonyms are keyed with',
    });
  }
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new UnreadableInputError(file, 'cannot read the pseudonym key', { cause: error });
  });
  return text.trim();
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
