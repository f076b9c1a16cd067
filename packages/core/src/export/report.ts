// A map report for people who will not open the viewer: summary, parameters, communities and the top
// KOLs overall and per community, as Markdown or as a self-contained HTML page (same content), each
// yielded section by section.

import type { Platform } from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import { PLATFORM_NAMES } from '../analyze/communities/community-labels.js';
import type { CommunityProfile } from '../analyze/communities/community-profiles.js';
import { InvalidInputError } from '../errors.js';
import { mergeOptions, parseOptions } from '../options.js';

const count = z.number().int().nonnegative();

export const reportOptionsSchema = z.strictObject({
  title: z.string().min(1).optional(),
  profiles: z
    .custom<readonly CommunityProfile[]>(Array.isArray, 'expected the result of profileCommunities')
    .optional(),
  modularity: z.number().finite().nullable().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  top: count.optional(),
  topPerCommunity: count.optional(),
  communities: count.optional(),
  minCommunitySize: count.optional(),
  communityAttribute: z.string().min(1).optional(),
});
/** Report options as given (see `toMarkdownReport` for each and its default). */
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

/** The report options that have a default. */
export interface ReportDefaults {
  title: string;
  modularity: number | null;
  top: number;
  topPerCommunity: number;
  communities: number;
  minCommunitySize: number;
  communityAttribute: string;
}

export const DEFAULT_REPORT_OPTIONS: Readonly<ReportDefaults> = Object.freeze({
  title: 'kolmap map report',
  modularity: null,
  top: 10,
  topPerCommunity: 3,
  communities: 25,
  minCommunitySize: 3,
  communityAttribute: 'community',
});

interface Table {
  header: string[];
  rows: string[][];
}

interface Section {
  heading: string;
  level: 2 | 3;
  text?: string;
  table?: Table;
}

interface Report {
  title: string;
  sections: Section[];
}

/**
 * A Markdown report of a map whose accounts were scored by `assignKolScores` (node attributes
 * `kolScore`, `rank`, `tier`, `role` and the community attribute):
 * - summary: accounts, account pairs linked, interactions (Σ edge `count`, an edge without one
 *   counting 1), communities (all, and how many are listed), modularity, ranked accounts;
 * - parameters of the run (`parameters`, e.g. the community detection's and the score's options),
 *   objects written as JSON;
 * - the `communities` largest communities of `minCommunitySize` members or more, largest first (ties:
 *   id): id, label, size, share of links inside, dominant actor type, platform and language (from
 *   `profiles`; without them, labels from the nodes' `communityLabel` and sizes only);
 * - the other communities (the long tail of real maps: thousands of small ones) in one table, a row
 *   per size band (1, 2, 3–4, 5–9, 10–19, 20–49, …): how many, their accounts and share of all
 *   accounts, and the labels of the three largest;
 * - the `top` accounts by KOL score, then the `topPerCommunity` first of each community listed,
 *   each with rank, name, handle, platform, actor type, community, score, tier and role.
 *
 * Text from the data (names, labels) has `|` escaped, `<` written `&lt;` (so that no raw HTML gets
 * through a Markdown renderer) and line breaks turned into spaces. Options are checked and the
 * content gathered at the call; the text is yielded section by section.
 *
 * @param options.title default `'kolmap map report'`.
 * @param options.profiles `profileCommunities` of the same partition, default none.
 * @param options.modularity modularity of the partition (`detectCommunities(...).modularity`),
 *   default `null` (not shown).
 * @param options.parameters run parameters to list, default none.
 * @param options.top accounts in the overall top, default 10.
 * @param options.topPerCommunity accounts listed per community, default 3.
 * @param options.communities communities listed one by one at most, default 25.
 * @param options.minCommunitySize communities smaller than this are not listed one by one, default 3.
 * @param options.communityAttribute node attribute holding the community, default `'community'`.
 * @throws InvalidInputError on a bad option (field = its path), or (field `kolScore`) when no node
 *   has a score.
 */
export function toMarkdownReport(
  graph: AbstractGraph,
  options: ReportOptions = {},
): Generator<string> {
  return markdownChunks(reportContent(graph, options));
}

