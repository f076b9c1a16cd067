// The account panel's actions on the view state (close, ego network, path, community) and what it
// derives from the map for the selected account: its attributes with the API's details, its
// strongest links each way, the steps of a path and the words of its header.
import {
  type AccountAttributes,
  type AccountDetail,
  actorTypeLabel,
  platformLabel,
  platformsOf,
} from '@kolmap/model';
import { displayName, type MapGraph } from '../../graph/map-graph.js';
import type { AccountPath } from '../../graph/shortest-path.js';
import type { EgoDirection, EgoHops, PathView, ViewState } from '../../state/view-state.js';

/** Interactions listed each way. */
const STRONGEST = 5;

export type AccountAction =
  /** Closes the panel: no selection, no ego network. */
  | { type: 'close' }
  /** Shows the ego network at `hops` (null: none), in the direction shown before (else both). */
  | { type: 'ego-hops'; hops: EgoHops | null }
  /** Turns the ego network shown to `direction`. */
  | { type: 'ego-direction'; direction: EgoDirection }
  /** Shows the path from the selected account to `to`. */
  | { type: 'path'; from: string; to: string; directed: boolean }
  /** Makes the path shown follow the direction of attention, or not. */
  | { type: 'path-directed'; directed: boolean }
  | { type: 'clear-path' }
  /** Brings a community forward instead of the account. */
  | { type: 'focus-community'; community: number };

/** The view state after an action of the account panel. */
export function reduceAccountView(state: ViewState, action: AccountAction): ViewState {
  switch (action.type) {
    case 'close':
      return { ...state, selected: null, ego: null };
    case 'ego-hops':
      return {
        ...state,
        ego:
          action.hops === null
            ? null
            : { hops: action.hops, direction: state.ego?.direction ?? 'both' },
        path: null,
      };
    case 'ego-direction':
      return state.ego === null
        ? state
        : { ...state, ego: { hops: state.ego.hops, direction: action.direction } };
    case 'path':
      return {
        ...state,
        path: { from: action.from, to: action.to, directed: action.directed },
        ego: null,
      };
    case 'path-directed':
      return state.path === null
        ? state
        : { ...state, path: { ...state.path, directed: action.directed } };
    case 'clear-path':
      return { ...state, path: null };
    case 'focus-community':
      return {
        ...state,
        focusCommunity: action.community,
        selected: null,
        ego: null,
        path: null,
      };
  }
}

/** The account's attributes on the map, completed by the API's details once they are in. */
export function withDetails(
  local: AccountAttributes,
  detail: AccountDetail | Error | undefined,
): AccountAttributes {
  return detail && !(detail instanceof Error) ? { ...local, ...detail.account.attributes } : local;
}

/** "@handle · X, LinkedIn · HCP": the handle when the name is not it, platforms, actor type. */
export function accountSubtitle(key: string, attributes: AccountAttributes): string {
  const name = displayName(key, attributes);
  return [
    attributes.handle && name !== `@${attributes.handle}` ? `@${attributes.handle}` : '',
    platformsOf(attributes).map(platformLabel).join(', '),
    attributes.actorType ? actorTypeLabel(attributes.actorType) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A link to another account and its interaction weight. */
export interface WeightedLink {
  key: string;
  weight: number;
}

/** The accounts at the other end of `edges` of `key`, heaviest first (ties: key), STRONGEST at most. */
export function strongestLinks(
  graph: MapGraph,
  key: string,
  edges: readonly string[],
): WeightedLink[] {
  return edges
    .map((edge) => ({
      key: graph.opposite(key, edge),
      weight: graph.getEdgeAttribute(edge, 'weight') ?? 1,
    }))
    .filter((link) => link.key !== key)
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
    .slice(0, STRONGEST);
}

/** An account of a path and how it is linked to the next one. */
export interface PathStep {
  key: string;
  name: string;
  /** `forward`: it engages with the next; `back`: the next engages with it; null for the last. */
  link: 'forward' | 'back' | null;
}

/** The accounts of a path in order, each with the direction of its link to the next. */
export function pathSteps(graph: MapGraph, path: AccountPath): PathStep[] {
  return path.nodes.map((key, index) => {
    const edge = path.edges[index];
    return {
      key,
      name: displayName(key, graph.getNodeAttributes(key)),
      link: edge === undefined ? null : graph.source(edge) === key ? 'forward' : 'back',
    };
  });
}

/** "No path to Bob following the direction of attention." */
export function noPathText(graph: MapGraph, asked: PathView): string {
  const attributes = graph.hasNode(asked.to) ? graph.getNodeAttributes(asked.to) : {};
  return `No path to ${displayName(asked.to, attributes)}${asked.directed ? ' following the direction of attention' : ''}.`;
}

/** `x:x2025` as "X x2025". */
export function accountLabel(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? key : `${platformLabel(key.slice(0, at))} ${key.slice(at + 1)}`;
}

/** An interaction weight: whole, else to one decimal. */
export function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(1);
}
