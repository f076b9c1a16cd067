// What the page draws over sigma's own layers, after each frame: the community overview of large
// maps at low zoom (the links between communities, a disc per community, and what is brought
// forward over them, since sigma then holds no account) and every label,
// placed in order of importance so that none overlaps another (community labels, the accounts
// brought forward, then the largest accounts in view).
import type Sigma from 'sigma';
import type { CommunityOverview } from '../graph/community-overview.js';
import { displayName, type MapGraph } from '../graph/map-graph.js';
import type { AccountsBySize } from './held-accounts.js';
import { createLabelSpace, type LabelBox, type LabelSpace } from './label-space.js';
import {
  FADED_COLOR,
  FEW_FOCUS_EDGES,
  FEW_FOCUS_EDGES_COLOR,
  FOCUS_EDGE_COLOR,
  LABEL_ALL_UP_TO,
} from './reducers.js';
import type { Focus, Scene } from './scene.js';

/** A label drawn in the last frame: what it says, its kind and its box (CSS pixels). */
export interface DrawnLabel extends LabelBox {
  text: string;
  kind: 'community' | 'account';
}

/** A community disc drawn in the last frame: its label and its circle (CSS pixels). */
export interface DrawnDisc {
  label: string;
  x: number;
  y: number;
  r: number;
}

/** What a frame drew. */
export interface MapFrame {
  labels: DrawnLabel[];
  /** The community discs drawn on screen, largest community first. */
  discs: DrawnDisc[];
  /** Accounts in the graph sigma held (the whole map, the part filters show, or the overview's). */
  held: number;
}

export interface MapLayersOptions {
  graph: MapGraph;
  getScene: () => Scene;
  /** The accounts largest first, with their positions (the candidates for labels). */
  accountsBySize: (sizes: ReadonlyMap<string, number>) => AccountsBySize;
  /** Font of the labels. */
  font: string;
  /** Size of the account labels, in pixels. */
  labelSize: number;
  /** Accounts drawn smaller than this (pixels) are not labelled, unless brought forward. */
  labelThreshold: number;
  /** Multiplies every size in pixels (the PNG export draws at a larger scale). Default 1. */
  scale?: number;
  /** Told of each frame drawn: its labels, community discs and the accounts sigma held. */
  onFrame?: (frame: MapFrame) => void;
  /** A box of the screen a panel covers (the legend): no label is drawn under it. */
  covered?: () => LabelBox | null;
}

/** Links brought forward stroked together, at most (see drawFocus). */
const SEGMENTS_PER_STROKE = 256;
/** Links brought forward above which they are drawn without arrowheads. */
const ARROWS_UP_TO = 2_000;
/** Opacity of sigma's accounts and links while something is brought forward over them. */
const FADED_LAYERS = 0.25;
/** Pixels kept free around each label. */
const LABEL_MARGIN = 2;
/** Community labels' size range, in pixels: the largest community gets the largest. */
const COMMUNITY_LABEL_SIZES = [11, 17] as const;
/** Community discs narrower than this many pixels are not labelled. */
const LABELLED_DISC = 6;
const HALO = 'rgba(255, 255, 255, 0.92)';
const LABEL_COLOR = '#1f2430';

/** Adds the overview and label layers to `sigma`; they redraw after each of its frames. */
export function attachMapLayers(sigma: Sigma, options: MapLayersOptions): void {
  const scale = options.scale ?? 1;
  const discs = sigma.createCanvas('communities', { beforeLayer: 'nodes' }).getContext('2d');
  const labels = sigma.createCanvas('mapLabels', { afterLayer: 'labels' }).getContext('2d');
  if (!discs || !labels) return;
  sigma.on('afterRender', () => {
    const scene = options.getScene();
    const { width, height } = sigma.getDimensions();
    for (const context of [discs, labels]) clearCanvas(context, width, height);
    const space = createLabelSpace();
    const covered = options.covered?.();
    if (covered) space.claim(covered);
    const drawn: DrawnLabel[] = [];
    const drawnDiscs =
      scene.showOverview && scene.overview !== null ? drawOverview(sigma, discs, scene, scale) : [];
    // On large maps, what is brought forward is drawn here, over the map faded.
    const focus = scene.overview === null ? null : (scene.hover ?? scene.focus);
    const canvases = sigma.getCanvases();
    for (const layer of [canvases.nodes, canvases.edges]) {
      if (layer) layer.style.opacity = focus === null ? '' : String(FADED_LAYERS);
    }
    if (focus !== null) drawFocus(sigma, labels, options.graph, scene, focus, scale);
    const accounts = { sigma, context: labels, scene, space, drawn, options, scale };
    drawAccountLabels(accounts, 'forced', options.accountsBySize(scene.appearance.sizes));
    if (scene.showOverview && scene.overview !== null) {
      drawCommunityLabels(sigma, labels, scene.overview, space, drawn, options.font, scale);
    }
    drawAccountLabels(accounts, 'largest', options.accountsBySize(scene.appearance.sizes));
    options.onFrame?.({ labels: drawn, discs: drawnDiscs, held: sigma.getGraph().order });
  });
}

