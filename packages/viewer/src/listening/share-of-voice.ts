// Share of voice over the whole time range: each brand's share of the posts naming a brand, and the
// same with each post weighted by its author's KOL score (a KOL's post weighs more than an unknown
// account's), own products and competitors side by side.
import { type ShareOfVoiceRow } from '@kolmap/model';

export interface BrandShare {
  brand: string;
  /** The laboratory's own product (else a competitor's). */
  own: boolean;
  posts: number;
  /** Share of the posts (0–1). */
  share: number;
  /** Share of the KOL-weighted posts (0–1). */
  weightedShare: number;
}

/**
 * The periods' rows added up per brand: shares of the totals over every period (not means of the
 * periods' shares, so a busy month weighs more). Largest share of posts first (ties: name).
 */
export function totalShareOfVoice(rows: readonly ShareOfVoiceRow[]): BrandShare[] {
  const brands = new Map<string, { own: boolean; posts: number; weighted: number }>();
  let posts = 0;
  let weighted = 0;
  for (const row of rows) {
    const brand = brands.get(row.brand) ?? { own: row.own, posts: 0, weighted: 0 };
    brand.posts += row.posts;
    brand.weighted += row.weighted;
    brands.set(row.brand, brand);
    posts += row.posts;
    weighted += row.weighted;
  }
  return [...brands]
    .map(([brand, totals]) => ({
      brand,
      own: totals.own,
      posts: totals.posts,
      share: posts > 0 ? totals.posts / posts : 0,
      weightedShare: weighted > 0 ? totals.weighted / weighted : 0,
    }))
    .sort((a, b) => b.share - a.share || a.brand.localeCompare(b.brand));
}
