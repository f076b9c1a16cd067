// The sigma renderer of a map: settings, reducers over the current Scene, and the camera moves the
// page asks for (to an account, to a set of accounts). The graph is drawn as it is; what changes
// with the view goes through the reducers and `refresh()`.
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { CameraState } from 'sigma/types';
import type { MapGraph } from '../graph/map-graph.js';
import { isSoftwareRenderer, moveCameraByBitmap, webglRendererName } from './bitmap-camera.js';
import {
  boxContains,
  buildPart,
  createAccountsBySize,
  type GraphBox,
  HELD_ACCOUNTS,
  HELD_LINKS,
  HELD_MARGIN,
  HELD_ZOOM_FACTOR,
  selectHeldAccounts,
  withMarginAround,
} from './held-accounts.js';
import type { LabelBox } from './label-space.js';
import { attachMapLayers, type MapFrame } from './map-layers.js';
import { createReducers } from './reducers.js';
import type { Scene } from './scene.js';

export const LABEL_FONT = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';
/** Size of the account labels, in pixels. */
const LABEL_SIZE = 12;
/** Accounts drawn smaller than this (pixels) are not labelled, unless brought forward. */
const LABEL_THRESHOLD = 9;

/** The one account, hidden, of the graph sigma holds while a large map shows its communities. */
const ANCHOR = 'kolmap:overview';
/** Accounts drawn over a large map's community overview: the top ones by KOL score. */
export const OVERVIEW_ACCOUNTS = 300;

/** Pixels sigma keeps between the map and the stage's edges when it frames the whole map. */
const STAGE_PADDING = 40;

/** Milliseconds without a camera move before sigma takes the accounts of the new view. */
const SETTLE_MS = 200;

/** Links above which edges are not drawn while the camera moves (keeps panning smooth). */
export const HIDE_EDGES_ON_MOVE_ABOVE = 200_000;

/**
 * Links above which the first frame draws the accounts only, and the links come in the next one:
 * on a software renderer, drawing 100,000 links takes seconds.
 */
export const LINKS_AFTER_FIRST_FRAME_ABOVE = 50_000;

/**
 * Links above which they are drawn as hairlines (one GL line each) rather than rectangles of their
 * thickness: cheaper to build and to rasterise, and thickness is lost in such a crowd anyway.
 */
export const HAIRLINES_ABOVE = 50_000;

export interface MapRendererOptions {
  getScene: () => Scene;
  onClickNode: (node: string) => void;
  onClickStage: () => void;
  onHover: (node: string | null) => void;
  onCamera: (state: CameraState) => void;
  /** Pixels of the stage's left side covered by a panel (the legend), kept clear when framing. */
  coveredLeft: () => number;
  /** The box of the stage a panel covers (the legend): no label is drawn under it. */
  coveredBox: () => LabelBox | null;
  /** Called once, when the first frame (drawn as the renderer is made) is on screen. */
  onFirstRender: () => void;
  /** Called once, when a frame with the links is on screen (the first one, on smaller maps). */
  onLinksDrawn: () => void;
  /** Told of each frame drawn: its labels, community discs and the accounts sigma held. */
  onFrame: (frame: MapFrame) => void;
  /** The map's number of links, including those `addLinks` adds. */
  links: number;
  /**
   * Adds the links the graph does not have yet, after the first frame (drawn with the accounts
   * alone); sigma stops following the graph meanwhile, rather than take 100,000 link events one by
   * one, and then draws it whole. Null when the graph has all its links.
   */
  addLinks: (() => void) | null;
}

export interface MapRenderer {
  sigma: Sigma;
  /** Redraws at the next frame after the scene changed (several calls in a frame draw once). */
  refresh: () => void;
  /** Redraws at the next frame, the accounts and links as they are (the page's layers changed). */
  redraw: () => void;
  /** Moves the camera to an account, closer if the view is far. */
  showNode: (node: string) => Promise<void>;
  /** Frames a set of accounts. */
  showNodes: (nodes: Iterable<string>) => Promise<void>;
  /** Frames the whole map beside the legend, moving the camera there. */
  showAll: () => Promise<void>;
  /** Frames the whole map beside the legend at once (the opening view). */
  frameAll: () => void;
  /** Adds the page's overview and label layers to another sigma of this map (the PNG's). */
  drawLayers: (sigma: Sigma, scale: number) => void;
}

