import { loadJsonl } from '../../src/load/jsonl.js';
import {
  edgeList,
  invalidInput,
  loadWith,
  places,
  tempFolder,
  writeFixture,
} from './load-fixtures.js';

const folder = tempFolder();

const GOOD = [
  '{"kind":"account","platform":"x","id":"1","handle":"DrAlice","followers":120,"verified":true}',
  '',
  '{"kind":"account","platform":"x","id":2,"therapeuticAreas":["MS"]}',
  '{"kind":"post","platform":"x","id":"p1","author":"2","createdAt":"2024-01-02","mentions":["@dralice"]}',
  '   ',
  '{"kind":"follow","platform":"x","source":"2","target":"1","since":"2023-05-01"}',
  '{"kind":"interaction","platform":"x","source":"1","target":"2","type":"reply","weight":2}',
].join('\n');

describe('loadJsonl', () => {
  it('hands every kind of record to the collector and skips blank lines', async () => {
    const dataset = await loadWith(loadJsonl, writeFixture(folder, 'good.jsonl', GOOD));
    expect(dataset.report.records).toEqual({ account: 2, follow: 1, post: 1, interaction: 1 });
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:1', 'x:2']);
    expect(dataset.accounts[0]).toMatchObject({
      handle: 'DrAlice',
      followers: 120,
      verified: true,
    });
    expect(edgeList(dataset)).toEqual(['2>1:follow:1', '1>2:reply:2', '2>1:mention:1']);
  });

  it('reads gzipped files and CRLF line ends', async () => {
    const file = writeFixture(folder, 'good.jsonl.gz', GOOD.replaceAll('\n', '\r\n'));
    const dataset = await loadWith(loadJsonl, file);
    expect(dataset.report.records).toEqual({ account: 2, follow: 1, post: 1, interaction: 1 });
  });

  it('fails with one problem per bad field, each naming file, line and field', async () => {
    const file = writeFixture(
      folder,
      'bad.jsonl',
      [
        '{"kind":"account","platform":"x","id":"1"}',
        '{"kind":"account", oops}',
        '{"platform":"x","id":"2"}',
        '{"kind":"post","platform":"x","id":"p1","author":"1"}',
        '{"kind":"account","platform":"twitter","id":"3"}',
        '{"kind":"post","platform":"x","id":"p2","author":"1","createdAt":"2024-13-45"}',
        '[1,2]',
        '{"kind":"tweet"}',
        '{"kind":"interaction","source":"a","target":"b","weight":0,"colour":"red"}',
      ].join('\n'),
    );
    const error = await invalidInput(loadWith(loadJsonl, file));
    expect(places(error.problems)).toEqual([
      'bad.jsonl:2:',
      'bad.jsonl:3:kind',
      'bad.jsonl:4:createdAt',
      'bad.jsonl:5:platform',
      'bad.jsonl:6:createdAt',
      'bad.jsonl:7:',
      'bad.jsonl:8:kind',
      'bad.jsonl:9:weight',
      'bad.jsonl:9:colour',
    ]);
    expect(error.problems[3]?.message).toContain('twitter');
  });

  it('keeps the good records and reports the bad ones under skipInvalid', async () => {
    const file = writeFixture(
      folder,
      'mixed.jsonl',
      '{"kind":"account","platform":"x","id":"1"}\nnot json\n{"kind":"account","platform":"x","id":""}\n{"kind":"account","platform":"x","id":"2"}\n',
    );
    const dataset = await loadWith(loadJsonl, file, { skipInvalid: true });
    expect(dataset.accounts.map((account) => account.id)).toEqual(['1', '2']);
    expect(places(dataset.report.rejected)).toEqual(['mixed.jsonl:2:', 'mixed.jsonl:3:id']);
  });

  it('gives records without a platform the platform option', async () => {
    const file = writeFixture(folder, 'bare.jsonl', '{"kind":"account","id":"1"}\n');
    const dataset = await loadWith(loadJsonl, file, { platform: 'linkedin' });
    expect(dataset.accounts[0]?.key).toBe('linkedin:1');
  });

  it('stops after 50 problems', async () => {
    const file = writeFixture(folder, 'many.jsonl', 'nope\n'.repeat(500));
    const error = await invalidInput(loadWith(loadJsonl, file));
    expect(error.problems).toHaveLength(50);
    expect(error.problems[49]?.line).toBe(50);
  });
});
