// Sigma's node and edge reducers: how each account and link is drawn, from the graph's data and the
// current Scene (filters, emphasis, labels). Hover, search, selection and filters all act here.
import { type AccountAttributes, type InteractionAttributes } from '@kolmap/model';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { displayName, type MapGraph } from '../graph/map-graph.js';
import type { Focus, Scene } from './scene.js';

/** Colour of accounts pushed back while others are brought forward. */
export const FADED_COLOR = '#e3e6eb';
/**
 * Size of the accounts pushed back, relative to their own: smaller, so that they hide less of the
 * links brought forward (sigma draws links under accounts).
 */
export const FADED_SIZE = 0.6;
/** Colour of the links brought forward (translucent, so that a dense ego network stays legible). */
export const FOCUS_EDGE_COLOR = 'rgba(60, 68, 82, 0.55)';
/** Colour of the links of a path or a small neighbourhood, drawn thicker. */
export const FEW_FOCUS_EDGES_COLOR = '#3c4452';
/** Links brought forward that are few enough to be drawn thick and opaque. */
export const FEW_FOCUS_EDGES = 30;

/** Accounts brought forward that are all labelled (a path, a small ego network). */
export const LABEL_ALL_UP_TO = 12;

/** Opacity of links when nothing is brought forward (they take their source's colour). */
const EDGE_OPACITY = 0.22;

export interface Reducers {
  nodeReducer: (node: string, data: AccountAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: InteractionAttributes) => Partial<EdgeDisplayData>;
}

/** The reducers of a map; they read `getScene()` on each call, so a `refresh()` applies a new scene. */
export function createReducers(graph: MapGraph, getScene: () => Scene): Reducers {
  const translucent = new Map<string, string>();
  const edgeColor = (color: string) => {
    let faded = translucent.get(color);
    if (faded === undefined) {
      faded = withOpacity(color, EDGE_OPACITY);
      translucent.set(color, faded);
    }
    return faded;
  };
  // On large maps (those with an overview) what is brought forward is drawn over the map by the
  // page's layer (map-layers.ts), so that a selection or a hover redraws without processing every
  // account again.
  const emphasis = (scene: Scene): Focus | null =>
    scene.overview !== null ? null : (scene.hover ?? scene.focus);

  return {
    nodeReducer(node, data) {
      const scene = getScene();
      const { colors, sizes } = scene.appearance;
      const display: Partial<NodeDisplayData> = {
        x: data.x,
        y: data.y,
        size: sizes.get(node) ?? 2,
        color: colors.get(node) ?? FADED_COLOR,
        label: displayName(node, data),
        zIndex: 1,
      };
      if (scene.shown !== null && !scene.shown.has(node)) {
        display.hidden = true;
        return display;
      }
      const focus = emphasis(scene);
      if (focus !== null && !focus.nodes.has(node)) {
        display.color = FADED_COLOR;
        display.size = (display.size as number) * FADED_SIZE;
        display.label = null;
        display.zIndex = 0;
        return display;
      }
      if (focus !== null) {
        display.zIndex = 2;
        display.forceLabel = focus.nodes.size <= LABEL_ALL_UP_TO;
      }
      if (node === scene.selected && scene.overview === null) {
        display.highlighted = true;
        display.forceLabel = true;
        display.zIndex = 3;
      }
      return display;
    },
    edgeReducer(edge, data) {
      const scene = getScene();
      const focus = emphasis(scene);
      const size = edgeSize(data.weight);
      if (focus !== null && !focus.edges.has(edge)) return { hidden: true };
      if (focus === null || !focus.arrows) {
        const color = scene.appearance.colors.get(graph.source(edge));
        return { size, color: edgeColor(color ?? FADED_COLOR), zIndex: 0 };
      }
      const few = focus.edges.size <= FEW_FOCUS_EDGES;
      return {
        size: few ? size + 1.5 : size + 0.5,
        color: few ? FEW_FOCUS_EDGES_COLOR : FOCUS_EDGE_COLOR,
        type: scene.directed ? 'arrow' : 'line',
        zIndex: 1,
      };
    },
  };
}

/** Link thickness from its weight: thin for one interaction, thicker for many, at most 4. */
export function edgeSize(weight: number | undefined): number {
  return Math.min(4, 0.6 + Math.log1p(Math.max(0, weight ?? 1)) * 0.35);
}

/** `#rrggbb` as `rgba(r, g, b, opacity)`; other colours are given back as they are. */
export function withOpacity(color: string, opacity: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return color;
  const [r, g, b] = match.slice(1).map((hex) => Number.parseInt(hex, 16));
  return `rgba(${r}, ${g}, ${b}, ${opacity})`;
}
