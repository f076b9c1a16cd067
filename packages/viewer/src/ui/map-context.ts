// What the parts of the map page share: the API, the map and its data, the view state and what is
// derived from it, the shortlist, and the renderer's camera moves.
import {
  actorTypeLabel,
  type CommunityProfile,
  type MapInfo,
  type MapSummary,
} from '@kolmap/model';
import type { ApiClient } from '../api/api-client.js';
import type { SearchEntry } from '../graph/search-accounts.js';
import type { DerivedView, MapData } from '../render/derive-view.js';
import type { Store } from '../state/create-store.js';
import type { ViewState } from '../state/view-state.js';
import type { Toast } from './toast.js';

export interface MapContext {
  api: ApiClient;
  map: MapSummary;
  data: MapData;
  communityById: ReadonlyMap<number, CommunityProfile>;
  /** Built on first use. */
  searchIndex: () => SearchEntry[];
  /** Account key → node key (an actor's merged accounts too); built on first use. */
  accountIndex: () => ReadonlyMap<string, string>;
  store: Store<ViewState>;
  derived: Store<{ view: DerivedView }>;
  /** The map's parameters (score weights…), once the API gave them. */
  info: Store<{ map: MapInfo | null }>;
  /** Account keys in the order they were added. */
  shortlist: Store<{ keys: string[] }>;
  /** Moves the camera to an account. */
  showNode: (key: string) => void;
  /** Frames a set of accounts. */
  showNodes: (keys: Iterable<string>) => void;
  toast: Toast;
}

/** Selects an account: the panel opens on it and the camera goes to it. */
export function selectAccount(context: MapContext, key: string): void {
  context.store.set({ selected: key, focusCommunity: null });
  context.showNode(key);
}

/** Adds the account to the shortlist, or removes it if it is there. */
export function toggleShortlisted(context: MapContext, key: string): void {
  context.shortlist.set(({ keys }) => ({
    keys: keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key],
  }));
}

/** A community's label, else "Community 3". */
export function communityName(context: MapContext, id: number | undefined): string {
  if (id === undefined) return 'No community';
  return context.communityById.get(id)?.label || `Community ${id}`;
}

/** "HCP · #oncology" for a suggestion or a table row. */
export function describeAccount(context: MapContext, key: string): string {
  const attributes = context.data.graph.getNodeAttributes(key);
  return [
    attributes.actorType ? actorTypeLabel(attributes.actorType) : '',
    attributes.community === undefined ? '' : communityName(context, attributes.community),
  ]
    .filter(Boolean)
    .join(' · ');
}
