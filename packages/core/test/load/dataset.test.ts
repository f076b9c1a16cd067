import { DatasetCollector } from '../../src/load/dataset.js';

describe('DatasetCollector', () => {
  it('turns mentions and replies into author → receiver edges and stubs unknown accounts', () => {
    const collector = new DatasetCollector();
    collector.addAccount({ platform: 'x', id: '1', handle: 'DrAlice' }, { line: 1 });
    collector.addPost(
      {
        platform: 'x',
        id: 'p1',
        author: '2',
        createdAt: '2024-01-02',
        mentions: ['@dralice', '9'],
      },
      { line: 2 },
    );
    collector.addPost(
      { platform: 'x', id: 'p2', author: '1', createdAt: '2024-01-03', replyTo: 'p1' },
      { line: 3 },
    );
    const dataset = collector.finish();
    const keys = dataset.accounts.map((account) => account.key);
    const edges = Array.from({ length: dataset.edges.length }, (_, i) => dataset.edges.row(i));
    const named = edges.map((edge) => `${keys[edge.source]}>${keys[edge.target]}:${edge.type}`);
    expect(named).toEqual(['x:2>x:1:mention', 'x:2>x:9:mention', 'x:1>x:2:reply']);
    expect(dataset.accounts.find((account) => account.key === 'x:9')?.stub).toBe(true);
  });

  it('reports a duplicate account and keeps the first description', () => {
    const collector = new DatasetCollector();
    collector.addAccount({ platform: 'x', id: '1', name: 'First' }, { file: 'a.csv', line: 2 });
    collector.addAccount({ platform: 'x', id: '1', name: 'Second' }, { file: 'a.csv', line: 3 });
    const dataset = collector.finish();
    expect(dataset.accounts).toHaveLength(1);
    expect(dataset.accounts[0]?.name).toBe('First');
    expect(dataset.report.duplicates[0]).toMatchObject({ file: 'a.csv', line: 3, field: 'id' });
  });
});

describe('dates', () => {
  it('reads a date-time without a zone as UTC, whatever the machine', async () => {
    const { toEpochMs } = await import('../../src/schema/dates.js');
    expect(toEpochMs('2024-03-01T12:00:00')).toBe(Date.UTC(2024, 2, 1, 12));
    expect(toEpochMs('2024-03-01 12:00')).toBe(Date.UTC(2024, 2, 1, 12));
    expect(toEpochMs('2024-03-01T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(toEpochMs('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(toEpochMs('01/03/2024')).toBeNaN();
    expect(toEpochMs('2024-02-30')).toBeNaN();
  });
});

describe('toEpochMs agrees with Date.parse on well-formed ISO 8601 with a zone', () => {
  it.each([
    '2024-03-01T12:00:00Z',
    '2024-03-01T12:00:00.250Z',
    '2024-03-01T12:00:00.5+02:00',
    '2024-12-31T23:59:59-0530',
    '2024-02-29T00:00Z',
    '1999-01-01T00:00:00+00:00',
  ])('%s', async (date) => {
    const { toEpochMs } = await import('../../src/schema/dates.js');
    expect(toEpochMs(date)).toBe(Date.parse(date));
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-03-01T24:00',
    '2024-03-01T12:00:00+2',
    '2024-03-01T12',
    '2024-03-01Z',
    '2024-3-1',
    '2024-03-01T12:00:00.Z',
  ])('rejects %s', async (date) => {
    const { toEpochMs } = await import('../../src/schema/dates.js');
    expect(toEpochMs(date)).toBeNaN();
  });
});
