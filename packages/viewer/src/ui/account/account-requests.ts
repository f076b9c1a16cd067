// The account panel's call to the API: an account's full profile (bio, link, accounts…), asked for
// when it is first shown and kept, answer or failure, for the rest of the visit.
import { type AccountDetail } from '@kolmap/model';
import type { ApiClient } from '../../api/api-client.js';

export interface AccountDetails {
  /**
   * The details of `key`: the answer, the error it failed with, or undefined while they are not in
   * (which asks for them; `loaded(key)` is called when they come).
   */
  get: (key: string) => AccountDetail | Error | undefined;
}

/** The details of map `mapId`'s accounts; `loaded` is told of each answer or failure. */
export function createAccountDetails(
  api: ApiClient,
  mapId: string,
  loaded: (key: string) => void,
): AccountDetails {
  const details = new Map<string, AccountDetail | Error>();
  return {
    get(key) {
      const detail = details.get(key);
      if (detail === undefined) {
        api.getAccount(mapId, key).then(
          (answer) => {
            details.set(key, answer);
            loaded(key);
          },
          (error: Error) => {
            details.set(key, error);
            loaded(key);
          },
        );
      }
      return detail;
    },
  };
}
