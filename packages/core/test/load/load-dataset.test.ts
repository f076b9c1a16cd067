import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, loadDataset } from '../../src/load/load-dataset.js';
import type { LoadProgress } from '../../src/load/options.js';
import { describeWithSharedData, sharedDataPath } from '../shared-data.js';
import { edgeList, invalidInput, places, tempFolder, writeFixture } from './load-fixtures.js';

describe('detectFormat', () => {
  it('tells the format from the extension, without .gz', () => {
    expect(detectFormat('a.jsonl')).toBe('jsonl');
    expect(detectFormat('a.ndjson.gz')).toBe('jsonl');
    expect(detectFormat('dir/accounts.csv')).toBe('csv');
    expect(detectFormat('ms-interactions.tsv.gz')).toBe('csv');
    expect(detectFormat('edges.csv')).toBe('edgelist');
    expect(detectFormat('edges.tsv')).toBe('edgelist');
    expect(detectFormat('Wiki-Vote.txt')).toBe('snap');
    expect(detectFormat('higgs.edgelist.gz')).toBe('snap');
    expect(detectFormat('net.edges')).toBe('snap');
    expect(detectFormat('karate.GML')).toBe('gml');
    expect(detectFormat('map.gexf')).toBe('gexf');
    expect(detectFormat('map.graphml.gz')).toBe('graphml');
  });

  it('prefers the given format, and fails on a name it cannot tell', () => {
    expect(detectFormat('data.dat', 'snap')).toBe('snap');
    expect(() => detectFormat('data.dat')).toThrow(
      expect.objectContaining({ code: 'UNREADABLE_INPUT' }),
    );
    expect(() => detectFormat('Makefile')).toThrow(
      expect.objectContaining({ code: 'UNREADABLE_INPUT' }),
    );
  });
});

