// writeDemo: CSV cells and round trip through csv-parse and the schemas, and the committed
// data/demo files reproduced byte for byte from the default options.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountSchema, followSchema, postSchema } from '@kolmap/core';
import { parse } from 'csv-parse/sync';
import { generateDemo } from '../src/generate-demo.js';
import {
  ACCOUNT_COLUMNS,
  FOLLOW_COLUMNS,
  POST_COLUMNS,
  toCsvCell,
  writeDemo,
} from '../src/write-demo.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const COMMITTED = join(REPO_ROOT, 'data', 'demo');
const FILES = ['accounts.csv', 'follows.csv', 'posts.csv', 'ground-truth.json', 'README.md'];

const LISTS = new Set(['hashtags', 'mentions', 'therapeuticAreas']);
const NUMBERS = new Set(['followers', 'following', 'likes', 'shares', 'comments', 'views']);

/** Reads a written CSV back into records, typing cells the way the CSV format says. */
function readCsv(file: string): { header: string[]; records: Record<string, unknown>[] } {
  const rows = parse(readFileSync(file, 'utf8')) as string[][];
  const header = rows[0] ?? [];
  const records = rows.slice(1).map((row) => {
    const record: Record<string, unknown> = {};
    header.forEach((column, index) => {
      const cell = row[index] ?? '';
      if (cell === '') return;
      if (LISTS.has(column)) record[column] = cell.split('|');
      else if (NUMBERS.has(column)) record[column] = Number(cell);
      else if (column === 'verified') record[column] = cell === 'true';
      else record[column] = cell;
    });
    return record;
  });
  return { header, records };
}

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'kolmap-generate-'));
}

describe('toCsvCell', () => {
  it('quotes cells holding a comma, quote or line break, and doubles inner quotes', () => {
    expect(toCsvCell('plain text')).toBe('plain text');
    expect(toCsvCell('a, b')).toBe('"a, b"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(toCsvCell(['SEP', 'MS'])).toBe('SEP|MS');
    expect(toCsvCell(true)).toBe('true');
    expect(toCsvCell(12)).toBe('12');
    expect(toCsvCell(undefined)).toBe('');
  });
});

describe('writeDemo', () => {
  it('writes CSV files that read back into the same valid records, in schema column order', async () => {
    const data = generateDemo({ seed: 3, accounts: 300, posts: 2000 });
    const out = tempFolder();
    await writeDemo(data, out);
    const cases = [
      ['accounts.csv', ACCOUNT_COLUMNS, accountSchema, data.accounts],
      ['follows.csv', FOLLOW_COLUMNS, followSchema, data.follows],
      ['posts.csv', POST_COLUMNS, postSchema, data.posts],
    ] as const;
    for (const [file, columns, schema, records] of cases) {
      const read = readCsv(join(out, file));
      expect(read.header).toEqual(Object.keys(schema.shape).filter((key) => key !== 'kind'));
      expect(read.header).toEqual(columns);
      expect(read.records).toEqual(records);
      for (const record of read.records) expect(schema.safeParse(record).success).toBe(true);
    }
    const truth = JSON.parse(readFileSync(join(out, 'ground-truth.json'), 'utf8'));
    expect(truth).toEqual(data.groundTruth);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(
      'pnpm kolmap generate --seed 3 --accounts 300 --posts 2000 --out data/demo',
    );
  });

  it('reproduces the committed demo data byte for byte from the default options', async () => {
    const out = tempFolder();
    await writeDemo(generateDemo(), out);
    for (const file of FILES) {
      const fresh = readFileSync(join(out, file));
      const committed = readFileSync(join(COMMITTED, file));
      expect({ file, same: fresh.equals(committed) }).toEqual({ file, same: true });
      expect(statSync(join(COMMITTED, file)).size).toBeLessThan(2_500_000);
    }
  });
});