function* markdownChunks(report: Report): Generator<string> {
  yield `# ${markdownText(report.title)}\n`;
  for (const section of report.sections) {
    const lines = ['', `${'#'.repeat(section.level)} ${markdownText(section.heading)}`, ''];
    if (section.text !== undefined) lines.push(markdownText(section.text), '');
    if (section.table !== undefined) {
      const { header, rows } = section.table;
      const row = (cells: readonly string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
      lines.push(row(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(row), '');
    }
    yield lines.join('\n');
  }
}

/**
 * The same report as `toMarkdownReport` (same options and content) as one self-contained HTML page:
 * inline style, no script, no external resource; every text from the data is HTML-escaped. Options
 * are checked and the content gathered at the call; the page is yielded section by section.
 */
export function toHtmlReport(graph: AbstractGraph, options: ReportOptions = {}): Generator<string> {
  return htmlChunks(reportContent(graph, options));
}

function* htmlChunks(report: Report): Generator<string> {
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    '',
  ].join('\n');
  for (const section of report.sections) {
    const tag = `h${section.level}`;
    const parts = [`<${tag}>${escapeHtml(section.heading)}</${tag}>`];
    if (section.text !== undefined) parts.push(`<p>${escapeHtml(section.text)}</p>`);
    if (section.table !== undefined) {
      const { header, rows } = section.table;
      const cells = (tag: 'th' | 'td', values: readonly string[]) =>
        `<tr>${values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('')}</tr>`;
      parts.push(
        '<table>',
        `<thead>${cells('th', header)}</thead>`,
        `<tbody>${rows.map((values) => cells('td', values)).join('')}</tbody>`,
        '</table>',
      );
    }
    yield `${parts.join('\n')}\n`;
  }
  yield '</body>\n</html>\n';
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}',
  'table{border-collapse:collapse;margin:0 0 1.5rem}',
  'th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f3f3f3}',
].join('');

interface Kol {
  key: string;
  attributes: Attributes;
  score: number;
  community: number | null;
}

function reportContent(graph: AbstractGraph, options: ReportOptions): Report {
  const given = parseOptions(reportOptionsSchema, options);
  const resolved = mergeOptions(DEFAULT_REPORT_OPTIONS, given);
  const { communityAttribute, minCommunitySize } = resolved;

  const kols: Kol[] = [];
  const sizes = new Map<number, number>();
  const attributeLabels = new Map<number, string>();
  graph.forEachNode((key, attributes) => {
    const community = finiteOrNull(attributes[communityAttribute]);
    if (community !== null) {
      sizes.set(community, (sizes.get(community) ?? 0) + 1);
      const label = attributes.communityLabel;
      if (typeof label === 'string' && !attributeLabels.has(community)) {
        attributeLabels.set(community, label);
      }
    }
    const score = finiteOrNull(attributes.kolScore);
    if (score !== null) kols.push({ key, attributes, score, community });
  });
  if (kols.length === 0 && graph.order > 0) {
    throw new InvalidInputError({
      field: 'kolScore',
      message: 'no account has a KOL score: run assignKolScores on the graph first',
    });
  }
  kols.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));

  const profiles = new Map((given.profiles ?? []).map((profile) => [profile.id, profile]));
  const labelOf = (id: number) => profiles.get(id)?.label ?? attributeLabels.get(id) ?? '';
  const sizeOf = (id: number) => sizes.get(id) as number;
  const ids = [...sizes.keys()].sort((a, b) => sizeOf(b) - sizeOf(a) || a - b);
  const listed = ids.filter((id) => sizeOf(id) >= minCommunitySize).slice(0, resolved.communities);
  const listedIds = new Set(listed);
  const others = ids.filter((id) => !listedIds.has(id));

  let interactions = 0;
  graph.forEachEdge((_edge, attributes) => {
    interactions += typeof attributes.count === 'number' ? attributes.count : 1;
  });
  const summary: string[][] = [
    ['accounts', String(graph.order)],
    ['account pairs linked', String(graph.size)],
    ['interactions', String(interactions)],
    [
      'communities',
      others.length > 0
        ? `${ids.length} (${listed.length} listed one by one, ${others.length} smaller ones by size)`
        : String(ids.length),
    ],
  ];
  if (resolved.modularity !== null) summary.push(['modularity', resolved.modularity.toFixed(4)]);
  summary.push(['ranked accounts', String(kols.length)]);

  const sections: Section[] = [
    { heading: 'Summary', level: 2, table: { header: ['', ''], rows: summary } },
  ];
  const parameters = Object.entries(given.parameters ?? {});
  if (parameters.length > 0) {
    sections.push({
      heading: 'Parameters',
      level: 2,
      table: {
        header: ['parameter', 'value'],
        rows: parameters.map(([name, value]) => [name, parameterText(value)]),
      },
    });
  }

  const communityRows = listed.map((id) => {
    const profile = profiles.get(id);
    const share = (
      value: { value: string; share: number } | null | undefined,
      names: Readonly<Record<string, string>> = {},
    ) => (value ? `${names[value.value] ?? value.value} ${percent(value.share)}` : '');
    return [
      String(id),
      labelOf(id),
      String(sizes.get(id)),
      profile ? percent(profile.internalLinkShare) : '',
      share(profile?.dominantActorType),
      share(profile?.dominantPlatform, PLATFORM_NAMES),
      share(profile?.dominantLanguage),
    ];
  });
  sections.push({
    heading: 'Communities',
    level: 2,
    table: {
      header: ['id', 'label', 'accounts', 'links inside', 'actor type', 'platform', 'language'],
      rows: communityRows,
    },
  });
  if (others.length > 0) {
    sections.push({
      heading: 'Smaller communities',
      level: 2,
      table: {
        header: ['accounts each', 'communities', 'accounts', 'share of accounts', 'largest'],
        rows: sizeBands(others, sizeOf).map(({ band, members }) => {
          const accounts = members.reduce((sum, id) => sum + sizeOf(id), 0);
          return [
            band,
            String(members.length),
            String(accounts),
            percent(accounts / graph.order),
            members
              .slice(0, 3)
              .map((id) => `${id} · ${labelOf(id)} (${sizeOf(id)})`)
              .join('; '),
          ];
        }),
      },
    });
  }

  const kolHeader = [
    'rank',
    'name',
    'handle',
    'platform',
    'actor type',
    'community',
    'score',
    'tier',
    'role',
  ];
  const kolRow = (kol: Kol) => {
    const { attributes, community } = kol;
    const platform = text(attributes.platform);
    return [
      text(attributes.rank),
      text(attributes.name),
      attributes.handle ? `@${text(attributes.handle)}` : '',
      PLATFORM_NAMES[platform as Platform] ?? platform,
      text(attributes.actorType),
      community === null ? '' : [String(community), labelOf(community)].filter(Boolean).join(' · '),
      kol.score.toFixed(1),
      text(attributes.tier),
      text(attributes.role).replace('_', ' '),
    ];
  };
  sections.push({
    heading: `Top ${Math.min(resolved.top, kols.length)} KOLs`,
    level: 2,
    table: { header: kolHeader, rows: kols.slice(0, resolved.top).map(kolRow) },
  });
  if (resolved.topPerCommunity > 0 && listed.length > 0) {
    sections.push({ heading: 'Top KOLs per community', level: 2 });
    const leaders = new Map<number, Kol[]>();
    for (const kol of kols) {
      if (kol.community === null) continue;
      const members = leaders.get(kol.community) ?? [];
      if (members.length < resolved.topPerCommunity) members.push(kol);
      leaders.set(kol.community, members);
    }
    for (const id of listed) {
      const label = labelOf(id);
      sections.push({
        heading: label ? `Community ${id} · ${label}` : `Community ${id}`,
        level: 3,
        table: { header: kolHeader, rows: (leaders.get(id) ?? []).map(kolRow) },
      });
    }
  }
  return { title: resolved.title, sections };
}

