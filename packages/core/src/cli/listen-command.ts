// `kolmap listen`: load → purge expired posts → listen (brands, topics, tonality, PV intake) → KOL scores
// of the interaction map → thematic communities → write the series, share of voice, communities, PV
// cases, the marketing export of posts and a summary with every parameter.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeGraph } from '../analyze/analyze-graph.js';
import { buildInteractionGraph } from '../build/interaction-graph.js';
import { InvalidInputError, UnreadableInputError } from '../errors.js';
import { writeFileAtomic } from '../export/write-file-atomic.js';
import { DEFAULT_PRIVACY_OPTIONS } from '../listen/compliance.js';
import { type AuthorInfo, listenToPosts } from '../listen/listen-to-posts.js';
import {
  pvCasesToCsv,
  seriesToCsv,
  shareOfVoiceToCsv,
  topicCommunitiesToCsv,
} from '../listen/listening-csv.js';
import { marketingPostsToCsv, toMarketingPosts } from '../listen/marketing-posts.js';
import { buildPseudonyms, type Pseudonyms } from '../listen/privacy.js';
import { purgeExpiredPosts } from '../listen/retention.js';
import { marketingExclusions, openPvCases } from '../listen/review-queue.js';
import {
  computeSeries,
  computeShareOfVoice,
  PERIODS,
  type Period,
  SERIES_DIMENSIONS,
} from '../listen/series.js';
import {
  describeTopicCommunities,
  detectTopicCommunities,
  findCommunityLeaders,
} from '../listen/topic-communities.js';
import { readWatchList } from '../listen/watch-list.js';
import { inputChecksum } from '../load/input-checksum.js';
import { loadDataset } from '../load/load-dataset.js';
import { toEpochMs } from '../schema/dates.js';
import type { ShortlistRow } from '../shortlist/build-shortlist.js';
import { KOLMAP_VERSION } from '../version.js';
import { type InputFlags, toCount, toLoadOptions } from './input-options.js';
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

export async function runListen(inputs: string[], flags: ListenFlags): Promise<void> {
  const period = toPeriod(flags.period);
  const seed = toCount(flags.seed, 'seed');
  const topTopics = toCount(flags.topTopics, 'top-topics');
  const now = toNow(flags.now);
  const watch = await readWatchList(flags.watch);
  const compliance = watch.compliance ?? {};
  const key = compliance.privacy ? await readPseudonymKey(flags.pseudonymKey) : null;
  const progress = createProgress();
  const dataset = await loadDataset(inputs, {
    ...toLoadOptions(flags),
    onProgress: progress.loading,
  });
  const retention = compliance.retentionDays ?? {};
  const purge = purgeExpiredPosts(dataset.posts, retention, now);
  const authors = new Map<string, AuthorInfo>(
    dataset.accounts.map((account) => [
      account.key,
      { actorType: account.actorType, followers: account.followers },
    ]),
  );
  progress.stage('listening');
  const listening = listenToPosts(purge.kept, watch, authors);

  progress.stage('scoring the interaction map');
  const map = buildInteractionGraph(dataset);
  analyzeGraph(map, { seed, posts: purge.kept, layout: false });
  const kolScoreOf = (author: string): number | undefined => {
    if (!map.hasNode(author)) return undefined;
    const score = map.getNodeAttribute(author, 'kolScore');
    return typeof score === 'number' ? score : undefined;
  };

  progress.stage('thematic communities');
  const themes = detectTopicCommunities(listening, { seed });
  const cases = openPvCases(listening.pvFlags, { by: FLAGGED_BY, at: now });
  const excluded = marketingExclusions(cases);
  const communities = describeTopicCommunities(listening, themes.partition, {
    excludedPosts: excluded,
  });
  const leaders = findCommunityLeaders(map, themes.partition, communities, {
    ...(compliance.doNotContact && { doNotContact: compliance.doNotContact }),
  });
  const pseudonyms =
    key === null ? undefined : buildPseudonyms(dataset.accounts, { ...compliance.privacy, key });

  progress.stage('writing');
  const communityOf = (author: string) => themes.partition[author];
  const series = SERIES_DIMENSIONS.flatMap((by) =>
    [...new Set<Period>(['all', period])].flatMap((each) =>
      computeSeries(listening, { by, period: each, communityOf, topTopics }),
    ),
  );
  const shareOfVoice = [...new Set<Period>(['all', period])].flatMap((each) =>
    computeShareOfVoice(listening, { period: each, kolScoreOf }),
  );
  const shownCommunities = pseudonyms
    ? communities.map((community) => ({
        ...community,
        topPosts: community.topPosts.map((post) => ({
          ...post,
          author: pseudonyms.of(post.author),
        })),
      }))
    : communities;
  const shownLeaders = pseudonyms ? hidePrivateLeaders(leaders, pseudonyms) : leaders;
  const posts = toMarketingPosts(purge.kept, listening, {
    excluded,
    ...(pseudonyms && { pseudonyms }),
  });

  const out = (file: string) => join(flags.out, file);
  await writeFileAtomic(out('series.csv'), seriesToCsv(series));
  await writeFileAtomic(out('series.json'), json(series));
  await writeFileAtomic(out('share-of-voice.csv'), shareOfVoiceToCsv(shareOfVoice));
  await writeFileAtomic(out('share-of-voice.json'), json(shareOfVoice));
  await writeFileAtomic(
    out('communities.csv'),
    topicCommunitiesToCsv(shownCommunities, shownLeaders),
  );
  await writeFileAtomic(
    out('communities.json'),
    json(
      shownCommunities.map((community) => ({
        ...community,
        leaders: shownLeaders.get(community.id) ?? [],
      })),
    ),
  );
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
      otherLanguages: listening.otherLanguages,
      listened: listening.posts.length,
      naming: listening.posts.filter((post) => post.brands.length > 0).length,
      exported: posts.length,
    },
    pvCases: cases.length,
    excludedFromExport: listening.posts.length - posts.length,
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
      retentionDays: retention,
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

/** Leaders of private accounts shown by pseudonym only: no name, handle or link. */
function hidePrivateLeaders(
  leaders: ReadonlyMap<number, ShortlistRow[]>,
  pseudonyms: Pseudonyms,
): Map<number, ShortlistRow[]> {
  return new Map(
    [...leaders].map(([id, rows]) => [
      id,
      rows.map((row) =>
        pseudonyms.isPrivate(row.key)
          ? { ...row, key: pseudonyms.of(row.key), name: null, handle: null, url: null }
          : row,
      ),
    ]),
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