describe('loadDataset', () => {
  it('loads a folder: record files first, then the others by name; other files are warned about', async () => {
    const folder = tempFolder();
    writeFixture(folder, 'interactions.csv', 'platform,source,target,type\nx,2,1,reply\n');
    writeFixture(folder, 'follows.csv', 'platform,source,target\nx,1,2\n');
    writeFixture(
      folder,
      'posts.csv',
      'id,platform,author,createdAt,mentions\np1,x,3,2024-01-01,@alice\n',
    );
    writeFixture(folder, 'accounts.csv', 'platform,id,handle\nx,1,alice\nx,2,bob\n');
    writeFixture(folder, 'b-more.jsonl', '{"kind":"account","platform":"x","id":"4"}\n');
    writeFixture(folder, 'a-edges.txt', '# x\n5 6\n');
    writeFixture(folder, 'ground-truth.json', '{"communities":[]}');
    writeFixture(folder, 'nested/accounts.csv', 'platform,id\nx,9\n');
    const dataset = await loadDataset(folder, { platform: 'x' });
    expect(dataset.report.files.map((file) => file.slice(folder.length + 1))).toEqual([
      'accounts.csv',
      'posts.csv',
      'follows.csv',
      'interactions.csv',
      'a-edges.txt',
      'b-more.jsonl',
    ]);
    expect(dataset.report.warnings).toEqual([
      expect.stringContaining('ground-truth.json'),
      expect.stringContaining('nested'),
    ]);
    expect(dataset.report.records).toEqual({ account: 3, follow: 1, post: 1, interaction: 2 });
    expect(edgeList(dataset)).toEqual(['1>2:follow:1', '2>1:reply:1', '5>6::1', '3>1:mention:1']);
    expect(dataset.accounts.map((account) => account.key)).toEqual([
      'x:1',
      'x:2',
      'x:3',
      'x:5',
      'x:6',
      'x:4',
    ]);
    expect(dataset.directed).toBe(true);
  });

  it('loads several inputs into one dataset, undirected on request', async () => {
    const folder = tempFolder();
    const a = writeFixture(folder, 'a.txt', '1,2\n');
    const b = writeFixture(folder, 'b.dat', '2,3\n');
    const dataset = await loadDataset([a, b], { format: 'edgelist', undirected: true });
    expect(dataset.directed).toBe(false);
    expect(dataset.report.files).toEqual([a, b]);
    expect(edgeList(dataset)).toEqual(['1>2::1', '2>3::1']);
  });

  it('fails with every problem of every file and returns nothing', async () => {
    const folder = tempFolder();
    writeFixture(folder, 'accounts.csv', 'platform,id\nx,1\ntwitter,2\n');
    writeFixture(folder, 'posts.csv', 'id,platform,author,createdAt\np1,x,1,2024-02-30T25:00\n');
    writeFixture(folder, 'z.jsonl', '{"kind":"post"\n');
    const error = await invalidInput(loadDataset(folder));
    expect(places(error.problems)).toEqual([
      'accounts.csv:3:platform',
      'posts.csv:2:createdAt',
      'z.jsonl:1:',
    ]);
  });

  it('caps the problems of a whole load at 50', async () => {
    const folder = tempFolder();
    writeFixture(folder, 'a.jsonl', 'bad\n'.repeat(30));
    writeFixture(folder, 'b.jsonl', 'bad\n'.repeat(30));
    writeFixture(folder, 'c.jsonl', 'bad\n'.repeat(30));
    const error = await invalidInput(loadDataset(folder));
    expect(error.problems).toHaveLength(50);
    expect(places(error.problems).at(-1)).toBe('b.jsonl:20:');
  });

  it('reports every rejected record under skipInvalid', async () => {
    const folder = tempFolder();
    const file = writeFixture(
      folder,
      'a.jsonl',
      'bad\n'.repeat(60) + '{"kind":"account","platform":"x","id":"1"}\n',
    );
    const dataset = await loadDataset(file, { skipInvalid: true });
    expect(dataset.report.rejected).toHaveLength(60);
    expect(dataset.accounts).toHaveLength(1);
  });

  it('fails on an input that does not exist, an unknown name and an empty folder', async () => {
    const folder = tempFolder();
    await expect(loadDataset(join(folder, 'missing.jsonl'))).rejects.toMatchObject({
      code: 'UNREADABLE_INPUT',
    });
    const data = writeFixture(folder, 'data.dat', '1 2\n');
    await expect(loadDataset(data)).rejects.toMatchObject({ code: 'UNREADABLE_INPUT' });
    await expect(loadDataset(tempFolder())).rejects.toMatchObject({ code: 'UNREADABLE_INPUT' });
    const broken = join(folder, 'edges.txt.gz');
    writeFileSync(broken, 'not gzip');
    await expect(loadDataset(broken)).rejects.toMatchObject({
      code: 'UNREADABLE_INPUT',
    });
  });

  it('fails on bad options', async () => {
    const folder = tempFolder();
    const file = writeFixture(folder, 'a.txt', '1 2\n');
    const error = await invalidInput(loadDataset(file, { skipLines: -1 }));
    expect(error.problems[0]?.field).toBe('skipLines');
  });

  it('reports progress for each file, ending with the whole file read', async () => {
    const folder = tempFolder();
    const file = writeFixture(folder, 'big.txt', '1 2\n'.repeat(400_000));
    const reports: LoadProgress[] = [];
    await loadDataset(file, { onProgress: (progress) => reports.push(progress) });
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.at(-1)).toEqual({ file, bytesRead: 1_600_000, bytesTotal: 1_600_000 });
  });
});

describeWithSharedData('loadDataset on real data', () => {
  it('reads the Higgs mention layer (SNAP)', async () => {
    const dataset = await loadDataset(
      sharedDataPath('higgs_twitter/higgs-mention_network.edgelist'),
    );
    expect(dataset.accounts).toHaveLength(116_408);
    expect(dataset.edges.length).toBe(150_818);
  });

  it('reads the gzipped Higgs reply layer', async () => {
    const dataset = await loadDataset(
      sharedDataPath('higgs_twitter/higgs-reply_network.edgelist.gz'),
    );
    expect(dataset.accounts).toHaveLength(38_918);
    expect(dataset.edges.length).toBe(32_523);
  });

  it('reads the AHCA retweets once its "nodes edges" count line is skipped', async () => {
    const file = sharedDataPath('ahca_healthcare_twitter_retweet/dataset_twitter.txt');
    const dataset = await loadDataset(file, { skipLines: 1 });
    expect(dataset.accounts).toHaveLength(54_836);
    expect(dataset.edges.length).toBe(96_704);
    const unskipped = await loadDataset(file);
    expect(unskipped.edges.length).toBe(96_705);
  });
});
