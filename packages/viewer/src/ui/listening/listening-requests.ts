// The listening panel's calls to the API: the series for the selectors (the latest asked wins), the
// watch list learnt from the first answer, and the topics with their thematic communities.
import { type ListeningView, type Topics } from '@kolmap/model';
import type { ApiClient, ListeningQuery } from '../../api/api-client.js';
import type { WatchList } from '../../listening/listening-selectors.js';
import { listeningRequest, toWatchList } from './listening-state.js';

export interface ListeningLoaderHandlers {
  /** The selectors as they are now. */
  query: () => ListeningQuery;
  /** The first answer: the watch list's names are known (once; may change the selectors). */
  watchList: (listening: ListeningView, watch: WatchList) => void;
  /** The answer to the selectors `shown`, when no later request was made meanwhile. */
  answer: (listening: ListeningView, shown: ListeningQuery) => void;
  failure: (error: Error) => void;
  /** Whether an answer is awaited. */
  busy: (busy: boolean) => void;
}

/** Loads the listening series of map `mapId` for the panel's handlers. */
export function createListeningLoader(
  api: ApiClient,
  mapId: string,
  handlers: ListeningLoaderHandlers,
) {
  let watch: WatchList | null = null;
  let asked = 0;

  /** Asks for the series of the selectors as they are; an answer to an older request is dropped. */
  async function load(): Promise<void> {
    const ask = ++asked;
    handlers.busy(true);
    try {
      const wanted = handlers.query();
      const request = listeningRequest(wanted, watch);
      const listening = await api.getListening(mapId, request.query);
      if (ask !== asked) return;
      // Letting go of names the watch list has not changes the selectors, which loads them again.
      if (watch === null) {
        watch = toWatchList(listening);
        handlers.watchList(listening, watch);
      }
      if (ask !== asked) return;
      // The link's brands and area are all the watch list's: now they are asked for.
      if (request.checking) {
        void load();
        return;
      }
      handlers.answer(listening, wanted);
    } catch (error) {
      if (ask !== asked) return;
      handlers.failure(error as Error);
    } finally {
      if (ask === asked) handlers.busy(false);
    }
  }

  return {
    load,
    /** The map's most used topics and its thematic communities. */
    topics: (): Promise<Topics> => api.getTopics(mapId),
  };
}
