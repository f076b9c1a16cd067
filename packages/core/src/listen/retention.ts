// Retention limits per platform: raw posts older than their platform's limit are purged. Pharmacovigilance
// cases keep their own copy of the post (see PvFlag), so purging raw posts never loses a case.

import type { Platform } from '@kolmap/model';
import { InvalidInputError } from '../errors.js';
import { toEpochMs } from '../schema/dates.js';
import type { RetentionDays } from './compliance.js';

const DAY_MS = 86_400_000;

export interface PurgeResult<T> {
  kept: T[];
  purged: number;
  purgedByPlatform: Partial<Record<Platform, number>>;
}

/**
 * Keeps the posts younger than their platform's retention limit at `now`: a post created more than
 * `retentionDays[platform]` days before `now` (else `retentionDays.default`) is purged; a platform with
 * no limit and no default keeps every post. Posts without a valid date are purged when a limit applies.
 *
 * @param now - the date of the purge (ISO 8601 or a Date): passed in, so the result is reproducible.
 * @throws InvalidInputError (field `now`) when `now` is not a date.
 */
export function purgeExpiredPosts<T extends { platform: Platform; createdAt: string }>(
  posts: readonly T[],
  retentionDays: RetentionDays,
  now: string | Date,
): PurgeResult<T> {
  const at = now instanceof Date ? now.getTime() : toEpochMs(now);
  if (!Number.isFinite(at)) {
    throw new InvalidInputError({ field: 'now', message: `expected a date, got "${String(now)}"` });
  }
  const kept: T[] = [];
  const purgedByPlatform: Partial<Record<Platform, number>> = {};
  let purged = 0;
  for (const post of posts) {
    const days = retentionDays[post.platform] ?? retentionDays.default;
    if (days === undefined || toEpochMs(post.createdAt) >= at - days * DAY_MS) {
      kept.push(post);
      continue;
    }
    purged++;
    purgedByPlatform[post.platform] = (purgedByPlatform[post.platform] ?? 0) + 1;
  }
  return { kept, purged, purgedByPlatform };
}
