// Text as search and matching compare it, without case or accents: names, handles, topics, brands,
// therapeutic areas. One rule for the stores' search, the viewer's search and core's term keys.

const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Text as search compares it: compatibility-decomposed (NFKD), combining marks removed, lower case,
 * a few letters without a decomposition spelled out (ß → ss, æ → ae, œ → oe, ø → o…).
 * "Sébastien" and "SEBASTIEN" both fold to "sebastien", "Sclérose" to "sclerose", "CŒUR" to "coeur".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
}

/** A handle as search compares it: folded, without its leading `@`. */
export function foldHandle(handle: string): string {
  return foldText(handle).replace(/^@+/, '');
}
