import { InputLimitError, InvalidInputError } from '../../src/errors.js';
import { loadDataset } from '../../src/load/load-dataset.js';
import { readLineBatches } from '../../src/load/read-line-batches.js';
import { tempFolder, writeFixture } from './load-fixtures.js';

/** The InputLimitError a promise rejects with (fails the test when it resolves or throws another). */
async function limitError(promise: Promise<unknown>): Promise<InputLimitError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputLimitError);
  return error as InputLimitError;
}

describe('input limits', () => {
  it('stops a gzip bomb at maxBytes of decompressed text, naming the file', async () => {
    const lines = 'a,b\n'.repeat(1_000_000);
    const file = writeFixture(tempFolder(), 'bomb.csv.gz', lines);
    const error = await limitError(loadDataset(file, { limits: { maxBytes: 1_000_000 } }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.limit).toBe('maxBytes');
    expect(error.max).toBe(1_000_000);
    expect(error.location.file).toBe(file);
  });

  it('stops at maxRecords, naming the line of the first record too many', async () => {
    const file = writeFixture(
      tempFolder(),
      'edges.csv',
      Array.from({ length: 100 }, (_, i) => `a${i},b${i}`).join('\n'),
    );
    const error = await limitError(loadDataset(file, { limits: { maxRecords: 60 } }));
    expect(error.limit).toBe('maxRecords');
    expect(error.location).toMatchObject({ file, line: 61 });
    expect(
      (await loadDataset(file, { limits: { maxRecords: 100 } })).report.records.interaction,
    ).toBe(100);
  });

  it('counts records over every file of a load', async () => {
    const folder = tempFolder();
    const first = writeFixture(folder, 'one.csv', 'a,b\nc,d\ne,f\n');
    const second = writeFixture(folder, 'two.csv', 'g,h\ni,j\n');
    const error = await limitError(loadDataset([first, second], { limits: { maxRecords: 4 } }));
    expect(error.location).toMatchObject({ file: second, line: 2 });
  });

  it('stops a JSONL line longer than maxLineLength as soon as it passes the limit', async () => {
    const post = JSON.stringify({
      kind: 'post',
      id: 'p1',
      platform: 'x',
      author: 'a',
      createdAt: '2024-01-01',
      text: 'x'.repeat(3_000_000),
    });
    const file = writeFixture(
      tempFolder(),
      'posts.jsonl',
      `{"kind":"account","platform":"x","id":"a"}\n${post}\n`,
    );
    const error = await limitError(loadDataset(file, { limits: { maxLineLength: 1_000_000 } }));
    expect(error.limit).toBe('maxLineLength');
    expect(error.location).toMatchObject({ file, line: 2 });
  });

  it('stops a CSV row longer than maxLineLength', async () => {
    const file = writeFixture(
      tempFolder(),
      'accounts.csv',
      `platform,id,bio\nx,a,short\nx,b,"${'y'.repeat(200_000)}"\n`,
    );
    const error = await limitError(loadDataset(file, { limits: { maxLineLength: 100_000 } }));
    expect(error.limit).toBe('maxLineLength');
    expect(error.location).toMatchObject({ file, line: 3 });
  });

  it('stops a GML value longer than maxLineLength', async () => {
    const file = writeFixture(
      tempFolder(),
      'graph.gml',
      `graph [\n  node [ id 1 label "${'z'.repeat(300_000)}" ]\n]\n`,
    );
    const error = await limitError(loadDataset(file, { limits: { maxLineLength: 100_000 } }));
    expect(error.limit).toBe('maxLineLength');
    expect(error.location.file).toBe(file);
  });

  it('refuses a limit that is not a whole number ≥ 1, naming it', async () => {
    const file = writeFixture(tempFolder(), 'edges.csv', 'a,b\n');
    const error = await loadDataset(file, { limits: { maxRecords: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]?.field).toBe('limits.maxRecords');
  });
});

describe('readLineBatches with long lines', () => {
  it('reads a 40 MB line in linear time (issue 16: re-splitting it per chunk took 27 s)', async () => {
    const file = writeFixture(tempFolder(), 'huge.txt', `a\n${'x'.repeat(40 * 1024 * 1024)}\nb`);
    const started = performance.now();
    const lengths: number[] = [];
    for await (const batch of readLineBatches(file)) lengths.push(...batch.map((l) => l.length));
    // 0.1 s on a quiet machine, 3 s under jest with CI beside it; a quadratic split takes 27 s quiet.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(lengths).toEqual([1, 40 * 1024 * 1024, 1]);
  });

  it('joins a line spread over many chunks once, ends and all', async () => {
    const long = 'é'.repeat(5_000_000);
    const file = writeFixture(tempFolder(), 'long.txt', `first\r\n${long}\r\nlast`);
    const read: string[] = [];
    for await (const batch of readLineBatches(file)) read.push(...batch);
    expect(read.map((line) => line.length)).toEqual([5, long.length, 4]);
    expect(read[1]).toBe(long);
  });
});
