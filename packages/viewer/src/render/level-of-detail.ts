// Level of detail of large maps: far out, the communities are drawn (discs, labels and the links
// between them) rather than their accounts, which appear as the camera comes close enough that
// few of them are in view. Small maps are always drawn account by account.

/**
 * Accounts in view above which the overview is drawn instead: about what a software renderer draws
 * (with their links) within a frame's budget, and more labels than the screen has room for anyway.
 */
export const OVERVIEW_ABOVE = 5_000;

/**
 * Whether a camera at `ratio` (1: the whole map framed) shows the overview of a map showing
 * `accounts`: while the accounts in view would be more than OVERVIEW_ABOVE, taking them spread over
 * the map (at ratio r, r² of it is in view).
 */
export function showsOverview(accounts: number, ratio: number): boolean {
  return accounts > OVERVIEW_ABOVE && ratio * ratio * accounts > OVERVIEW_ABOVE;
}
