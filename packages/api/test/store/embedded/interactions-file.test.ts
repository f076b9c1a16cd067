// interactions.bin: every kind of attribute read back as saved, and a damaged file named in the error.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InteractionAttributes } from '@kolmap/model';
import {
  CorruptMapFileError,
  readInteractionsFile,
  writeInteractionsFile,
} from '../../../src/store/embedded/interactions-file.js';
import { MapInteractionsBuilder } from '../../../src/store/map-interactions.js';

const rows: Array<[number, number, InteractionAttributes]> = [
  [
    0,
    1,
    {
      weight: 2.5,
      count: 3,
      mention: 3,
      firstAt: '2024-01-02T03:04:05.678Z',
      lastAt: '2024-02-01',
      source: 'api',
    },
  ],
  [1, 2, { weight: 1, count: 1, repost: 1, firstAt: '2024-03-01T00:00:00.000Z', tags: ['a', 1] }],
  [2, 0, {}],
  [2, 2, { count: 2147483647, lastAt: '2024-05-01T10:00:00Z', weight: 0 }],
];

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kolmap-interactions-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function written(): Promise<string> {
  const builder = new MapInteractionsBuilder(rows.length);
  for (const [source, target, attributes] of rows) builder.add(source, target, attributes);
  const file = join(folder, 'interactions.bin');
  await writeInteractionsFile(file, builder.build());
  return file;
}

describe('interactions.bin', () => {
  it('reads back every interaction with its attributes, each column in its compact type', async () => {
    const file = await written();
    const read = await readInteractionsFile(file, 3);
    expect(read.count).toBe(rows.length);
    expect([...read.source]).toEqual(rows.map(([source]) => source));
    expect([...read.target]).toEqual(rows.map(([, target]) => target));
    rows.forEach(([, , attributes], index) => {
      expect(read.attributes(index)).toEqual(attributes);
      expect(read.weight(index)).toBe(attributes.weight ?? 1);
    });
    const types = Object.fromEntries(read.columns.map(({ name, type }) => [name, type]));
    expect(types).toEqual({
      weight: 'float64',
      count: 'int32',
      mention: 'int32',
      repost: 'int32',
      firstAt: 'date',
      // Dates not in the form toISOString gives are kept as written.
      lastAt: 'json',
      source: 'json',
      tags: 'json',
    });
  });

  it('names the file when it is cut short, overwritten or names accounts the map does not have', async () => {
    const file = await written();
    const whole = await readFile(file);
    const damaged = [
      whole.subarray(0, whole.byteLength - 3),
      Buffer.concat([Buffer.from('not a map'), whole]),
      Buffer.concat([whole, Buffer.from('tail')]),
    ];
    for (const bytes of damaged) {
      await writeFile(file, bytes);
      const read = readInteractionsFile(file, 3);
      await expect(read).rejects.toBeInstanceOf(CorruptMapFileError);
      await expect(read).rejects.toThrow(file);
    }
    await writeFile(file, whole);
    await expect(readInteractionsFile(file, 2)).rejects.toThrow(
      `${file} is not a readable map file: interaction 1 names an account index outside`,
    );
  });
});
