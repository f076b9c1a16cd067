// The map's actions in the top bar: re-run the layout (with progress, and stop), save the view as a
// PNG with its legend, copy the link to this view.
import type { MapGraph } from '../graph/map-graph.js';
import type { DrawnLegend } from '../render/draw-legend.js';
import { exportPng } from '../render/export-png.js';
import type { MapRenderer } from '../render/map-renderer.js';
import { type LayoutRun, runLayout } from '../render/run-layout.js';
import { h } from './dom.js';
import type { Toast } from './toast.js';

export function createMapToolbar(
  graph: MapGraph,
  renderer: MapRenderer,
  mapName: string,
  toast: Toast,
  /** The legend as it is on screen, for the image. */
  legend: () => DrawnLegend,
  /** The address of the view as it is now (the address bar follows it a moment later). */
  viewLink: () => string,
): HTMLElement {
  const progress = h('progress', {
    class: 'layout-progress',
    max: 1,
    value: 0,
    hidden: true,
    'aria-label': 'Layout progress',
  });
  const layoutButton = h(
    'button',
    { type: 'button', class: 'button', title: 'Lay the map out again (ForceAtlas2)' },
    'Run layout',
  );
  let run: LayoutRun | null = null;
  layoutButton.addEventListener('click', () => {
    if (run) return run.stop();
    layoutButton.textContent = 'Stop layout';
    layoutButton.classList.add('button-on');
    progress.hidden = false;
    progress.value = 0;
    run = runLayout(graph, {
      onProgress: (share) => {
        progress.value = share;
      },
      onEnd: () => {
        run = null;
        layoutButton.textContent = 'Run layout';
        layoutButton.classList.remove('button-on');
        progress.hidden = true;
      },
    });
  });

  const pngButton = h(
    'button',
    { type: 'button', class: 'button', title: 'Save the current view as a high-resolution PNG' },
    'PNG',
  );
  pngButton.addEventListener('click', async () => {
    pngButton.disabled = true;
    try {
      const blob = await exportPng(renderer.sigma, {
        legend: legend(),
        layers: renderer.drawLayers,
      });
      const link = h('a', {
        href: URL.createObjectURL(blob),
        download: `${mapName.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.png`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      toast(`The image could not be made: ${(error as Error).message}`, 'error');
    } finally {
      pngButton.disabled = false;
    }
  });

  const linkButton = h(
    'button',
    { type: 'button', class: 'button', title: 'Copy a link to this view' },
    'Copy link',
  );
  linkButton.addEventListener('click', async () => {
    const link = viewLink();
    try {
      await navigator.clipboard.writeText(link);
      toast('Link to this view copied.');
    } catch {
      toast(`Copy this link: ${link}`);
    }
  });

  return h('div', { class: 'toolbar' }, progress, layoutButton, pngButton, linkButton);
}
