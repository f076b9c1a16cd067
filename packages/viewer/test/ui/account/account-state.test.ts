import type { AccountDetail } from '@kolmap/model';
import { findShortestPath } from '../../../src/graph/shortest-path.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/state/view-state.js';
import {
  accountLabel,
  accountSubtitle,
  formatWeight,
  noPathText,
  pathSteps,
  reduceAccountView,
  strongestLinks,
  withDetails,
} from '../../../src/ui/account/account-state.js';
import { smallMap } from '../../graph/small-map.js';

const selected: ViewState = { ...DEFAULT_VIEW_STATE, mapId: 'm', selected: 'x:a' };

describe('reduceAccountView', () => {
  it('closes the panel', () => {
    const state = { ...selected, ego: { hops: 1 as const, direction: 'in' as const } };
    expect(reduceAccountView(state, { type: 'close' })).toEqual({
      ...selected,
      selected: null,
      ego: null,
    });
  });

  it('shows an ego network in the direction shown before, and clears the path', () => {
    const path = { from: 'x:a', to: 'x:e', directed: false };
    let state = reduceAccountView({ ...selected, path }, { type: 'ego-hops', hops: 1 });
    expect(state.ego).toEqual({ hops: 1, direction: 'both' });
    expect(state.path).toBeNull();
    state = reduceAccountView(state, { type: 'ego-direction', direction: 'in' });
    state = reduceAccountView(state, { type: 'ego-hops', hops: 2 });
    expect(state.ego).toEqual({ hops: 2, direction: 'in' });
    expect(reduceAccountView(state, { type: 'ego-hops', hops: null }).ego).toBeNull();
  });

  it('turns no ego network', () => {
    expect(reduceAccountView(selected, { type: 'ego-direction', direction: 'out' })).toBe(selected);
  });

  it('shows a path instead of the ego network, turns it and clears it', () => {
    const withEgo = { ...selected, ego: { hops: 1 as const, direction: 'both' as const } };
    let state = reduceAccountView(withEgo, {
      type: 'path',
      from: 'x:a',
      to: 'x:e',
      directed: false,
    });
    expect(state.ego).toBeNull();
    expect(state.path).toEqual({ from: 'x:a', to: 'x:e', directed: false });
    state = reduceAccountView(state, { type: 'path-directed', directed: true });
    expect(state.path).toEqual({ from: 'x:a', to: 'x:e', directed: true });
    expect(reduceAccountView(state, { type: 'clear-path' }).path).toBeNull();
    expect(reduceAccountView(selected, { type: 'path-directed', directed: true })).toBe(selected);
  });

  it('brings a community forward in place of the account', () => {
    const state = reduceAccountView(
      { ...selected, path: { from: 'x:a', to: 'x:b', directed: false } },
      { type: 'focus-community', community: 1 },
    );
    expect(state).toEqual({ ...selected, selected: null, focusCommunity: 1 });
  });
});

describe('what the account panel shows', () => {
  const graph = smallMap();

  it('completes the map’s attributes with the details, once they are in', () => {
    const local = graph.getNodeAttributes('x:a');
    const detail = { account: { attributes: { bio: 'Oncologist' } } } as unknown as AccountDetail;
    expect(withDetails(local, undefined)).toBe(local);
    expect(withDetails(local, new Error('no'))).toBe(local);
    expect(withDetails(local, detail)).toEqual({ ...local, bio: 'Oncologist' });
  });

  it('writes the handle when the name is not it, the platforms and the actor type', () => {
    expect(accountSubtitle('x:a', graph.getNodeAttributes('x:a'))).toBe('@ana_leger · X · HCP');
    expect(accountSubtitle('x:e', graph.getNodeAttributes('x:e'))).toBe('X · Patient');
  });

  it('lists the strongest links each way, heaviest first', () => {
    expect(strongestLinks(graph, 'linkedin:c', graph.outEdges('linkedin:c'))).toEqual([
      { key: 'x:a', weight: 5 },
      { key: 'actor:d', weight: 1 },
    ]);
    expect(strongestLinks(graph, 'linkedin:c', graph.inEdges('linkedin:c'))).toEqual([
      { key: 'x:b', weight: 2 },
    ]);
  });

  it('tells the direction of each link of a path', () => {
    const path = findShortestPath(graph, 'x:b', 'x:a', false);
    expect(path).not.toBeNull();
    expect(pathSteps(graph, path ?? { nodes: [], edges: [] })).toEqual([
      { key: 'x:b', name: 'Bob', link: 'back' },
      { key: 'x:a', name: 'Dr Ana Léger', link: null },
    ]);
  });

  it('says when there is no path', () => {
    expect(noPathText(graph, { from: 'x:e', to: 'x:a', directed: true })).toBe(
      'No path to Dr Ana Léger following the direction of attention.',
    );
  });

  it('names accounts and weights', () => {
    expect(accountLabel('linkedin:c-martin')).toBe('LinkedIn c-martin');
    expect(accountLabel('nokey')).toBe('nokey');
    expect(formatWeight(3)).toBe('3');
    expect(formatWeight(2.25)).toBe('2.3');
  });
});
