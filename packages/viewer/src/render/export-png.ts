// The current view as a high-resolution PNG: a second, off-screen sigma draws the same graph with the
// same reducers and camera at `scale` times the size (nodes, links and labels scaled alike), its
// layers are flattened on a white background, and the legend is drawn over them where it is on
// screen.
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { type DrawnLegend, drawLegend } from './draw-legend.js';

export interface PngOptions {
  /** How many times the on-screen size. Default 3. */
  scale: number;
  /** Default white. */
  background: string;
  /** The legend drawn in the bottom-left corner; null for none. Default null. */
  legend: DrawnLegend | null;
  /** Adds the page's own layers (overview, labels) to the off-screen sigma, at its scale. */
  layers: ((sigma: Sigma, scale: number) => void) | null;
}

export const DEFAULT_PNG_OPTIONS: Readonly<PngOptions> = Object.freeze({
  scale: 3,
  background: '#ffffff',
  legend: null,
  layers: null,
});

/** Pixels between the legend and the image's edges, on screen. */
const LEGEND_INSET = 12;

/** Sigma settings measured in pixels, multiplied by the scale. */
const PIXEL_SETTINGS = [
  'labelSize',
  'labelGridCellSize',
  'labelRenderedSizeThreshold',
  'stagePadding',
] as const;

export async function exportPng(sigma: Sigma, options: Partial<PngOptions> = {}): Promise<Blob> {
  const { scale, background, legend, layers } = { ...DEFAULT_PNG_OPTIONS, ...options };
  const { width, height } = sigma.getDimensions();
  const holder = document.createElement('div');
  Object.assign(holder.style, {
    position: 'absolute',
    left: '-100000px',
    top: '0',
    width: `${width * scale}px`,
    height: `${height * scale}px`,
  });
  document.body.append(holder);
  const settings = sigma.getSettings();
  const { nodeReducer, edgeReducer } = settings;
  const scaled: Partial<typeof settings> = {
    ...settings,
    hideEdgesOnMove: false,
    nodeReducer: (node, data) => {
      const display: Partial<NodeDisplayData> = nodeReducer ? nodeReducer(node, data) : data;
      return { ...display, size: (display.size ?? 1) * scale };
    },
    edgeReducer: (edge, data) => {
      const display: Partial<EdgeDisplayData> = edgeReducer ? edgeReducer(edge, data) : data;
      return { ...display, size: (display.size ?? 1) * scale };
    },
  };
  for (const name of PIXEL_SETTINGS) scaled[name] = settings[name] * scale;
  const renderer = new Sigma(sigma.getGraph(), holder, scaled);
  try {
    renderer.setCustomBBox(sigma.getCustomBBox());
    layers?.(renderer, scale);
    renderer.getCamera().setState(sigma.getCamera().getState());
    renderer.refresh();
    const pixelRatio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale * pixelRatio;
    canvas.height = height * scale * pixelRatio;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const [name, layer] of Object.entries(renderer.getCanvases())) {
      if (name !== 'mouse') context.drawImage(layer, 0, 0, canvas.width, canvas.height);
    }
    if (legend) {
      drawLegend(context, legend, {
        scale: scale * pixelRatio,
        inset: LEGEND_INSET * scale * pixelRatio,
      });
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    renderer.kill();
    holder.remove();
  }
}
