// Moving the camera without redrawing every frame: while the mouse drags or the wheel zooms, the
// drawn image is moved and scaled (a CSS transform, which the browser composites at full frame
// rate), and sigma redraws once, at the new camera, when the gesture ends. Used where each frame
// costs too much to redraw live (software rendering, very large maps).
import type Sigma from 'sigma';

/** Pixels the pointer must move, button down, before a press becomes a drag (not a click). */
export const DRAG_TOLERANCE = 3;
/** Milliseconds without a wheel event that end a zoom. */
export const WHEEL_END_MS = 160;
/** Zoom per wheel pixel: a 100-pixel notch zooms by e^0.2 ≈ 1.22. */
const WHEEL_ZOOM = 0.002;

/**
 * Whether a WebGL renderer name (WEBGL_debug_renderer_info) is a software rasteriser, on which
 * each frame of a large map takes long to draw.
 */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(name);
}

/** The WebGL renderer name of a canvas already drawn on with WebGL, or '' when it does not tell. */
export function webglRendererName(canvas: HTMLCanvasElement | undefined): string {
  const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/**
 * Takes over mouse panning and wheel zooming of `sigma`, whose canvases `layer` holds. A click
 * that ends a drag is swallowed, so that dragging never deselects.
 */
export function moveCameraByBitmap(sigma: Sigma, layer: HTMLElement): void {
  const camera = sigma.getCamera();
  let start: { x: number; y: number } | null = null;
  let shift = { x: 0, y: 0 };
  let dragged = false;
  let zoom: { origin: { x: number; y: number }; scale: number; timer: number } | null = null;

  const redrawAt = (state: { x: number; y: number; ratio: number }) => {
    sigma.once('afterRender', () => {
      layer.style.transform = '';
    });
    camera.setState(state);
  };

  layer.addEventListener(
    'mousedown',
    (event) => {
      if (event.button !== 0) return;
      start = { x: event.clientX, y: event.clientY };
      shift = { x: 0, y: 0 };
      dragged = false;
    },
    true,
  );
  document.addEventListener(
    'mousemove',
    (event) => {
      if (!start || (event.buttons & 1) === 0) return;
      shift = { x: event.clientX - start.x, y: event.clientY - start.y };
      if (!dragged && Math.hypot(shift.x, shift.y) < DRAG_TOLERANCE) return;
      dragged = true;
      event.stopImmediatePropagation();
      event.preventDefault();
      layer.style.transformOrigin = '0 0';
      layer.style.transform = `translate(${shift.x}px, ${shift.y}px)`;
    },
    true,
  );
  document.addEventListener(
    'mouseup',
    () => {
      if (!start) return;
      start = null;
      if (!dragged) return;
      const { width, height } = sigma.getDimensions();
      const centre = sigma.viewportToFramedGraph({
        x: width / 2 - shift.x,
        y: height / 2 - shift.y,
      });
      redrawAt({ ...camera.getState(), x: centre.x, y: centre.y });
    },
    true,
  );
  layer.addEventListener(
    'click',
    (event) => {
      if (!dragged) return;
      dragged = false;
      event.stopImmediatePropagation();
    },
    true,
  );
  layer.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      const bounds = layer.getBoundingClientRect();
      zoom ??= {
        origin: { x: event.clientX - bounds.left, y: event.clientY - bounds.top },
        scale: 1,
        timer: 0,
      };
      const pixels = event.deltaMode === 1 ? event.deltaY * 40 : event.deltaY;
      const ratio = camera.getBoundedRatio(
        camera.ratio / (zoom.scale * Math.exp(-pixels * WHEEL_ZOOM)),
      );
      zoom.scale = camera.ratio / ratio;
      layer.style.transformOrigin = `${zoom.origin.x}px ${zoom.origin.y}px`;
      layer.style.transform = `scale(${zoom.scale})`;
      clearTimeout(zoom.timer);
      zoom.timer = window.setTimeout(() => {
        const ended = zoom;
        zoom = null;
        if (ended) redrawAt(sigma.getViewportZoomedState(ended.origin, camera.ratio / ended.scale));
      }, WHEEL_END_MS);
    },
    { capture: true, passive: false },
  );
}
