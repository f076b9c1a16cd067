// The loaded map as the page's parts read it: the graph and its communities, and what is counted or
// indexed on first use (neighbour counts, the search index, account keys to nodes).
import { buildAccountIndex } from '../../graph/account-nodes.js';
import { communityProfiles, type MapGraph, neighbourCounts } from '../../graph/map-graph.js';
import { buildSearchIndex, type SearchEntry } from '../../graph/search-accounts.js';
import type { MapData } from '../../render/derive-view.js';

export interface PageData {
  data: MapData;
  /** Built on first use. */
  searchIndex: () => SearchEntry[];
  /** Account key → node key (an actor's merged accounts too); built on first use. */
  accountIndex: () => Map<string, string>;
  /** Drops the neighbour counts (links were added): counted again when next asked for. */
  forgetDegrees: () => void;
}

/** The data of `graph`; nothing is counted before a part asks for it. */
export function createPageData(graph: MapGraph): PageData {
  let degrees: Map<string, number> | undefined;
  let searchIndex: SearchEntry[] | undefined;
  let accountIndex: Map<string, string> | undefined;
  return {
    data: {
      graph,
      communities: communityProfiles(graph),
      degrees: () => {
        degrees ??= neighbourCounts(graph);
        return degrees;
      },
    },
    searchIndex: () => {
      searchIndex ??= buildSearchIndex(graph);
      return searchIndex;
    },
    accountIndex: () => {
      accountIndex ??= buildAccountIndex(graph);
      return accountIndex;
    },
    forgetDegrees: () => {
      degrees = undefined;
    },
  };
}
