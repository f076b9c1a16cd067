// `pnpm eval:listening [--split dev|test] [--misses]`: scores listening on the frozen evaluation set
// (data/listening-eval): PV recall and precision per language, per system organ class and per trap,
// tonality macro-F1 per language, brand-mention recall; `--misses` lists every missed case and false
// alarm. Tune on `dev`; score `test` once per release (data/listening-eval/README.md).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { listenToPosts, readWatchList } from '../packages/core/src/index.js';

interface EvalPost {
  id: string;
  language: string;
  split: string;
  pvCase: string;
  tone: string;
  product: string;
  soc: string;
  traps: string;
  text: string;
}

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    misses: { type: 'boolean', default: false },
  },
});
const rows = (
  parse(readFileSync('data/listening-eval/posts.csv'), { columns: true }) as EvalPost[]
).filter((row) => row.split === values.split);
const watch = await readWatchList('data/listening-eval/watch.yaml');
const listening = listenToPosts(
  rows.map((row) => ({
    id: row.id,
    platform: 'x' as const,
    author: row.id,
    createdAt: '2024-05-01',
    text: row.text,
    language: row.language,
  })),
  watch,
);
const byId = new Map(listening.posts.map((post) => [post.id, post]));
const flagged = (row: EvalPost) => byId.get(row.id)?.pv != null;

const ratio = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(3));
const lines: string[] = [`# Listening on data/listening-eval, split ${values.split}`, ''];
lines.push(
  '| language | posts | cases | flagged | found | PV recall | PV precision | tonality macro-F1 | brand recall |',
);
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const language of ['en', 'fr']) {
  const chosen = rows.filter((row) => row.language === language);
  const cases = chosen.filter((row) => row.pvCase === '1');
  const raised = chosen.filter(flagged);
  const found = cases.filter(flagged);
  const named = chosen.flatMap((row) =>
    row.product
      .split(';')
      .filter(Boolean)
      .map((p) => [row, p] as const),
  );
  const namedFound = named.filter(([row, product]) =>
    (byId.get(row.id)?.brands ?? []).some((b) => listening.watch.brands[b]?.name === product),
  );
  lines.push(
    `| ${language} | ${chosen.length} | ${cases.length} | ${raised.length} | ${found.length} | ${ratio(found.length, cases.length)} | ${ratio(found.length, raised.length)} | ${macroF1(chosen).toFixed(3)} | ${ratio(namedFound.length, named.length)} |`,
  );
}
for (const [title, field] of [
  ['system organ class', 'soc'],
  ['trap', 'traps'],
] as const) {
  lines.push(
    '',
    `PV recall by ${title}:`,
    '',
    `| ${title} | cases | found | recall |`,
    '| --- | ---: | ---: | ---: |',
  );
  const groups = new Map<string, EvalPost[]>();
  for (const row of rows.filter((r) => r.pvCase === '1')) {
    for (const value of row[field].split(';').filter(Boolean)) {
      groups.set(value, [...(groups.get(value) ?? []), row]);
    }
  }
  for (const [value, members] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const found = members.filter(flagged).length;
    lines.push(`| ${value} | ${members.length} | ${found} | ${ratio(found, members.length)} |`);
  }
}
if (values.misses) {
  lines.push('', 'Missed cases:', '');
  for (const row of rows.filter((r) => r.pvCase === '1' && !flagged(r)))
    lines.push(`- ${row.id} (${row.soc}; ${row.traps}): ${row.text}`);
  lines.push('', 'False alarms:', '');
  for (const row of rows.filter((r) => r.pvCase === '0' && flagged(r)))
    lines.push(`- ${row.id} (${row.traps}): ${row.text}`);
}
process.stdout.write(`${lines.join('\n')}\n`);

/** Mean over the three tones of F1 (precision and recall of each tone against the labels). */
function macroF1(chosen: EvalPost[]): number {
  let sum = 0;
  for (const tone of ['positive', 'neutral', 'negative']) {
    const predicted = chosen.filter((row) => byId.get(row.id)?.tone === tone);
    const labelled = chosen.filter((row) => row.tone === tone);
    const right = predicted.filter((row) => row.tone === tone).length;
    const precision = predicted.length === 0 ? 0 : right / predicted.length;
    const recall = labelled.length === 0 ? 0 : right / labelled.length;
    sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return sum / 3;
}