/** Disc centre and radius on screen. */
function discOnScreen(sigma: Sigma, community: { x: number; y: number; radius: number }) {
  const centre = sigma.graphToViewport(community);
  const edge = sigma.graphToViewport({ x: community.x + community.radius, y: community.y });
  return { ...centre, r: Math.hypot(edge.x - centre.x, edge.y - centre.y) };
}

/** Draws the links between communities, then their discs; gives the discs on screen. */
function drawOverview(
  sigma: Sigma,
  context: CanvasRenderingContext2D,
  scene: Scene,
  scale: number,
): DrawnDisc[] {
  const overview = scene.overview as CommunityOverview;
  const onScreen = new Map(
    overview.communities.map((community) => [community.id, discOnScreen(sigma, community)]),
  );
  const heaviest = overview.links[0]?.weight ?? 1;
  const faded = scene.focus !== null || scene.hover !== null;
  context.lineCap = 'round';
  for (const link of [...overview.links].reverse()) {
    const a = onScreen.get(link.source);
    const b = onScreen.get(link.target);
    if (!a || !b) continue;
    const share = Math.log1p(link.weight) / Math.log1p(heaviest);
    context.strokeStyle = `rgba(60, 68, 82, ${faded ? 0.05 : 0.05 + 0.3 * share ** 2})`;
    context.lineWidth = (0.5 + 7 * share ** 3) * scale;
    context.beginPath();
    context.moveTo(a.x, a.y);
    context.lineTo(b.x, b.y);
    context.stroke();
  }
  const { width, height } = sigma.getDimensions();
  const drawn: DrawnDisc[] = [];
  for (const community of [...overview.communities].reverse()) {
    const { x, y, r } = onScreen.get(community.id) as { x: number; y: number; r: number };
    if (x + r < 0 || y + r < 0 || x - r > width || y - r > height) continue;
    drawn.push({ label: community.label, x, y, r });
    const radius = Math.max(1.5 * scale, r);
    context.globalAlpha = faded ? 0.25 : 0.55;
    context.fillStyle = community.color;
    context.beginPath();
    context.arc(x, y, radius, 0, 2 * Math.PI);
    context.fill();
    context.globalAlpha = faded ? 0.35 : 0.9;
    context.strokeStyle = community.color;
    context.lineWidth = 1.5 * scale;
    context.stroke();
  }
  context.globalAlpha = 1;
  return drawn.reverse();
}

/**
 * Draws what is brought forward (the selection and its neighbours, an ego network, a path) over the
 * overview, where sigma holds none of the accounts: its links, then its accounts.
 */
