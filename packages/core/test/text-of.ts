// The whole text of a writer's chunks (toGexf, toMarkdownReport, shortlistToCsv…), for assertions.

/** The chunks joined into one string. */
export function textOf(chunks: Iterable<string>): string {
  return [...chunks].join('');
}
