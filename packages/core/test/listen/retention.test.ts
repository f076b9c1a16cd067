import type { Platform } from '@kolmap/model';
import { InvalidInputError } from '../../src/errors.js';
import { purgeExpiredPosts } from '../../src/listen/retention.js';

const post = (id: string, platform: Platform, createdAt: string) => ({ id, platform, createdAt });
const POSTS = [
  post('old-x', 'x', '2024-01-01T00:00:00Z'),
  post('edge-x', 'x', '2024-12-02T00:00:00Z'), // exactly 30 days before now: kept
  post('new-x', 'x', '2024-12-20T00:00:00Z'),
  post('old-fb', 'facebook', '2023-01-01T00:00:00Z'),
  post('old-li', 'linkedin', '2020-01-01T00:00:00Z'),
];
const NOW = '2025-01-01T00:00:00Z';

describe('purgeExpiredPosts', () => {
  it('purges the posts older than their platform limit, else the default', () => {
    const result = purgeExpiredPosts(POSTS, { x: 30, default: 365 }, NOW);
    expect(result.kept.map((p) => p.id)).toEqual(['edge-x', 'new-x']);
    expect(result.purged).toBe(3);
    expect(result.purgedByPlatform).toEqual({ x: 1, facebook: 1, linkedin: 1 });
  });

  it('keeps every post of a platform without a limit when there is no default', () => {
    const result = purgeExpiredPosts(POSTS, { x: 30 }, new Date(NOW));
    expect(result.kept.map((p) => p.id)).toEqual(['edge-x', 'new-x', 'old-fb', 'old-li']);
    expect(purgeExpiredPosts(POSTS, {}, NOW).kept).toHaveLength(5);
  });

  it('needs a real date as now', () => {
    expect(() => purgeExpiredPosts(POSTS, { x: 30 }, 'soon')).toThrow(InvalidInputError);
  });
});
