import { listenToPosts } from '../../src/listen/listen-to-posts.js';
import {
  MARKETING_POST_COLUMNS,
  marketingPostsToCsv,
  toMarketingPosts,
} from '../../src/listen/marketing-posts.js';
import { buildPseudonyms } from '../../src/listen/privacy.js';
import { changePvCase, marketingExclusions, openPvCases } from '../../src/listen/review-queue.js';
import { parseWatchList } from '../../src/listen/watch-list.js';
import type { Post } from '../../src/schema/records.js';

const WATCH = parseWatchList('products:\n  - { name: Clotavane }\n');
const POSTS: Post[] = [
  {
    id: 'p1',
    platform: 'x',
    author: 'pat',
    createdAt: '2024-02-01',
    text: 'Since Clotavane my gums bleed',
    language: 'en',
  },
  { id: 'p2', platform: 'x', author: 'fan', createdAt: '2024-02-02', repostOf: 'p1' },
  {
    id: 'p3',
    platform: 'x',
    author: 'doc',
    createdAt: '2024-02-03',
    text: 'Clotavane works well, thanks @pat',
    language: 'en',
  },
];
const ACCOUNTS = [
  { key: 'x:pat', platform: 'x', handle: 'pat', actorType: 'patient' as const, followers: 50 },
  { key: 'x:doc', platform: 'x', handle: 'doc', actorType: 'hcp' as const, followers: 20_000 },
];
const REVIEWER = { by: 'kolmap listen', at: '2024-02-04T00:00:00Z' };

describe('toMarketingPosts', () => {
  const listening = listenToPosts(POSTS, WATCH, new Map([['x:pat', { actorType: 'patient' }]]));
  const cases = openPvCases(listening.pvFlags, REVIEWER);

  it('leaves out pharmacovigilance posts and their reposts by default', () => {
    expect(cases.map((item) => item.id)).toEqual(['x:p1']);
    const rows = toMarketingPosts(POSTS, listening, { excluded: marketingExclusions(cases) });
    expect(rows.map((row) => row.key)).toEqual(['x:p3']);
    expect(rows[0]).toEqual(expect.objectContaining({ brands: ['Clotavane'], tone: 'positive' }));
  });

  it('lets a post back only when its case is dismissed and dismissed cases are released', () => {
    const dismissed = cases.map((item) =>
      changePvCase(item, { status: 'dismissed', note: 'quoting a novel' }, REVIEWER),
    );
    expect(
      toMarketingPosts(POSTS, listening, { excluded: marketingExclusions(dismissed) }),
    ).toHaveLength(1);
    const released = marketingExclusions(dismissed, { releaseDismissed: true });
    expect(
      toMarketingPosts(POSTS, listening, { excluded: released }).map((row) => row.key),
    ).toEqual(['x:p1', 'x:p2', 'x:p3']);
  });

  it('writes authors and mentions of private accounts as pseudonyms in privacy mode', () => {
    const pseudonyms = buildPseudonyms(ACCOUNTS, { key: 'a-secret-of-32-characters-at-least' });
    const [row] = toMarketingPosts(POSTS, listening, {
      excluded: marketingExclusions(cases),
      pseudonyms,
    });
    expect(row?.author).toBe('x:doc');
    expect(row?.text).toBe(`Clotavane works well, thanks @${pseudonyms.of('x:pat')}`);
    const csv = marketingPostsToCsv(row ? [row] : []);
    expect(csv.split('\n')[0]).toBe(MARKETING_POST_COLUMNS.join(','));
    expect(csv).not.toContain('@pat');
  });
});
