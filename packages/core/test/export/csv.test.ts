import { csvCell, csvRow } from '../../src/export/csv.js';

describe('csvCell', () => {
  it('quotes cells holding the separator, a quote or a newline', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['x', 'y'])).toBe('x|y');
  });

  it('neutralises every text a spreadsheet would run as a formula, spaces before it included', () => {
    for (const text of ['=1+1', '+33 1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '  =cmd|x', ' @a']) {
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell(['=evil', 'b'])).toBe("'=evil|b");
  });

  it('leaves numbers and ordinary text as they are', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('hello = world')).toBe('hello = world');
    expect(csvCell('2024-03')).toBe('2024-03');
    expect(csvRow(['a', -1, '=b'])).toBe("a,-1,'=b\n");
  });
});
