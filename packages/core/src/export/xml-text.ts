// Text as kolmap writes it into XML (GEXF, GraphML): markup characters escaped, and the characters
// XML 1.0 forbids — control characters other than tab, newline and carriage return, U+FFFE, U+FFFF
// and lone surrogates — replaced by U+FFFD, so that every export parses whatever the data held.

const FORBIDDEN_IN_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` with every character XML 1.0 forbids replaced by U+FFFD (markup left as it is). */
export function toXmlChars(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '\uFFFD');
}

/** `text` as an XML attribute value or element content: forbidden characters replaced, markup escaped. */
export function escapeXml(text: string): string {
  return toXmlChars(text).replace(/[&<>"']/g, (char) => XML_ENTITIES[char] as string);
}
