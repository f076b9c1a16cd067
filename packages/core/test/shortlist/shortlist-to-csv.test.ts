import type { ShortlistRow } from '@kolmap/model';
import {
  SHORTLIST_COLUMNS,
  shortlistToCsv,
  shortlistToJson,
} from '../../src/shortlist/shortlist-to-csv.js';
import { expectInvalid } from '../analyze/influence/fixtures.js';
import { textOf } from '../text-of.js';

const ROWS: ShortlistRow[] = [
  {
    position: 1,
    key: 'x:x1',
    name: 'Dr Émilie "Onco", MD',
    handle: 'emilie_onco',
    platform: 'x',
    actorType: 'hcp',
    community: 3,
    communityLabel: '#cancer · HCPs',
    kolScore: 87.456,
    rank: 4,
    role: 'community_leader',
    followers: 1200,
    url: 'https://x.com/emilie_onco',
    reason: 'new community 3 · #cancer · HCPs, new platform X, 0 % audience overlap',
    language: 'fr',
    country: 'FR',
  },
  {
    position: 2,
    key: 'instagram:ig2',
    name: '=HYPERLINK("http://evil.example")',
    handle: '@home',
    platform: 'instagram',
    actorType: null,
    community: null,
    communityLabel: null,
    kolScore: 50,
    rank: 9,
    role: 'peripheral',
    followers: null,
    url: null,
    reason: null,
    language: null,
    country: null,
  },
];

describe('shortlistToCsv', () => {
  it('writes the stable columns, then one row per account, RFC 4180 quoting', () => {
    expect(SHORTLIST_COLUMNS).toEqual([
      'position',
      'key',
      'name',
      'handle',
      'platform',
      'actorType',
      'community',
      'communityLabel',
      'kolScore',
      'rank',
      'role',
      'followers',
      'url',
      'reason',
      'language',
      'country',
    ]);
    const lines = textOf(shortlistToCsv(ROWS)).split('\n');
    expect(lines[0]).toBe(SHORTLIST_COLUMNS.join(','));
    expect(lines[1]).toBe(
      '1,x:x1,"Dr Émilie ""Onco"", MD",emilie_onco,x,hcp,3,#cancer · HCPs,87.46,4,community_leader,1200,https://x.com/emilie_onco,"new community 3 · #cancer · HCPs, new platform X, 0 % audience overlap",fr,FR',
    );
    // Formula-like text is neutralised in every mode (issue 16: a default CSV opens in Excel too).
    expect(lines[2]).toBe(
      `2,instagram:ig2,"'=HYPERLINK(""http://evil.example"")",'@home,instagram,,,,50.00,9,peripheral,,,,,`,
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(textOf(shortlistToCsv([]))).toBe(`${SHORTLIST_COLUMNS.join(',')}\n`);
  });

  it('writes for Excel: BOM, semicolons, CRLF, decimal commas, formulas defused', () => {
    const csv = textOf(shortlistToCsv(ROWS, { excel: true }));
    expect(csv.startsWith('\uFEFFposition;key;name;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      '1;x:x1;"Dr Émilie ""Onco"", MD";emilie_onco;x;hcp;3;#cancer · HCPs;87,46;4;community_leader;1200;https://x.com/emilie_onco;new community 3 · #cancer · HCPs, new platform X, 0 % audience overlap;fr;FR',
    );
    expect(lines[2]).toBe(
      `2;instagram:ig2;"'=HYPERLINK(""http://evil.example"")";'@home;instagram;;;;50,00;9;peripheral;;;;;`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('guards every formula start in Excel mode', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const row = { ...(ROWS[1] as ShortlistRow), name: `${start}1+1` };
      const cell = textOf(shortlistToCsv([row], { excel: true }))
        .split('\r\n')[1]
        ?.split(';')[2];
      expect(cell?.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
  });

  it('throws InvalidInputError naming a bad option', () => {
    expectInvalid(() => shortlistToCsv(ROWS, { excel: 'yes' as unknown as boolean }), 'excel');
  });
});

describe('shortlistToJson', () => {
  it('writes every field of every row, at full precision', () => {
    const json = shortlistToJson(ROWS);
    expect(JSON.parse(json)).toEqual(ROWS);
    expect(json).toContain('"kolScore": 87.456');
    expect(json.endsWith('\n')).toBe(true);
  });
});
