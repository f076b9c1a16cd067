// The Listening and PV queue views, on maps analysed with a watch list; the PV queue only for the
// roles that may read it (analysts and admins), never asked for by the others. A link naming one of
// them opens it once it is known to be there, and falls back to Explore otherwise (unless the view
// was changed meanwhile).
import type { View } from '../../state/view-state.js';
import type { MapContext } from '../map-context.js';
import { mountPvQueuePanel } from '../pv-queue/pv-queue-panel.js';
import type { Tabs } from '../tabs.js';
import { mayReviewPv } from './map-view-requests.js';

/** Shows the views the map has among `tabs` once its description is in; mounts the PV queue in `pvPanel`. */
export function mountWatchListViews(context: MapContext, tabs: Tabs, pvPanel: HTMLElement): void {
  const { store, info } = context;
  const openOr = (view: View, shown: boolean) => {
    if (store.get().view !== view) return;
    if (!shown || !tabs.choose(view)) store.set({ view: 'explore' });
  };
  let described = false;
  info.subscribe(({ map: answer }) => {
    if (described || answer === null) return;
    described = true;
    const listening = Boolean(answer.attributes.listening);
    tabs.setShown('listening', listening);
    openOr('listening', listening);
    if (!listening) {
      openOr('pv', false);
      return;
    }
    mayReviewPv(context.api)
      .then((may) => (may ? mountPvQueuePanel(pvPanel, context) : false))
      .then(
        (shown) => {
          tabs.setShown('pv', shown);
          openOr('pv', shown);
        },
        (error: Error) => {
          openOr('pv', false);
          context.toast(`The PV queue could not be loaded: ${error.message}`, 'error');
        },
      );
  });
}
