// Saved shortlists: accounts picked by hand or from filters, kept with the map. The do-not-contact
// list of the map's watch list (its accounts, and their actors' other accounts) is refused.
import type {
  SaveShortlistInput,
  Shortlist,
  ShortlistSummary,
  ShortlistsResource,
} from '../store/map-store.js';
import type { MapListenings } from './map-listenings.js';
import { DoNotContactError } from './service-errors.js';

/** A shortlist to save: its name, account keys and the filters it was built with. */
export type NewShortlist = Omit<SaveShortlistInput, 'createdBy'>;

export class ShortlistsService {
  private readonly shortlists: ShortlistsResource;
  private readonly listenings: MapListenings;

  constructor(shortlists: ShortlistsResource, listenings: MapListenings) {
    this.shortlists = shortlists;
    this.listenings = listenings;
  }

  /** Saves a shortlist by `createdBy`; DoNotContactError names each account of the list. */
  async save(mapId: string, shortlist: NewShortlist, createdBy: string): Promise<Shortlist> {
    const blocked = new Set(await this.listenings.doNotContact(mapId));
    const refused = shortlist.accountKeys.flatMap((key, index) =>
      blocked.has(key) ? [{ index, key }] : [],
    );
    if (refused.length > 0) throw new DoNotContactError(mapId, refused);
    return this.shortlists.save(mapId, { ...shortlist, createdBy });
  }

  /** The map's shortlists without their accounts, newest first. */
  list(mapId: string): Promise<ShortlistSummary[]> {
    return this.shortlists.list(mapId);
  }

  get(mapId: string, shortlistId: string): Promise<Shortlist> {
    return this.shortlists.get(mapId, shortlistId);
  }
}
