// The Python-literal reader of the AHCA match file, on names that break naive parsing; expected values
// are what Python's ast.literal_eval returns for the same text.
import { InvalidInputError } from '../../packages/core/src/index.js';
import { parseAhcaAccounts } from './ahca-dataset.js';
import { parsePythonLiteral } from './parse-python-literal.js';

function problemOf(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parsePythonLiteral', () => {
  it('reads a list of (name, id) tuples', () => {
    expect(parsePythonLiteral("[('Kathy', 1), ('timkaine', 2)]")).toEqual([
      ['Kathy', 1],
      ['timkaine', 2],
    ]);
  });

  it('reads quotes inside names, in both quoting styles Python writes', () => {
    // repr() picks double quotes when the name holds a ' and no ", else escapes the '.
    const text = `[("O'Neil", 1), ('say "hi" it\\'s', 2), ("\\"quoted\\"", 3)]`;
    expect(parsePythonLiteral(text)).toEqual([
      ["O'Neil", 1],
      ['say "hi" it\'s', 2],
      ['"quoted"', 3],
    ]);
  });

  it('keeps commas, brackets and parentheses inside names', () => {
    expect(parsePythonLiteral("[('(a, b)]', 5), ('x),(', 6)]")).toEqual([
      ['(a, b)]', 5],
      ['x),(', 6],
    ]);
  });

  it("decodes Python's escapes and keeps the backslash of an unknown one", () => {
    const text = String.raw`[('a\\b', 1), ('Caf\xe9 \u2019 \U0001f600', 2), ('tab\there', 3), ('\101\0', 4), ('\q', 5)]`;
    expect(parsePythonLiteral(text)).toEqual([
      ['a\\b', 1],
      ['Café ’ 😀', 2],
      ['tab\there', 3],
      ['A\0', 4],
      ['\\q', 5],
    ]);
  });

  it('reads empty names, u-prefixed strings, raw non-ASCII, white space and trailing commas', () => {
    const text = "[\n  ('', 6),\n  (u'uni', 7),\n  ('Zoë 😀', -8) ,\n]\n";
    expect(parsePythonLiteral(text)).toEqual([
      ['', 6],
      ['uni', 7],
      ['Zoë 😀', -8],
    ]);
  });

  it('tells a tuple of one from parentheses around a value', () => {
    expect(parsePythonLiteral("[('a'), ('a',), ()]")).toEqual(['a', ['a'], []]);
  });

  it.each([
    ["[('open, 1)]", 'string not closed', 3],
    ["[('a', 1)", '"]" missing', 1],
    ["[('a' 1)]", 'expected "," or ")"', 7],
    ["[('a', 1)] extra", 'unexpected text after the literal', 12],
    ["[('a', x)]", 'unexpected "x"', 8],
    [String.raw`[('\N{BULLET}', 1)]`, 'named escapes are not supported', 4],
    [String.raw`[('\x4', 1)]`, 'bad \\x escape', 4],
  ])('refuses %j, naming the column', (text, message, column) => {
    const error = problemOf(() => parsePythonLiteral(text, 'match.txt'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems[0]).toMatchObject({
      file: 'match.txt',
      line: 1,
      field: `column ${column}`,
    });
    expect(error.problems[0]?.message).toContain(message);
  });

  it('names the line of a problem after line breaks', () => {
    const error = problemOf(() => parsePythonLiteral("[\n('a', 1),\n('b', ?)]"));
    expect(error.problems[0]).toMatchObject({ line: 3, field: 'column 7' });
  });
});

describe('parseAhcaAccounts', () => {
  it('gives ids as strings, names as written, repeated names kept', () => {
    expect(parseAhcaAccounts("[('Kathy', 1), ('Kathy', 2), (\"O'Neil\", 3)]")).toEqual([
      { id: '1', name: 'Kathy' },
      { id: '2', name: 'Kathy' },
      { id: '3', name: "O'Neil" },
    ]);
  });

  it.each([
    ["'Kathy'", 'expected a list'],
    ["[('Kathy',)]", 'entry 1: expected a (name, id) tuple'],
    ["[(1, 'Kathy')]", 'entry 1: expected a (name, id) tuple'],
    ["[('Kathy', 0)]", 'entry 1: expected an id ≥ 1'],
    ["[('Kathy', 1), ('Mom', 1)]", 'entry 2: id 1 given twice'],
  ])('refuses %j', (text, message) => {
    const error = problemOf(() => parseAhcaAccounts(text, 'match.txt'));
    expect(error.problems[0]).toMatchObject({ file: 'match.txt' });
    expect(error.problems[0]?.message).toContain(message);
  });
});
