import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/export/write-file-atomic.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'kolmap-write-'));
}

/** Small and large chunks, some of them multi-byte, whose lengths cross the write size. */
function* chunks(): Generator<string> {
  for (let i = 0; i < 5000; i++) yield `${i}:é🧪,`;
  yield 'x'.repeat(200_000);
  yield '';
  yield 'end';
}

async function* slowly(): AsyncGenerator<string> {
  for (const chunk of chunks()) {
    if (chunk.length > 1000) await new Promise((resolve) => setTimeout(resolve, 5));
    yield chunk;
  }
}

describe('writeFileAtomic', () => {
  const expected = [...chunks()].join('');

  it('writes a string, or every chunk of a sync or async iterable, in order', async () => {
    const out = folder();
    await writeFileAtomic(join(out, 'a', 'text.txt'), expected);
    await writeFileAtomic(join(out, 'sync.txt'), chunks());
    await writeFileAtomic(join(out, 'async.txt'), slowly());
    for (const file of ['a/text.txt', 'sync.txt', 'async.txt']) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(expected);
    }
    expect(readdirSync(out).sort()).toEqual(['a', 'async.txt', 'sync.txt']);
  });

  it('writes byte chunks as they are, between the text before and after them', async () => {
    const out = join(folder(), 'mixed.bin');
    await writeFileAtomic(out, ['ab', new Uint8Array([0, 255, 1]), 'é', Buffer.from('z')]);
    expect([...readFileSync(out)]).toEqual([97, 98, 0, 255, 1, 0xc3, 0xa9, 122]);
  });

  it('leaves the old file whole and no temporary file when the content fails half-way', async () => {
    const out = folder();
    const file = join(out, 'map.json');
    writeFileSync(file, 'old map');
    function* failing(): Generator<string> {
      yield 'x'.repeat(300_000);
      throw new Error('the map could not be serialised');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('could not be serialised');
    expect(readFileSync(file, 'utf8')).toBe('old map');
    expect(readdirSync(out)).toEqual(['map.json']);
  });
});
