// Writes generated demo data as kolmap CSV files, ground-truth.json and a README, streaming the
// CSV rows so that millions of posts never become one string.
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accountSchema, followSchema, postSchema } from '@kolmap/core';
import type { DemoData } from './generate-demo.js';
import { DEFAULT_GENERATE_OPTIONS, GENERATOR_VERSION } from './generate-demo.js';

/** CSV columns: the schema's fields in schema order, without `kind` (told by the file name). */
const columnsOf = (shape: object): string[] => Object.keys(shape).filter((key) => key !== 'kind');
export const ACCOUNT_COLUMNS = columnsOf(accountSchema.shape);
export const FOLLOW_COLUMNS = columnsOf(followSchema.shape);
export const POST_COLUMNS = columnsOf(postSchema.shape);

/** Bytes gathered before each write. */
const CHUNK = 1 << 20;

/**
 * Writes `accounts.csv`, `follows.csv`, `posts.csv`, `ground-truth.json` and `README.md` into
 * `outDir` (created if needed; files there are replaced). CSV: UTF-8, header of schema field names,
 * comma-separated, RFC 4180 quoting, `\n` line ends, empty cell for an absent field, lists joined
 * with `|`, booleans `true`/`false`. The same data always gives the same bytes.
 */
export async function writeDemo(data: DemoData, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeCsv(join(outDir, 'accounts.csv'), ACCOUNT_COLUMNS, data.accounts);
  await writeCsv(join(outDir, 'follows.csv'), FOLLOW_COLUMNS, data.follows);
  await writeCsv(join(outDir, 'posts.csv'), POST_COLUMNS, data.posts);
  await writeFile(
    join(outDir, 'ground-truth.json'),
    `${JSON.stringify(data.groundTruth, null, 2)}\n`,
  );
  await writeFile(join(outDir, 'README.md'), demoReadme(data));
}

/** One CSV cell: RFC 4180 quoting when the value holds a comma, quote, CR or LF. */
export function toCsvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function writeCsv(
  file: string,
  columns: readonly string[],
  records: readonly object[],
): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let chunk = `${columns.join(',')}\n`;
    for (const record of records) {
      const values = record as Record<string, unknown>;
      chunk += `${columns.map((column) => toCsvCell(values[column])).join(',')}\n`;
      if (chunk.length >= CHUNK) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

/** Counts of what the data holds, for the README. */
function summarise(data: DemoData) {
  const links = { mentions: 0, replies: 0, comments: 0, reposts: 0, quotes: 0 };
  const languages: Record<string, number> = {};
  let originals = 0;
  for (const post of data.posts) {
    links.mentions += post.mentions?.length ?? 0;
    if (post.replyTo !== undefined) links.replies++;
    if (post.commentOn !== undefined) links.comments++;
    if (post.repostOf !== undefined) links.reposts++;
    if (post.quoteOf !== undefined) links.quotes++;
    if (post.language !== undefined) {
      languages[post.language] = (languages[post.language] ?? 0) + 1;
    }
    const linked = post.replyTo ?? post.commentOn ?? post.repostOf ?? post.quoteOf;
    if (linked === undefined) originals++;
  }
  const platforms: Record<string, number> = {};
  const accountsPerActor = new Map<string, number>();
  for (const account of data.accounts) {
    platforms[account.platform] = (platforms[account.platform] ?? 0) + 1;
    const actor = account.actorId ?? account.id;
    accountsPerActor.set(actor, (accountsPerActor.get(actor) ?? 0) + 1);
  }
  const multiPlatform = [...accountsPerActor.values()].filter((n) => n > 1).length;
  return { links, languages, originals, platforms, actors: accountsPerActor.size, multiPlatform };
}

function demoReadme(data: DemoData): string {
  const { options, groundTruth: truth } = data;
  const summary = summarise(data);
  const flags = [`--seed ${options.seed}`];
  if (options.accounts !== DEFAULT_GENERATE_OPTIONS.accounts) {
    flags.push(`--accounts ${options.accounts}`);
  }
  if (options.posts !== DEFAULT_GENERATE_OPTIONS.posts) flags.push(`--posts ${options.posts}`);
  const interactions = Object.values(summary.links).reduce((a, b) => a + b, 0);
  const sorted = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key, n]) => `${key} ${n}`)
      .join(', ');
  const nonCaseKinds: Record<string, number> = {};
  for (const nonCase of truth.pvNonCases) {
    nonCaseKinds[nonCase.kind] = (nonCaseKinds[nonCase.kind] ?? 0) + 1;
  }
  const communityRows = truth.communities.map(
    (community) =>
      `| ${community.name} | ${community.therapeuticArea} | ${community.language} | ${community.accounts} | ${truth.kols[community.name]?.length ?? 0} |`,
  );
  return `# kolmap demo data

A year (2024) of invented pharmaceutical social media, made by kolmap's seeded generator to try
maps, KOL scores and pharmacovigilance flags on data whose answers are known. Every person,
organisation, place, brand and molecule is made up; so are the numbers.

Reproduce it byte for byte (generator ${GENERATOR_VERSION}):

\`\`\`sh
pnpm kolmap generate ${flags.join(' ')} --out data/demo
\`\`\`

## Scenario

- One planted community per therapeutic area and language (table below). In each, a few planted
  KOLs (HCPs, researchers, a patient organisation, an influencer) draw much of the attention:
  follows, mentions, replies, reposts. Broker accounts split their attention between two
  communities (same area in both languages, or neighbouring areas).
- Activity and attractiveness are heavy-tailed (lognormal, Pareto); about 90% of attention stays
  inside the community it is addressed to. Follows and interactions stay on one platform.
- HCPs and researchers are mostly on X and LinkedIn, patients and carers on Instagram, Facebook
  and TikTok; some actors own accounts on several platforms (same \`actorId\`).
- Invented products (brand, molecule) appear in some posts. Some posts are planted
  pharmacovigilance cases (adverse events, device complaints); others look alike but are not
  cases (a product without an event, an event without a product, news about side effects, a
  negated or a feared event).

## Counts

- accounts: ${data.accounts.length}, of ${summary.actors} actors (${summary.multiPlatform} on several platforms)
- accounts per platform: ${sorted(summary.platforms)}
- follows: ${data.follows.length}
- posts: ${data.posts.length} (${summary.originals} original posts)
- post languages: ${sorted(summary.languages)} (reposts carry no text)
- interactions: ${interactions} (${summary.links.mentions} mentions, ${summary.links.replies} replies, ${summary.links.comments} comments, ${summary.links.reposts} reposts, ${summary.links.quotes} quotes)
- brokers: ${truth.brokers.length} accounts
- pharmacovigilance: ${truth.pvCases.length} cases; ${truth.pvNonCases.length} look-alikes (${sorted(nonCaseKinds)})

| community | area | language | accounts | KOL accounts |
| --- | --- | --- | --- | --- |
${communityRows.join('\n')}

## Files

- \`accounts.csv\`, \`follows.csv\`, \`posts.csv\`: kolmap input records, one per row. Header =
  schema field names; empty cell = absent; lists (\`hashtags\`, \`mentions\`, \`therapeuticAreas\`)
  joined with \`|\`; \`mentions\` hold account ids, post links (\`replyTo\`, \`repostOf\`,
  \`quoteOf\`, \`commentOn\`) hold post ids.
- \`ground-truth.json\`: the plan — each account's community and role (\`kol\`, \`broker\`,
  \`regular\`), KOL keys per community, brokers, planted pharmacovigilance cases and look-alikes.
  Account keys are \`platform:id\`.
`;
}
