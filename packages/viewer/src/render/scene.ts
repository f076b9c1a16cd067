// What sigma draws, derived from the data and the view: which accounts the filters show and which
// are brought forward (hovered neighbourhood, selection, ego network, path, community). Sigma's reducers read a Scene; the graph itself is never written.
import type { Appearance } from '../graph/appearance.js';
import type { CommunityOverview } from '../graph/community-overview.js';
import type { MapGraph } from '../graph/map-graph.js';

/** Accounts and links brought forward; everything else is drawn faded. */
export interface Focus {
  nodes: Set<string>;
  edges: Set<string>;
  /** Draw the links as arrows (how attention flows around an account), else as on the map. */
  arrows: boolean;
}

export interface Scene {
  appearance: Appearance;
  /** Accounts the filters let through; null when nothing is filtered. */
  shown: Set<string> | null;
  /** The selection, ego network, path or community brought forward. */
  focus: Focus | null;
  /** The hovered account's neighbourhood; wins over `focus` while the pointer is on it. */
  hover: Focus | null;
  selected: string | null;
  /** Whether links have a direction (drawn as arrows when brought forward). */
  directed: boolean;
  /** The communities as the overview draws them; null on maps small enough to draw whole. */
  overview: CommunityOverview | null;
  /**
   * Whether the camera is far enough out that the overview is drawn instead of the accounts (those
   * brought forward are drawn over it).
   */
  showOverview: boolean;
}

/**
 * Whether sigma must process every account and link again to draw `after` (it reads the scene
 * through its reducers), or only redraw: the page's layers draw the overview, and on large maps what
 * is brought forward.
 */
export function needsProcess(before: Scene, after: Scene): boolean {
  if (
    before.appearance !== after.appearance ||
    before.shown !== after.shown ||
    before.showOverview !== after.showOverview
  ) {
    return true;
  }
  if (after.overview !== null) return false;
  return (
    before.focus !== after.focus ||
    before.hover !== after.hover ||
    before.selected !== after.selected ||
    before.directed !== after.directed
  );
}

/** An account, its neighbours (either direction) and the links between it and them. */
export function neighbourhoodFocus(graph: MapGraph, node: string): Focus {
  const focus: Focus = { nodes: new Set([node]), edges: new Set(), arrows: true };
  if (!graph.hasNode(node)) return focus;
  graph.forEachEdge(node, (edge, _attributes, source, target) => {
    focus.nodes.add(source === node ? target : source);
    focus.edges.add(edge);
  });
  return focus;
}

/** A community's members and the links inside it. */
export function communityFocus(graph: MapGraph, community: number): Focus {
  const focus: Focus = { nodes: new Set(), edges: new Set(), arrows: false };
  graph.forEachNode((node, attributes) => {
    if (attributes.community === community) focus.nodes.add(node);
  });
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (focus.nodes.has(source) && focus.nodes.has(target)) focus.edges.add(edge);
  });
  return focus;
}
