// The map on the stage: sigma's renderer drawing the scene the view state gives, the neighbourhood
// of the account hovered brought forward, clicks and camera moves sent to the view state.
import type { MapGraph } from '../../graph/map-graph.js';
import type { DerivedView } from '../../render/derive-view.js';
import type { LabelBox } from '../../render/label-space.js';
import { createMapRenderer, type MapRenderer } from '../../render/map-renderer.js';
import { needsProcess, neighbourhoodFocus, type Scene } from '../../render/scene.js';
import type { Store } from '../../state/create-store.js';
import type { CameraView, ViewState } from '../../state/view-state.js';
import { CLEARED, toScene } from './map-view-state.js';

/** Performance mark set when the map's first frame is on screen. */
export const FIRST_RENDER_MARK = 'kolmap:first-render';
/** Performance mark set when a frame with the map's links is on screen (on large maps, later). */
export const LINKS_DRAWN_MARK = 'kolmap:links-drawn';
/** Performance mark set when the first frame after an account is selected (highlighted, its panel open) is on screen. */
export const ACCOUNT_SELECTED_MARK = 'kolmap:account-selected';

/** Community discs of the last frame described on the container (`data-largest-discs`). */
const LARGEST_DISCS = 20;

/** Milliseconds the pointer rests on an account before its neighbourhood comes forward. */
const HOVER_DELAY_MS = 80;

export interface MapStageOptions {
  graph: MapGraph;
  store: Store<ViewState>;
  derived: Store<{ view: DerivedView }>;
  /** The camera a link names; null frames the whole map. */
  camera: CameraView | null;
  /** Links of the map. */
  links: number;
  /** Adds the links after the first frame, on maps drawn first without them; null otherwise. */
  addLinks: (() => void) | null;
  /** Width the legend covers on the map's left side, in pixels. */
  coveredLeft: () => number;
  /** The legend's box over the map (no label is drawn under it), null before it is mounted. */
  coveredBox: () => LabelBox | null;
  /** The first frame is on screen. */
  onFirstRender: () => void;
}

/** The renderer in `container`, redrawn whenever the derived view or the selection changes. */
export function createMapStage(container: HTMLElement, options: MapStageOptions): MapRenderer {
  const { graph, store, derived } = options;
  let hover: Scene['hover'] = null;
  let hoverTimer = 0;
  let ratio = options.camera?.ratio ?? 1;
  const current = () => toScene(derived.get().view, store.get().selected, hover, graph, ratio);
  let scene = current();
  /** Draws the scene as it is now: sigma processes the accounts again only when it must. */
  const update = () => {
    const before = scene;
    scene = current();
    if (needsProcess(before, scene)) renderer.refresh();
    else renderer.redraw();
  };
  const renderer = createMapRenderer(container, graph, {
    getScene: () => scene,
    onClickNode: (node) => store.set({ selected: node, focusCommunity: null }),
    onClickStage: () => store.set(CLEARED),
    onHover: (node) => {
      // The neighbourhood comes forward once the pointer rests on an account, so that sweeping
      // across the map does not redraw it at every account passed over.
      clearTimeout(hoverTimer);
      hoverTimer = window.setTimeout(
        () => {
          hover = node === null ? null : neighbourhoodFocus(graph, node);
          update();
        },
        node === null ? 0 : HOVER_DELAY_MS,
      );
    },
    onCamera: (camera) => {
      // Crossing the zoom at which a large map's accounts replace its communities redraws it.
      ratio = camera.ratio;
      if (current().showOverview !== scene.showOverview) update();
      store.set({ camera: { x: camera.x, y: camera.y, ratio: camera.ratio } });
    },
    onFrame: ({ labels, discs, held }) => {
      // For tests and tools: what the last frame labelled, the community discs drawn and the
      // accounts sigma held.
      container.dataset.discs = String(discs.length);
      container.dataset.largestDiscs = JSON.stringify(
        discs
          .slice(0, LARGEST_DISCS)
          .map(({ label, x, y, r }) => ({ label, circle: [x, y, r].map(Math.round) })),
      );
      container.dataset.held = String(held);
      container.dataset.labels = JSON.stringify(
        labels.map(({ text, kind, x, y, width, height }) => ({
          text,
          kind,
          box: [x, y, width, height].map(Math.round),
        })),
      );
    },
    coveredLeft: options.coveredLeft,
    coveredBox: options.coveredBox,
    links: options.links,
    addLinks: options.addLinks,
    onLinksDrawn: () => performance.mark(LINKS_DRAWN_MARK),
    onFirstRender: () => {
      performance.mark(FIRST_RENDER_MARK);
      options.onFirstRender();
    },
  });
  if (options.camera) renderer.sigma.getCamera().setState(options.camera);
  derived.subscribe(update);
  store.subscribe((state, previous) => {
    if (state.selected === previous.selected) return;
    update();
    if (state.selected !== null) {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => performance.mark(ACCOUNT_SELECTED_MARK)),
      );
    }
  });
  return renderer;
}
