// The wire shapes of `findKols` (`GET /maps/:id/kols`): its query (the account filter, a text, a page
// size and a cursor) and a page of accounts.
import { z } from 'zod';
import type { AccountFilter } from './account-filter.js';
import { accountRecordSchema } from './map-schemas.js';
import { actorTypeSchema, KOL_ROLES, platformSchema } from './vocabulary.js';

/** One value or a list of values (any of them matches). */
function oneOrMany<T extends z.ZodType>(schema: T) {
  return z
    .union([schema, z.array(schema).min(1)])
    .transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]));
}

export const FIND_KOLS_DEFAULT_LIMIT = 50;
export const FIND_KOLS_MAX_LIMIT = 1000;

/**
 * `findKols` filters. Accounts are ordered by KOL score (highest first; accounts without a score
 * last) then key (ascending, by UTF-16 code units), so pages are stable.
 * - `community`, `actorType`, `platform`, `role`, `language`, `country`, `minScore`, `maxScore`: the
 *   account filter (see `AccountFilter`: a list matches any value; `language` and `country` any
 *   case, a language code also finds its regional variants, `fr` finds `fr-CA`).
 * - `text`: the folded name or handle contains the folded text (see `foldText`; a leading `@` is ignored).
 * - `limit`: 1..1000, default 50. `cursor`: the `nextCursor` of the previous page, with the same filters.
 */
export const findKolsQuerySchema = z.strictObject({
  community: oneOrMany(z.number().int().nonnegative()).optional(),
  actorType: oneOrMany(actorTypeSchema).optional(),
  platform: oneOrMany(platformSchema).optional(),
  role: oneOrMany(z.enum(KOL_ROLES)).optional(),
  language: oneOrMany(z.string().min(1).max(20)).optional(),
  country: oneOrMany(z.string().min(1).max(60)).optional(),
  minScore: z.number().min(0).max(100).optional(),
  maxScore: z.number().min(0).max(100).optional(),
  text: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(FIND_KOLS_MAX_LIMIT).default(FIND_KOLS_DEFAULT_LIMIT),
  cursor: z.string().max(2000).optional(),
});
export type FindKolsQuery = z.input<typeof findKolsQuerySchema>;

/** The account filter of parsed `findKols` filters (the query's names are singular). */
export function kolQueryFilter(query: {
  community?: number[];
  actorType?: string[];
  platform?: string[];
  role?: string[];
  language?: string[];
  country?: string[];
  minScore?: number;
  maxScore?: number;
}): AccountFilter {
  return {
    ...(query.community && { communities: query.community }),
    ...(query.actorType && { actorTypes: query.actorType }),
    ...(query.platform && { platforms: query.platform }),
    ...(query.role && { roles: query.role }),
    ...(query.language && { languages: query.language }),
    ...(query.country && { countries: query.country }),
    ...(query.minScore !== undefined && { minScore: query.minScore }),
    ...(query.maxScore !== undefined && { maxScore: query.maxScore }),
  };
}

/** A page of KOLs: accounts in KOL order, and the cursor of the next page (null on the last). */
export const kolPageSchema = z.object({
  items: z.array(accountRecordSchema),
  nextCursor: z.string().nullable(),
});
export type KolPage = z.infer<typeof kolPageSchema>;