function drawFocus(
  sigma: Sigma,
  context: CanvasRenderingContext2D,
  graph: MapGraph,
  scene: Scene,
  focus: Focus,
  scale: number,
): void {
  const at = (node: string) =>
    sigma.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
  const { colors, sizes } = scene.appearance;
  const few = focus.edges.size <= FEW_FOCUS_EDGES;
  const color = few ? FEW_FOCUS_EDGES_COLOR : FOCUS_EDGE_COLOR;
  const width = (few ? 2 : 1) * scale;
  // Links with a direction end in an arrow at the account that receives the attention, as sigma
  // draws them on smaller maps; not on a hub's thousands of links, whose heads would pile up into
  // a blot (and take the rasteriser most of a second at each frame).
  const arrows = focus.arrows && scene.directed && focus.edges.size <= ARROWS_UP_TO;
  const head = { length: (few ? 9 : 6) * scale, width: (few ? 7 : 4.5) * scale };
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = width;
  // Lines stroked a few hundred at a time: one path of thousands of crossing segments costs the
  // rasteriser far more than its parts.
  const strokes: Path2D[] = [];
  let lines = new Path2D();
  let segments = 0;
  const heads = new Path2D();
  const { width: stageWidth, height: stageHeight } = sigma.getDimensions();
  // Each account's place on screen once, and links wholly beside the screen left out: a hub's
  // neighbourhood has tens of thousands of links, mostly out of view when zoomed in.
  const places = new Map<string, { x: number; y: number }>();
  const place = (node: string) => {
    let found = places.get(node);
    if (found === undefined) {
      found = at(node);
      places.set(node, found);
    }
    return found;
  };
  for (const edge of focus.edges) {
    const [source, target] = graph.extremities(edge);
    const [a, b] = [place(source), place(target)];
    if (
      Math.max(a.x, b.x) < 0 ||
      Math.max(a.y, b.y) < 0 ||
      Math.min(a.x, b.x) > stageWidth ||
      Math.min(a.y, b.y) > stageHeight
    ) {
      continue;
    }
    if (segments++ % SEGMENTS_PER_STROKE === 0) {
      lines = new Path2D();
      strokes.push(lines);
    }
    lines.moveTo(a.x, a.y);
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const gap = sigma.scaleSize((sizes.get(target) ?? 2) * scale);
    if (!arrows || graph.isUndirected(edge) || length <= gap + head.length) {
      lines.lineTo(b.x, b.y);
      continue;
    }
    const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
    const tip = { x: b.x - ux * gap, y: b.y - uy * gap };
    const base = { x: tip.x - ux * head.length, y: tip.y - uy * head.length };
    lines.lineTo(base.x, base.y);
    heads.moveTo(tip.x, tip.y);
    heads.lineTo(base.x - (uy * head.width) / 2, base.y + (ux * head.width) / 2);
    heads.lineTo(base.x + (uy * head.width) / 2, base.y - (ux * head.width) / 2);
    heads.closePath();
  }
  for (const stroke of strokes) context.stroke(stroke);
  context.fill(heads);
  // The accounts in view, one path per colour (a canvas call per account costs more than its
  // drawing), the selected one ringed.
  const discs = new Map<string, Path2D>();
  const ring = new Path2D();
  for (const node of focus.nodes) {
    const { x, y } = place(node);
    const radius = sigma.scaleSize((sizes.get(node) ?? 2) * scale);
    if (x + radius < 0 || y + radius < 0 || x - radius > stageWidth || y - radius > stageHeight) {
      continue;
    }
    const color = colors.get(node) ?? FADED_COLOR;
    let path = discs.get(color);
    if (path === undefined) {
      path = new Path2D();
      discs.set(color, path);
    }
    path.moveTo(x + radius, y);
    path.arc(x, y, radius, 0, 2 * Math.PI);
    if (node === scene.selected) ring.arc(x, y, radius, 0, 2 * Math.PI);
  }
  for (const [color, path] of discs) {
    context.fillStyle = color;
    context.fill(path);
  }
  if (scene.selected !== null) {
    context.strokeStyle = FEW_FOCUS_EDGES_COLOR;
    context.lineWidth = 2 * scale;
    context.stroke(ring);
  }
}

function drawCommunityLabels(
  sigma: Sigma,
  context: CanvasRenderingContext2D,
  overview: CommunityOverview,
  space: LabelSpace,
  drawn: DrawnLabel[],
  font: string,
  scale: number,
): void {
  const largest = overview.communities[0]?.members ?? 1;
  const [small, large] = COMMUNITY_LABEL_SIZES;
  const { width, height } = sigma.getDimensions();
  for (const community of overview.communities) {
    const { x, y, r } = discOnScreen(sigma, community);
    if (r < LABELLED_DISC * scale || x < 0 || y < 0 || x > width || y > height) continue;
    const size = (small + (large - small) * Math.sqrt(community.members / largest)) * scale;
    context.font = `700 ${size}px ${font}`;
    const textWidth = context.measureText(community.label).width;
    const box = { x: x - textWidth / 2, y: y - size * 0.8, width: textWidth, height: size * 1.1 };
    if (!space.claim(withMargin(box, LABEL_MARGIN * scale))) continue;
    drawHaloText(context, community.label, box.x, y + size * 0.3, size);
    drawn.push({ ...box, text: community.label, kind: 'community' });
  }
}

