// CSV of listening's tables: series, share of voice, thematic communities, pharmacovigilance cases.

import type { SeriesRow, ShareOfVoiceRow, ShortlistRow } from '@kolmap/model';
import { csvRow } from '../export/csv.js';
import type { PvCase } from './review-queue.js';
import type { TopicCommunity } from './topic-communities.js';

export const SERIES_COLUMNS = [
  'period',
  'dimension',
  'key',
  'label',
  'posts',
  'positive',
  'neutral',
  'negative',
  'tonality',
  'netTonality',
] as const;

export function seriesToCsv(rows: readonly SeriesRow[]): string {
  return table(SERIES_COLUMNS, rows);
}

export const SHARE_OF_VOICE_COLUMNS = [
  'period',
  'brand',
  'own',
  'posts',
  'share',
  'weighted',
  'weightedShare',
] as const;

export function shareOfVoiceToCsv(rows: readonly ShareOfVoiceRow[]): string {
  return table(SHARE_OF_VOICE_COLUMNS, rows);
}

export const TOPIC_COMMUNITY_COLUMNS = [
  'community',
  'label',
  'accounts',
  'posts',
  'positive',
  'neutral',
  'negative',
  'tonality',
  'topTerms',
  'topPosts',
  'leaders',
] as const;

/**
 * One row per thematic community: its figures, its top terms and top posts (keys) joined with `|`,
 * and its leaders (account keys, see findCommunityLeaders) when given.
 */
export function topicCommunitiesToCsv(
  communities: readonly TopicCommunity[],
  leaders: ReadonlyMap<number, readonly ShortlistRow[]> = new Map(),
): string {
  return [
    csvRow(TOPIC_COMMUNITY_COLUMNS),
    ...communities.map((community) =>
      csvRow([
        community.id,
        community.label,
        community.accounts,
        community.posts,
        community.positive,
        community.neutral,
        community.negative,
        community.tonality,
        community.topTerms.map((term) => term.label),
        community.topPosts.map((post) => post.key),
        (leaders.get(community.id) ?? []).map((row) => row.key),
      ]),
    ),
  ].join('');
}

export const PV_CASE_COLUMNS = [
  'case',
  'status',
  'assignee',
  'kinds',
  'score',
  'products',
  'events',
  'eventClasses',
  'patient',
  'patientWords',
  'reporter',
  'doubts',
  'platform',
  'postId',
  'createdAt',
  'language',
  'text',
  'flaggedAt',
  'lastChangedAt',
  'lastChangedBy',
] as const;

/** One row per case, for pharmacovigilance: the post as flagged, the criteria met, the review state. */
export function pvCasesToCsv(cases: readonly PvCase[]): string {
  return [
    csvRow(PV_CASE_COLUMNS),
    ...cases.map((item) => {
      const { flag } = item;
      const first = item.history[0];
      const last = item.history[item.history.length - 1];
      return csvRow([
        item.id,
        item.status,
        item.assignee,
        flag.kinds,
        flag.criteria.score,
        flag.criteria.products,
        flag.criteria.events,
        flag.criteria.eventClasses,
        flag.criteria.patient,
        flag.criteria.patientWords,
        flag.criteria.reporter,
        flag.criteria.doubts,
        flag.platform,
        flag.postId,
        flag.createdAt,
        flag.language,
        flag.text,
        first?.at,
        last?.at,
        last?.by,
      ]);
    }),
  ].join('');
}

function table<C extends string>(
  columns: readonly C[],
  rows: ReadonlyArray<Readonly<Record<C, unknown>>>,
): string {
  return [csvRow(columns), ...rows.map((row) => csvRow(columns.map((column) => row[column])))].join(
    '',
  );
}
