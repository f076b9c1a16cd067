// The zoom buttons over the map: in, out, and the whole map.
import type { Camera } from 'sigma';
import { h } from '../dom.js';

/** The buttons moving `camera`; `showAll` frames the whole map. */
export function zoomControls(camera: Camera, showAll: () => void): HTMLElement {
  const button = (label: string, title: string, action: () => void) =>
    h(
      'button',
      { type: 'button', class: 'zoom-button', 'aria-label': title, title, onclick: action },
      label,
    );
  return h(
    'div',
    { class: 'zoom-controls', role: 'group', 'aria-label': 'Zoom' },
    button('+', 'Zoom in', () => void camera.animatedZoom({ duration: 250 })),
    button('−', 'Zoom out', () => void camera.animatedUnzoom({ duration: 250 })),
    button('⤢', 'Show the whole map', showAll),
  );
}