/**
 * Communities (sorted largest first) grouped by size band on a 1–2–5 series ("1", "2", "3–4",
 * "5–9", "10–19", "20–49", "50–99", …), largest band first.
 */
function sizeBands(
  ids: readonly number[],
  sizeOf: (id: number) => number,
): Array<{ band: string; members: number[] }> {
  const bands = new Map<number, number[]>();
  for (const id of ids) {
    const low = bandStart(sizeOf(id));
    const members = bands.get(low);
    if (members) members.push(id);
    else bands.set(low, [id]);
  }
  return [...bands].map(([low, members]) => {
    const high = nextBandStart(low) - 1;
    return { band: high === low ? String(low) : `${low}–${high}`, members };
  });
}

/** The start of the 1–2–5 band holding `size`: 1, 2, 3, 5, 10, 20, 50, 100, … */
function bandStart(size: number): number {
  let start = 1;
  while (nextBandStart(start) <= size) start = nextBandStart(start);
  return start;
}

/** The band after the one starting at `start`: 1 → 2 → 3 → 5 → 10 → 20 → 50 → 100 → … */
function nextBandStart(start: number): number {
  if (start < 3) return start + 1;
  const decade = 10 ** Math.floor(Math.log10(start));
  const lead = Math.round(start / decade);
  return (lead === 1 ? 2 : lead === 5 ? 10 : 5) * decade;
}

function parameterText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Text safe in a Markdown table cell or line: `|` escaped, `<` as `&lt;` (no raw HTML), line breaks as spaces. */
function markdownText(value: string): string {
  return value
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] as string);
}