/** Where account labels are drawn, and what with. */
interface AccountLabelling {
  sigma: Sigma;
  context: CanvasRenderingContext2D;
  scene: Scene;
  space: LabelSpace;
  drawn: DrawnLabel[];
  options: MapLayersOptions;
  scale: number;
}

/**
 * Labels the accounts brought forward (`forced`: the selection, a small focus) or the largest in
 * view (`largest`, until they get too small), each where its box is free.
 */
function drawAccountLabels(
  { sigma, context, scene, space, drawn, options, scale }: AccountLabelling,
  which: 'forced' | 'largest',
  candidates: AccountsBySize,
): void {
  const size = options.labelSize * scale;
  context.font = `600 ${size}px ${options.font}`;
  const { width, height } = sigma.getDimensions();
  const held = sigma.getGraph();
  /**
   * How sigma draws an account, or, when it does not hold it (the overview, or an account left out
   * of the part of a large map it holds), how the page does when `forced`; null for an account
   * not drawn (hidden, or not held and not forced).
   */
  const displayed = (node: string, forced: boolean) => {
    if (held.hasNode(node)) {
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) return null;
      return { label: data.label, size: data.size, at: sigma.framedGraphToViewport(data) };
    }
    if (!(forced || scene.showOverview) || (scene.shown !== null && !scene.shown.has(node))) {
      return null;
    }
    const attributes = options.graph.getNodeAttributes(node);
    return {
      label: displayName(node, attributes),
      size: scene.appearance.sizes.get(node) ?? 2,
      at: sigma.graphToViewport(attributes as { x: number; y: number }),
    };
  };
  const label = (node: string, forced: boolean) => {
    const data = displayed(node, forced);
    if (data === null) return;
    const radius = sigma.scaleSize(data.size);
    if (!forced && radius < options.labelThreshold * scale) return;
    const { at } = data;
    const x = at.x + radius + 3 * scale;
    if (at.x < 0 || at.y < 0 || at.x > width || at.y > height) return;
    const box = {
      x,
      y: at.y - size * 0.8,
      width: context.measureText(data.label).width,
      height: size * 1.1,
    };
    if (!space.claim(withMargin(box, LABEL_MARGIN * scale))) return;
    drawHaloText(context, data.label, x, at.y + size / 3, size);
    drawn.push({ ...box, text: data.label, kind: 'account' });
  };
  if (which === 'forced') {
    const focus = scene.hover ?? scene.focus;
    if (scene.selected !== null) label(scene.selected, true);
    if (focus !== null && focus.nodes.size <= LABEL_ALL_UP_TO) {
      for (const node of focus.nodes) label(node, true);
    }
    return;
  }
  if (scene.showOverview) return;
  // Largest first, those in view, until accounts get too small to be labelled.
  const [a, b] = [
    sigma.viewportToGraph({ x: 0, y: 0 }),
    sigma.viewportToGraph({ x: width, y: height }),
  ];
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [bottom, top] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  const { order, x, y, sizes } = candidates;
  for (let index = 0; index < order.length; index++) {
    const node = order[index] as string;
    if (sigma.scaleSize((sizes.get(node) ?? 0) * scale) < options.labelThreshold * scale) break;
    const [nx, ny] = [x[index] as number, y[index] as number];
    if (nx < left || nx > right || ny < bottom || ny > top) continue;
    label(node, false);
  }
}

/** Clears a canvas, sized first to the stage (in device pixels) when it is not. */
function clearCanvas(context: CanvasRenderingContext2D, width: number, height: number): void {
  const pixelRatio = window.devicePixelRatio || 1;
  const { canvas } = context;
  if (
    canvas.width !== Math.round(width * pixelRatio) ||
    canvas.height !== Math.round(height * pixelRatio)
  ) {
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
  }
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, width, height);
}

function withMargin(box: LabelBox, margin: number): LabelBox {
  return {
    x: box.x - margin,
    y: box.y - margin,
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  };
}

function drawHaloText(
  context: CanvasRenderingContext2D,
  text: string,
  x: number,
  baseline: number,
  size: number,
): void {
  context.lineJoin = 'round';
  context.lineWidth = Math.max(2, size / 4);
  context.strokeStyle = HALO;
  context.strokeText(text, x, baseline);
  context.fillStyle = LABEL_COLOR;
  context.fillText(text, x, baseline);
}
