import { csvRecordKind, loadCsv } from '../../src/load/csv.js';
import {
  edgeList,
  invalidInput,
  loadWith,
  places,
  tempFolder,
  writeFixture,
} from './load-fixtures.js';

const folder = tempFolder();
let folders = 0;

/** Writes a fixture in its own sub-folder, so that each test can use the kolmap file names. */
function csvFile(name: string, text: string): string {
  return writeFixture(folder, `${++folders}/${name}`, text);
}

describe('csvRecordKind', () => {
  it('tells the kind from the file name', () => {
    expect(csvRecordKind('data/accounts.csv')).toBe('account');
    expect(csvRecordKind('ms-posts.csv.gz')).toBe('post');
    expect(csvRecordKind('x_follows.tsv')).toBe('follow');
    expect(csvRecordKind('INTERACTIONS.CSV')).toBe('interaction');
    expect(csvRecordKind('edges.csv')).toBeUndefined();
    expect(csvRecordKind('reposts.csv')).toBeUndefined();
  });
});

describe('loadCsv', () => {
  it('converts numbers, booleans and |-separated lists, and leaves empty cells out', async () => {
    const file = csvFile(
      'accounts.csv',
      [
        'platform,id,handle,followers,verified,therapeuticAreas,bio',
        'x,1,DrAlice,1200,true,MS|NMOSD,"Neurologist, Paris"',
        'x,2,,,no,,',
        'linkedin,3,bob,0,1, MS | ,"line one',
        'line two"',
      ].join('\n'),
    );
    const dataset = await loadWith(loadCsv, file);
    expect(dataset.accounts).toEqual([
      {
        key: 'x:1',
        platform: 'x',
        id: '1',
        handle: 'DrAlice',
        followers: 1200,
        verified: true,
        therapeuticAreas: ['MS', 'NMOSD'],
        bio: 'Neurologist, Paris',
      },
      { key: 'x:2', platform: 'x', id: '2', verified: false },
      {
        key: 'linkedin:3',
        platform: 'linkedin',
        id: '3',
        handle: 'bob',
        followers: 0,
        verified: true,
        therapeuticAreas: ['MS'],
        bio: 'line one\nline two',
      },
    ]);
  });

  it('reads posts with hashtags and mentions, and interactions with weights', async () => {
    const posts = csvFile(
      'posts.csv',
      'kind,id,platform,author,createdAt,hashtags,mentions,likes\npost,p1,x,1,2024-03-01,#SEP|#MS,@bob|carol,3\n',
    );
    const dataset = await loadWith(loadCsv, posts);
    expect(dataset.posts[0]).toMatchObject({
      hashtags: ['#SEP', '#MS'],
      mentions: ['@bob', 'carol'],
      likes: 3,
    });
    const interactions = csvFile('interactions.csv', 'source,target,type,weight\na,b,repost,2.5\n');
    expect(edgeList(await loadWith(loadCsv, interactions))).toEqual(['a>b:repost:2.5']);
  });

  it('reads tab-separated and gzipped files', async () => {
    const tsv = csvFile('accounts.tsv', 'platform\tid\thandle\nx\t1\ta, b\n');
    expect((await loadWith(loadCsv, tsv)).accounts[0]?.handle).toBe('a, b');
    const gz = csvFile('follows.csv.gz', 'platform,source,target\nx,1,2\nx,2,3\n');
    expect(edgeList(await loadWith(loadCsv, gz))).toEqual(['1>2:follow:1', '2>3:follow:1']);
  });

  it('names the physical line of a bad row, after quoted line breaks and blank lines', async () => {
    for (const end of ['\n', '\r\n']) {
      const file = csvFile(
        'posts.csv',
        [
          'id,platform,author,createdAt,text',
          'p1,x,1,2024-01-01,"two',
          'lines"',
          '',
          'p2,x,1,2024-01-02,"three',
          'more',
          'lines"',
          'p3,x,1,yesterday,ok',
          'p4,twitter,1,2024-01-03,ok',
        ].join(end),
      );
      const error = await invalidInput(loadWith(loadCsv, file));
      expect(places(error.problems)).toEqual(['posts.csv:8:createdAt', 'posts.csv:9:platform']);
    }
  });

  it('fails on a non-numeric count, a bad boolean and a wrong number of cells', async () => {
    const file = csvFile(
      'accounts.csv',
      'platform,id,followers,verified\nx,1,many,maybe\nx,2,3\nx,3,4,true,extra\nx,4,-1,false\n',
    );
    const error = await invalidInput(loadWith(loadCsv, file));
    expect(places(error.problems)).toEqual([
      'accounts.csv:2:followers',
      'accounts.csv:2:verified',
      'accounts.csv:3:',
      'accounts.csv:4:',
      'accounts.csv:5:followers',
    ]);
  });

  it('fails on an unknown or missing column, even under skipInvalid', async () => {
    const file = csvFile('accounts.csv', 'platform,id,colour\nx,1,red\n');
    const error = await invalidInput(loadWith(loadCsv, file, { skipInvalid: true }));
    expect(places(error.problems)).toEqual(['accounts.csv:1:colour']);
    const missing = csvFile('follows.csv', 'platform,source\nx,1\n');
    expect(places((await invalidInput(loadWith(loadCsv, missing))).problems)).toEqual([
      'follows.csv:1:target',
    ]);
  });

  it('fails on broken quoting with the line of the record', async () => {
    const file = csvFile('accounts.csv', 'platform,id,bio\nx,1,ok\nx,2,"never closed\n');
    const error = await invalidInput(loadWith(loadCsv, file, { skipInvalid: true }));
    expect(places(error.problems)).toEqual(['accounts.csv:3:']);
  });

  it('keeps the good rows and reports the bad ones under skipInvalid', async () => {
    const file = csvFile('accounts.csv', 'platform,id\nx,1\nmyspace,2\nx,3\n');
    const dataset = await loadWith(loadCsv, file, { skipInvalid: true });
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:1', 'x:3']);
    expect(places(dataset.report.rejected)).toEqual(['accounts.csv:3:platform']);
  });

  it('gives rows without a platform the platform option', async () => {
    const file = csvFile('accounts.csv', 'id,platform\n1,\n2,x\n');
    const dataset = await loadWith(loadCsv, file, { platform: 'youtube' });
    expect(dataset.accounts.map((account) => account.key)).toEqual(['youtube:1', 'x:2']);
  });

  it('refuses a file whose name does not tell the kind', async () => {
    const file = csvFile('people.csv', 'platform,id\nx,1\n');
    await expect(loadWith(loadCsv, file)).rejects.toMatchObject({ code: 'UNREADABLE_INPUT' });
  });
});
