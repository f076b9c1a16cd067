// The most used topics and the thematic communities (accounts linked by the topics they share):
// size, posts, tonality, top terms, leaders and the posts that spread most.
import { type ThematicCommunity, type Topics } from '@kolmap/model';
import { type Child, formatCount, formatShare, h, replaceChildren } from '../dom.js';
import { listeningSection } from './listening-charts.js';
import { communityTone, leaderFacts, leaderName, postFacts } from './listening-state.js';

/** The accounts named in the cards, as the map knows them. */
export interface TopicAccounts {
  /** Whether an account (a leader's key) is a node of the map. */
  onMap: (key: string) => boolean;
  /** The node and name of an author's account, when it is on the map. */
  author: (account: string) => { node: string; name: string } | null;
  /** Selects a node on the map. */
  select: (node: string) => void;
}

/** Draws the topics and thematic communities into `section`. */
export function drawTopics(section: HTMLElement, topics: Topics, accounts: TopicAccounts): void {
  replaceChildren(
    section,
    listeningSection(
      'Most used topics',
      'Hashtags, keywords and brands, by posts',
      h(
        'ul',
        { class: 'topic-chips' },
        ...topics.topics.map((topic) =>
          h(
            'li',
            { class: 'topic-chip' },
            topic.label,
            h('span', { class: 'muted' }, formatCount(topic.posts)),
          ),
        ),
      ),
    ),
    listeningSection(
      'Thematic communities',
      'Accounts linked by the topics they share',
      ...topics.communities.map((community) => communityCard(community, accounts)),
    ),
  );
}

function communityCard(community: ThematicCommunity, accounts: TopicAccounts): HTMLElement {
  const tone = communityTone(community);
  return h(
    'article',
    { class: 'theme-card', 'aria-labelledby': `theme-${community.id}` },
    h('h4', { id: `theme-${community.id}` }, community.label),
    h(
      'p',
      { class: 'theme-facts muted small' },
      `${formatCount(community.accounts)} accounts · ${formatCount(community.posts)} posts `,
      tone === null
        ? null
        : h('span', { title: 'Mean tonality of its posts, −1 negative to +1 positive' }, tone),
    ),
    h(
      'ul',
      { class: 'term-list', 'aria-label': 'Top terms' },
      ...community.topTerms
        .slice(0, 8)
        .map((term) =>
          h(
            'li',
            { title: `${formatCount(term.posts)} posts` },
            term.label,
            h('span', { class: 'muted' }, formatShare(term.share)),
          ),
        ),
    ),
    community.leaders.length === 0
      ? null
      : h(
          'div',
          {},
          h('h5', {}, 'Leaders'),
          h(
            'ol',
            { class: 'leader-list' },
            ...community.leaders.slice(0, 5).map((leader) => {
              const onMap = accounts.onMap(leader.key);
              return h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'row-button',
                    disabled: !onMap,
                    title: onMap ? 'Select on the map' : 'Not on this map',
                    onclick: () => accounts.select(leader.key),
                  },
                  leaderName(leader),
                ),
                h('span', { class: 'muted small' }, leaderFacts(leader)),
              );
            }),
          ),
        ),
    community.topPosts.length === 0
      ? null
      : h(
          'div',
          {},
          h('h5', {}, 'Posts that spread most'),
          h(
            'ul',
            { class: 'post-list' },
            ...community.topPosts.slice(0, 3).map((post) => {
              const author = accounts.author(post.author);
              const who: Child = author
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'row-button',
                      title: 'Select the author on the map',
                      onclick: () => accounts.select(author.node),
                    },
                    author.name,
                  )
                : h('span', {}, post.author);
              return h('li', {}, who, h('span', { class: 'muted small' }, postFacts(post)));
            }),
          ),
        ),
  );
}
