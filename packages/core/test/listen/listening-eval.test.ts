// The listening evaluation set is frozen: its files match the checksums taken when it was written,
// and its rows hold what its README says, so that nobody tunes on it or edits it unnoticed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const FOLDER = 'data/listening-eval';

describe('the listening evaluation set (data/listening-eval)', () => {
  it('is unchanged since it was frozen (SHA256SUMS)', () => {
    const lines = readFileSync(join(FOLDER, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[1])).toEqual([
      'posts.csv',
      'BRIEF.md',
      'watch.yaml',
    ]);
    for (const line of lines) {
      const [sum, file] = line.split(/\s+/) as [string, string];
      const actual = createHash('sha256')
        .update(readFileSync(join(FOLDER, file)))
        .digest('hex');
      expect({ file, sum: actual }).toEqual({ file, sum });
    }
  });

  it('holds 330 posts per language from three writers, split dev/test within each writer and label', () => {
    const rows = parse(readFileSync(join(FOLDER, 'posts.csv')), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(660);
    expect(new Set(rows.map((row) => row.id)).size).toBe(660);
    for (const row of rows) {
      expect(['en', 'fr']).toContain(row.language);
      expect(['w1', 'w2', 'w3']).toContain(row.writer);
      expect(['dev', 'test']).toContain(row.split);
      expect(['0', '1']).toContain(row.pvCase);
      expect(['positive', 'neutral', 'negative']).toContain(row.tone);
      expect(row.text?.length).toBeGreaterThan(0);
      if (row.pvCase === '1') expect(row.product).not.toBe('');
    }
    for (const language of ['en', 'fr']) {
      const of = (split: string, pvCase: string) =>
        rows.filter(
          (row) => row.language === language && row.split === split && row.pvCase === pvCase,
        ).length;
      expect([of('dev', '1'), of('dev', '0'), of('test', '1'), of('test', '0')]).toEqual([
        70, 97, 68, 95,
      ]);
    }
  });
});
