// The wire shapes of shortlists: a shortlist row (`shortlist.json`, the leaders of thematic
// communities) and a saved shortlist.
import { z } from 'zod';

/** One account of a shortlist. Absent account fields are `null`. */
export const shortlistRowSchema = z.object({
  /** 1-based place in the shortlist. */
  position: z.number().int(),
  key: z.string(),
  name: z.string().nullable(),
  handle: z.string().nullable(),
  platform: z.string().nullable(),
  actorType: z.string().nullable(),
  community: z.number().nullable(),
  /** From the shortlist's community labels, else the node's `communityLabel` attribute. */
  communityLabel: z.string().nullable(),
  kolScore: z.number(),
  /** Global rank by KOL score. */
  rank: z.number().nullable(),
  role: z.string().nullable(),
  followers: z.number().nullable(),
  url: z.string().nullable(),
  /** Diverse mode: why the account was picked, in plain words; `null` in top mode. */
  reason: z.string().nullable(),
  language: z.string().nullable(),
  country: z.string().nullable(),
});
export type ShortlistRow = z.infer<typeof shortlistRowSchema>;

/** A saved shortlist: accounts picked by hand or from filters, in the saved order. */
export const savedShortlistSchema = z
  .object({
    id: z.string(),
    mapId: z.string(),
    name: z.string(),
    filters: z.record(z.string(), z.unknown()),
    createdBy: z.string(),
    createdAt: z.string(),
    size: z.number().int(),
    accountKeys: z.array(z.string()),
  })
  .meta({ id: 'Shortlist' });
export type SavedShortlist = z.infer<typeof savedShortlistSchema>;