export function createMapRenderer(
  container: HTMLElement,
  graph: MapGraph,
  options: MapRendererOptions,
): MapRenderer {
  const { nodeReducer, edgeReducer } = createReducers(graph, options.getScene);
  const { links, addLinks } = options;
  let linksDrawn = addLinks !== null || links <= LINKS_AFTER_FIRST_FRAME_ABOVE;
  // A large map far out is drawn as its communities (map-layers.ts): sigma then holds a copy of the
  // graph with its OVERVIEW_ACCOUNTS top accounts by KOL score (drawn over the discs, to hover and
  // click) and one hidden account (sigma skips its camera's matrices on an empty graph), little to
  // process or draw, and the graph itself once the camera is close. Its frame is the graph's
  // extent either way, so that both give the same coordinates.
  const extent = graphExtent(graph);
  const empty = graph.nullCopy();
  empty.addNode(ANCHOR, { x: extent.x[0], y: extent.y[0] });
  for (const node of topAccounts(graph, OVERVIEW_ACCOUNTS)) {
    empty.addNode(node, graph.getNodeAttributes(node));
  }
  // Closer in, sigma holds the accounts the filters show in view and around it, the largest first
  // up to a budget, and the links between them (held-accounts.ts): built again when the camera
  // settles where they no longer serve, when the filters, sizes, positions or links change.
  const bySize = createAccountsBySize(graph);
  let part: HeldPart | null = null;
  let positions = 0;
  graph.on('eachNodeAttributesUpdated', () => {
    positions++;
  });
  const held = () => {
    const scene = options.getScene();
    if (scene.showOverview) return empty;
    if (scene.overview === null) return graph;
    const view = viewBox();
    const same =
      part !== null &&
      part.shown === scene.shown &&
      part.sizes === scene.appearance.sizes &&
      part.positions === positions &&
      part.links === graph.size;
    if (same && part !== null && servesView(part, view, sigma.getCamera().ratio)) return part.graph;
    part = holdPart(scene, view);
    return part.graph;
  };
  const holdPart = (scene: Scene, view: GraphBox): HeldPart => {
    const base = {
      shown: scene.shown,
      sizes: scene.appearance.sizes,
      positions,
      links: graph.size,
      ratio: sigma.getCamera().ratio,
    };
    if ((scene.shown?.size ?? graph.order) <= HELD_ACCOUNTS) {
      const nodes = scene.shown ?? graph.nodes();
      return { ...base, graph: buildPart(graph, nodes, HELD_LINKS), box: null, complete: true };
    }
    const box = withMarginAround(view, HELD_MARGIN);
    const { nodes, complete } = selectHeldAccounts(
      bySize(scene.appearance.sizes),
      scene.shown,
      view,
      box,
      HELD_ACCOUNTS,
    );
    return { ...base, graph: buildPart(graph, nodes, HELD_LINKS), box, complete };
  };
  const sigma = new Sigma(empty, container, {
    nodeReducer: (node, data) =>
      node === ANCHOR ? { x: data.x, y: data.y, hidden: true } : nodeReducer(node, data),
    edgeReducer: (edge, data) => (linksDrawn ? edgeReducer(edge, data) : { hidden: true }),
    zIndex: true,
    labelFont: LABEL_FONT,
    labelSize: LABEL_SIZE,
    labelWeight: '600',
    labelColor: { color: '#1f2430' },
    // Labels are placed by the page's own pass (map-layers.ts), so that none overlaps another.
    renderLabels: false,
    labelRenderedSizeThreshold: LABEL_THRESHOLD,
    defaultEdgeType: 'line',
    edgeProgramClasses: {
      line: links > HAIRLINES_ABOVE ? EdgeLineProgram : EdgeRectangleProgram,
      arrow: EdgeArrowProgram,
    },
    hideEdgesOnMove: links > HIDE_EDGES_ON_MOVE_ABOVE,
    minCameraRatio: 0.005,
    maxCameraRatio: 4,
    stagePadding: STAGE_PADDING,
  });
  const drawLayers = (
    target: Sigma,
    scale: number,
    onScreen?: Pick<MapRendererOptions, 'onFrame' | 'coveredBox'>,
  ) =>
    attachMapLayers(target, {
      graph,
      getScene: options.getScene,
      accountsBySize: bySize,
      font: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelThreshold: LABEL_THRESHOLD,
      scale,
      ...(onScreen && { onFrame: onScreen.onFrame, covered: onScreen.coveredBox }),
    });
  drawLayers(sigma, 1, options);
  sigma.setCustomBBox(extent);
  /** The part of the map in view, in graph coordinates. */
  const viewBox = (): GraphBox => {
    const { width, height } = sigma.getDimensions();
    const [a, b] = [
      sigma.viewportToGraph({ x: 0, y: 0 }),
      sigma.viewportToGraph({ x: width, y: height }),
    ];
    return {
      left: Math.min(a.x, b.x),
      right: Math.max(a.x, b.x),
      bottom: Math.min(a.y, b.y),
      top: Math.max(a.y, b.y),
    };
  };
  /** Gives sigma what the scene's level of detail asks: the overview's copy, a part, the graph. */
  const hold = () => {
    const wanted = held();
    if (sigma.getGraph() !== wanted) sigma.setGraph(wanted);
  };
  /**
   * Gives sigma what it should hold and draws it: taking another graph processes it, else the one
   * it holds is processed again.
   */
  const holdAndRefresh = () => {
    const before = sigma.getGraph();
    hold();
    if (sigma.getGraph() === before) sigma.refresh({ schedule: true });
  };
  if (held() === empty) sigma.refresh();
  else hold();
  // A frame is on screen when the next one begins (Chrome holds frames back while the previous one
  // is still being drawn).
  afterNextFrameDrawn(() => {
    options.onFirstRender();
    if (addLinks !== null && sigma.getGraph() === empty) {
      addLinks();
    } else if (addLinks !== null) {
      sigma.setGraph(empty);
      addLinks();
      sigma.setGraph(held());
    } else if (!linksDrawn) {
      linksDrawn = true;
      sigma.refresh();
    } else {
      return options.onLinksDrawn();
    }
    afterNextFrameDrawn(options.onLinksDrawn);
  });
  sigma.on('clickNode', ({ node }) => options.onClickNode(node));
  sigma.on('clickStage', () => options.onClickStage());
  sigma.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    options.onHover(node);
  });
  sigma.on('leaveNode', () => {
    container.style.cursor = '';
    options.onHover(null);
  });
  sigma.getCamera().on('updated', options.onCamera);
  // Once the camera settles, sigma takes the accounts in view if those it holds no longer serve;
  // while a layout moves the accounts, it takes them again at most every SETTLE_MS.
  let settling = 0;
  let refreshing = 0;
  sigma.getCamera().on('updated', () => {
    clearTimeout(settling);
    settling = window.setTimeout(hold, SETTLE_MS);
  });
  let moving = 0;
  graph.on('eachNodeAttributesUpdated', () => {
    moving ||= window.setTimeout(() => {
      moving = 0;
      // Sigma follows the graph's own updates; a copy or a part of it it must be told of.
      if (sigma.getGraph() !== graph) holdAndRefresh();
    }, SETTLE_MS);
  });
  // Redraw every frame while the camera is dragged or zoomed with the wheel (sigma's own camera),
  // unless each frame costs too much: then move the drawn image and redraw at the end.
  const software = isSoftwareRenderer(webglRendererName(sigma.getCanvases().nodes));
  if (software || links > HIDE_EDGES_ON_MOVE_ABOVE) moveCameraByBitmap(sigma, container);

  const camera = sigma.getCamera();
  /**
   * The camera that shows `point` (framed coordinates) at `ratio` in the middle of the part of the
   * stage left uncovered by the panel over its left side.
   */
  const inView = (point: { x: number; y: number }, ratio: number) => {
    const { width, height } = sigma.getDimensions();
    const centred = { ...camera.getState(), x: point.x, y: point.y, ratio };
    const shifted = sigma.viewportToFramedGraph(
      { x: width / 2 - options.coveredLeft() / 2, y: height / 2 },
      { cameraState: centred },
    );
    return { ...centred, x: shifted.x, y: shifted.y };
  };
  /**
   * The camera that shows the whole map in the part of the stage right of the legend: at ratio 1
   * sigma fits it in the whole stage, so it is zoomed out by as much as that part is narrower.
   */
  const wholeMap = () => {
    const { width } = sigma.getDimensions();
    const framed = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const [a, b] = [
      sigma.graphToViewport({ x: extent.x[0], y: extent.y[0] }, { cameraState: framed }),
      sigma.graphToViewport({ x: extent.x[1], y: extent.y[1] }, { cameraState: framed }),
    ];
    const free = Math.max(1, width - options.coveredLeft() - 2 * STAGE_PADDING);
    return inView(framed, Math.max(1, Math.abs(b.x - a.x) / free));
  };
  /** Where an account is in the camera's coordinates (the graph framed in 0–1). */
  const framedPosition = (node: string) => {
    const { x, y } = graph.getNodeAttributes(node);
    return sigma.viewportToFramedGraph(sigma.graphToViewport({ x: x as number, y: y as number }));
  };
  return {
    sigma,
    refresh() {
      // On large maps what sigma holds is built in a task of its own, after the one that changed
      // the scene (a click on a filter computes the view first). Sigma taking another graph
      // processes it: it is refreshed only when it keeps the one it has.
      clearTimeout(refreshing);
      if (options.getScene().overview === null) holdAndRefresh();
      else refreshing = window.setTimeout(holdAndRefresh);
    },
    redraw() {
      sigma.scheduleRender();
    },
    async showNode(node) {
      if (!graph.hasNode(node)) return;
      // On large maps this may stay on the community overview, with the account and its
      // neighbours drawn over it: cheaper than drawing every account, and it shows where they are.
      await camera.animate(inView(framedPosition(node), Math.min(camera.ratio, 0.35)), {
        duration: 500,
      });
    },
    async showNodes(nodes) {
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (const node of nodes) {
        if (!graph.hasNode(node)) continue;
        const { x, y } = framedPosition(node);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      if (minX === Infinity) return;
      const { width } = sigma.getDimensions();
      const free = Math.max(0.3, 1 - options.coveredLeft() / width);
      const extent = Math.max(maxX - minX, maxY - minY) * 2.2;
      const ratio = Math.min(1, Math.max(0.08, extent / free));
      await camera.animate(inView({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, ratio), {
        duration: 500,
      });
    },
    async showAll() {
      await camera.animate(wholeMap(), { duration: 500 });
    },
    frameAll() {
      camera.setState(wholeMap());
    },
    drawLayers: (target, scale) => drawLayers(target, scale),
  };
}

/** What sigma holds of a large map drawn account by account, and what it was built for. */
interface HeldPart {
  graph: MapGraph;
  shown: ReadonlySet<string> | null;
  sizes: ReadonlyMap<string, number>;
  /** Layout writes and links of the map when it was built. */
  positions: number;
  links: number;
  /** The margin held around the view (null: every account shown is held). */
  box: GraphBox | null;
  /** Whether no account in the box was left out for the budget. */
  complete: boolean;
  /** The camera's zoom ratio when it was built. */
  ratio: number;
}

/**
 * Whether a part still serves a camera showing `view` at zoom `ratio`: the view is inside what it
 * holds, and it left no account out or the camera has not come much closer since.
 */
function servesView(part: HeldPart, view: GraphBox, ratio: number): boolean {
  if (part.box === null) return true;
  return boxContains(part.box, view) && (part.complete || ratio * HELD_ZOOM_FACTOR > part.ratio);
}

/** Calls `callback` once the frame after the current one begins, i.e. the current one is drawn. */
function afterNextFrameDrawn(callback: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(callback));
}

/** The extent of the accounts' positions (sigma frames the graph in it). */
function graphExtent(graph: MapGraph): { x: [number, number]; y: [number, number] } {
  const extent = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] } as {
    x: [number, number];
    y: [number, number];
  };
  graph.forEachNode((_node, { x, y }) => {
    if (typeof x !== 'number' || typeof y !== 'number') return;
    extent.x = [Math.min(extent.x[0], x), Math.max(extent.x[1], x)];
    extent.y = [Math.min(extent.y[0], y), Math.max(extent.y[1], y)];
  });
  return graph.order === 0 ? { x: [0, 1], y: [0, 1] } : extent;
}

/** The `count` accounts with the highest KOL score (ties: key order). */
function topAccounts(graph: MapGraph, count: number): string[] {
  const scored: Array<[string, number]> = [];
  graph.forEachNode((node, { kolScore }) => {
    if (typeof kolScore === 'number' && kolScore > 0) scored.push([node, kolScore]);
  });
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, count).map(([node]) => node);
}
