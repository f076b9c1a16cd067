// Who gives attention to whom in the demo scenario: mostly inside one's planted community, on the
// same platform, in proportion to the receiver's attractiveness (so KOLs get much of it).
import type { Platform } from '@kolmap/core';
import type { CastAccount } from './cast.js';
import { cumulate, type Rng } from './rng.js';
import { COMMUNITIES } from './scenario.js';

/** Share of a non-broker's attention that goes to another community than the one it speaks to. */
const OUTSIDE_SHARE = 0.1;
/** Share of that outside attention that goes to the same area in the other language. */
const SIBLING_SHARE = 0.4;

interface Pool {
  members: Int32Array;
  cumulative: Float64Array;
}

/** Weighted pools of receivers per platform and community, and the draws made from them. */
export class AttentionPools {
  /** Pools by `platform * communities + community`, then one per platform; undefined when empty. */
  private readonly pools: (Pool | undefined)[];
  /** Index of each account's platform in the platform pools. */
  private readonly platformOf: Int32Array;
  /** Where the per-platform pools start in `pools`. */
  private readonly platformBase: number;
  private readonly sibling: number[];
  /** Per community, running sums of the other communities' weights. */
  private readonly others: Float64Array[];

  constructor(
    private readonly cast: readonly CastAccount[],
    private readonly rng: Rng,
  ) {
    const communities = COMMUNITIES.length;
    const platforms = new Map<Platform, number>();
    this.platformOf = Int32Array.from(cast, (entry) => {
      const known = platforms.get(entry.account.platform);
      if (known !== undefined) return known;
      platforms.set(entry.account.platform, platforms.size);
      return platforms.size - 1;
    });
    this.platformBase = platforms.size * communities;
    const byCommunity: number[][] = Array.from({ length: platforms.size * communities }, () => []);
    const byPlatform: number[][] = Array.from({ length: platforms.size }, () => []);
    cast.forEach((entry, index) => {
      const platform = this.platformOf[index] ?? 0;
      byPlatform[platform]?.push(index);
      byCommunity[platform * communities + entry.community]?.push(index);
      if (entry.second >= 0) byCommunity[platform * communities + entry.second]?.push(index);
    });
    this.pools = [...byCommunity, ...byPlatform].map((members) =>
      members.length === 0
        ? undefined
        : {
            members: Int32Array.from(members),
            cumulative: cumulate(members.map((index) => (cast[index] as CastAccount).attention)),
          },
    );
    this.sibling = COMMUNITIES.map((spec) =>
      COMMUNITIES.findIndex((other) => other.area === spec.area && other.name !== spec.name),
    );
    this.others = COMMUNITIES.map((_, focus) =>
      cumulate(COMMUNITIES.map((spec, index) => (index === focus ? 0 : spec.weight))),
    );
  }

  /** The community an account speaks to in one post or follow: a broker splits its time in two. */
  focus(giver: number): number {
    const entry = this.cast[giver] as CastAccount;
    return entry.second >= 0 && this.rng.chance(0.5) ? entry.second : entry.community;
  }

  /**
   * An account of the same platform that `giver` gives attention to while speaking to `focus`,
   * or -1 when the platform has nobody else.
   */
  receiver(giver: number, focus: number): number {
    const entry = this.cast[giver] as CastAccount;
    let community = focus;
    if (entry.second < 0 && this.rng.chance(OUTSIDE_SHARE)) community = this.elsewhere(focus);
    const platform = this.platformOf[giver] ?? 0;
    const inCommunity = this.pools[platform * COMMUNITIES.length + community];
    return (
      this.draw(inCommunity, giver) ??
      this.draw(this.pools[this.platformBase + platform], giver) ??
      -1
    );
  }

  /** A member of the pool other than `giver`, by attractiveness; undefined after a few misses. */
  private draw(pool: Pool | undefined, giver: number): number | undefined {
    if (!pool) return undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      const picked = pool.members[this.rng.pickCumulative(pool.cumulative)] as number;
      if (picked !== giver) return picked;
    }
    return undefined;
  }

  private elsewhere(focus: number): number {
    const sibling = this.sibling[focus] ?? -1;
    if (sibling >= 0 && this.rng.chance(SIBLING_SHARE)) return sibling;
    return this.rng.pickCumulative(this.others[focus] as Float64Array);
  }
}
