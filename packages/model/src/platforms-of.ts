// The platforms an account or an actor is on: the one rule that filters, legends and shortlists read.

/**
 * The platforms a node is on: an actor's `platforms` (the platforms of its accounts, on maps
 * projected on actors) when it has some, else the account's `platform`; none when neither is known.
 */
export function platformsOf(attributes: { platform?: unknown; platforms?: unknown }): string[] {
  const platforms: unknown[] =
    Array.isArray(attributes.platforms) && attributes.platforms.length > 0
      ? attributes.platforms
      : [attributes.platform];
  return platforms.filter((platform): platform is string => typeof platform === 'string');
}
