import { loadEdgeList, loadSnap } from '../../src/load/edge-list.js';
import { interactionSchema } from '../../src/schema/records.js';
import {
  edgeList,
  invalidInput,
  loadWith,
  places,
  tempFolder,
  writeFixture,
} from './load-fixtures.js';

const folder = tempFolder();
let files = 0;

function file(extension: string, text: string): string {
  return writeFixture(folder, `edges-${++files}.${extension}`, text);
}

describe('loadEdgeList', () => {
  it('reads source,target[,weight][,type][,timestamp] rows without a header', async () => {
    const dataset = await loadWith(
      loadEdgeList,
      file('csv', 'a,b\n\nb,c,2.5\nc,a,,mention\na,c,1,reply,2024-02-01T10:00:00Z\n'),
    );
    expect(edgeList(dataset)).toEqual(['a>b::1', 'b>c::2.5', 'c>a:mention:1', 'a>c:reply:1']);
    expect(dataset.edges.row(3).time).toBe(Date.parse('2024-02-01T10:00:00Z'));
    expect(dataset.accounts.map((account) => account.key)).toEqual([
      'other:a',
      'other:b',
      'other:c',
    ]);
  });

  it('skips a header row and orders the columns it names', async () => {
    const named = await loadWith(loadEdgeList, file('csv', 'Source,Target,Type\na,b,quote\n'));
    expect(edgeList(named)).toEqual(['a>b:quote:1']);
    const reversed = await loadWith(loadEdgeList, file('csv', 'target,source,weight\na,b,2\n'));
    expect(edgeList(reversed)).toEqual(['b>a::2']);
    const weighted = await loadWith(loadEdgeList, file('csv', 'from,to,count\n1,2,3\n'));
    expect(edgeList(weighted)).toEqual(['1>2::3']);
    const ids = await loadWith(loadEdgeList, file('csv', 'id_1,id_2\n0,18\n1,21\n'));
    expect(edgeList(ids)).toEqual(['0>18::1', '1>21::1']);
    const handles = await loadWith(loadEdgeList, file('csv', 'alice,bob\ncarol,dave\n'));
    expect(edgeList(handles)).toEqual(['alice>bob::1', 'carol>dave::1']);
    const single = await loadWith(loadEdgeList, file('csv', 'alice,bob\n'));
    expect(edgeList(single)).toEqual(['alice>bob::1']);
  });

  it('reads quoted cells, tab-separated files, gzip and skipLines', async () => {
    expect(edgeList(await loadWith(loadEdgeList, file('csv', '"Smith, J",b,"2"\n')))).toEqual([
      'Smith, J>b::2',
    ]);
    expect(edgeList(await loadWith(loadEdgeList, file('tsv', 'a b\tc\n')))).toEqual(['a b>c::1']);
    expect(edgeList(await loadWith(loadEdgeList, file('csv.gz', 'a,b\nb,c\n')))).toEqual([
      'a>b::1',
      'b>c::1',
    ]);
    const skipped = await loadWith(loadEdgeList, file('csv', 'exported 2024\n3,4\n4,5\n'), {
      skipLines: 1,
    });
    expect(edgeList(skipped)).toEqual(['3>4::1', '4>5::1']);
  });

  it('uses the platform option', async () => {
    const dataset = await loadWith(loadEdgeList, file('csv', 'a,b\n'), { platform: 'x' });
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:a', 'x:b']);
  });

  it('fails with the line and field of each bad row', async () => {
    const error = await invalidInput(
      loadWith(
        loadEdgeList,
        file(
          'csv',
          [
            'a,b,1',
            'a,b,heavy',
            'a,b,0',
            'a,b,-2',
            ',b',
            'a,b,1,retweet',
            'a,b,1,reply,last week',
            'a',
            'a,b,1,reply,2024-01-01,extra',
            '"a,b',
            'a,b,Infinity',
          ].join('\n'),
        ),
      ),
    );
    expect(places(error.problems).map((place) => place.replace(/^edges-\d+\.csv/, ''))).toEqual([
      ':2:weight',
      ':3:weight',
      ':4:weight',
      ':5:source',
      ':6:type',
      ':7:timestamp',
      ':8:',
      ':9:',
      ':10:',
      ':11:weight',
    ]);
  });

  it('accepts and rejects plain rows exactly as the interaction schema does', async () => {
    const rows = [
      ' a , b ',
      'a,b,1e3',
      'a,b, 2 ',
      'a,b,5e-324',
      'a,b,-0',
      ' ,b',
      'a,b,1e999',
      'a,b,NaN',
    ];
    const dataset = await loadWith(loadEdgeList, file('csv', rows.join('\n')), {
      skipInvalid: true,
    });
    const expected = rows.map((row) => {
      const [source, target, weight] = row.split(',') as [string, string, string?];
      const record = {
        source,
        target,
        ...(weight === undefined ? {} : { weight: Number(weight) }),
      };
      const result = interactionSchema.safeParse(record);
      return result.success
        ? `${result.data.source}>${result.data.target}::${result.data.weight ?? 1}`
        : 'rejected';
    });
    const rejected = new Set(dataset.report.rejected.map((problem) => problem.line));
    const loaded = edgeList(dataset);
    expect(rows.map((_, index) => (rejected.has(index + 1) ? 'rejected' : loaded.shift()))).toEqual(
      expected,
    );
  });

  it('keeps the good rows and reports the bad ones under skipInvalid', async () => {
    const dataset = await loadWith(loadEdgeList, file('csv', 'a,b\nb,c,x\nc,d\n'), {
      skipInvalid: true,
    });
    expect(edgeList(dataset)).toEqual(['a>b::1', 'c>d::1']);
    expect(dataset.report.rejected).toEqual([
      expect.objectContaining({ line: 2, field: 'weight' }),
    ]);
  });
});

describe('loadSnap', () => {
  it('reads whitespace-separated edges and skips comments and blank lines', async () => {
    const text = '# Directed graph\n% konect header\n\n1 2\n2\t3\t4\n  3   1  0.5 \n';
    const dataset = await loadWith(loadSnap, file('txt', text));
    expect(edgeList(dataset)).toEqual(['1>2::1', '2>3::4', '3>1::0.5']);
  });

  it('skips a count header with skipLines', async () => {
    const text = '3 2\n1 2\n2 3\n';
    expect(edgeList(await loadWith(loadSnap, file('txt', text), { skipLines: 1 }))).toEqual([
      '1>2::1',
      '2>3::1',
    ]);
    expect(edgeList(await loadWith(loadSnap, file('txt', text)))).toEqual([
      '3>2::1',
      '1>2::1',
      '2>3::1',
    ]);
  });

  it('reads gzipped files', async () => {
    expect(edgeList(await loadWith(loadSnap, file('edgelist.gz', '1 2 3\n')))).toEqual(['1>2::3']);
  });

  it('fails on a wrong number of columns or a bad weight, naming the line', async () => {
    const error = await invalidInput(
      loadWith(loadSnap, file('txt', '1 2\n1,2,3\n1 2 3 4\n1 2 x\n1 2 -1\n')),
    );
    expect(error.problems.map(({ line, field }) => `${line}:${field ?? ''}`)).toEqual([
      '2:',
      '3:',
      '4:weight',
      '5:weight',
    ]);
  });
});
