import type { LoadProgress } from '../../src/load/options.js';
import {
  PROGRESS_STEP_BYTES,
  readLineBatches,
  throttled,
} from '../../src/load/read-line-batches.js';
import { tempFolder, writeFixture } from './load-fixtures.js';

describe('readLineBatches', () => {
  it('yields every line without its end, gzipped or not, whatever the chunk boundaries', async () => {
    const lines = Array.from({ length: 50_000 }, (_, index) => `line ${index} é`);
    for (const name of ['lines.txt', 'lines.txt.gz']) {
      const file = writeFixture(tempFolder(), name, `\uFEFF${lines.join('\r\n')}`);
      const read: string[] = [];
      for await (const batch of readLineBatches(file)) read.push(...batch);
      expect(read).toEqual(lines);
    }
  });
});

describe('throttled', () => {
  it('passes a report on every step and once at the end', () => {
    const seen: number[] = [];
    const report = throttled((progress: LoadProgress) => seen.push(progress.bytesRead));
    const total = 3 * PROGRESS_STEP_BYTES + 10;
    for (let bytes = 65_536; bytes < total; bytes += 65_536)
      report({ file: 'f', bytesRead: bytes, bytesTotal: total });
    report({ file: 'f', bytesRead: total, bytesTotal: total });
    report({ file: 'f', bytesRead: total, bytesTotal: total });
    expect(seen).toEqual([
      PROGRESS_STEP_BYTES,
      2 * PROGRESS_STEP_BYTES,
      3 * PROGRESS_STEP_BYTES,
      total,
    ]);
  });
});
