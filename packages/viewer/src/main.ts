// The viewer's entry: the map picker at `/`, a map at `/maps/<id>?…` (the rest of the URL is the
// view), both talking to the API that serves this page.
import './styles.css';
import { createApiClient } from './api/api-client.js';
import { fromViewUrl } from './state/url-state.js';
import { askForApiKey, readApiKey, saveApiKey } from './ui/api-key-dialog.js';
import { mountMapPicker } from './ui/map-picker.js';
import { mountMapView } from './ui/map-view/map-view.js';
import { mountToasts } from './ui/toast.js';

const root = document.getElementById('app') as HTMLElement;
const api = createApiClient({ getKey: readApiKey, setKey: saveApiKey, askForKey: askForApiKey });
const toast = mountToasts(document.body);
const state = fromViewUrl(window.location.pathname, window.location.search);
if (state.mapId === null) {
  void mountMapPicker(root, api);
} else {
  void mountMapView(root, api, { ...state, mapId: state.mapId }, toast);
}
