// A reader of the small part of Python's literal syntax that data files dumped with `repr()` use:
// lists and tuples of strings and integers, e.g. `[('Kathy', 1), ("O'Neil", 2)]` (no regex, no eval).
import { InvalidInputError } from '../../packages/core/src/index.js';

export type PythonLiteral = string | number | PythonLiteral[];

/** Escapes of Python string literals with a one-character meaning. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};
/** `\x`, `\u`, `\U`: how many hex digits follow. */
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * Parses one Python literal made of lists `[…]`, tuples `(…)` (both become arrays; `(x)` is x,
 * `(x,)` a tuple), strings and integers, as `ast.literal_eval` would for these. Strings take
 * single or double quotes, an optional `u` prefix and Python's escapes (`\\`, `\'`, `\"`, `\n`,
 * `\t`…, `\xhh`, `\uhhhh`, `\Uhhhhhhhh`, octal `\ooo`, and a backslash before a line break, which
 * joins the lines); an unknown escape keeps its backslash, as Python does; `\N{name}` is refused.
 * Trailing commas are allowed.
 *
 * @param text - the literal, with any surrounding white space.
 * @param file - named in errors. Default none.
 * @throws InvalidInputError naming the line and column of the first thing it cannot read.
 */
export function parsePythonLiteral(text: string, file?: string): PythonLiteral {
  let at = 0;

  const fail = (message: string, position = at): never => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < position && i < text.length; i++) {
      if (text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new InvalidInputError({
      ...(file !== undefined && { file }),
      line,
      field: `column ${position - lineStart + 1}`,
      message,
    });
  };

  const skipSpace = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at] as string)) at++;
  };

  const readString = (): string => {
    const quote = text[at] as string;
    const start = at;
    at++;
    let value = '';
    for (;;) {
      if (at >= text.length) fail('string not closed', start);
      const char = text[at] as string;
      if (char === quote) {
        at++;
        return value;
      }
      if (char === '\n') fail('line break inside a string (not closed?)', start);
      if (char !== '\\') {
        value += char;
        at++;
        continue;
      }
      const next = text[at + 1];
      if (next === undefined) fail('string not closed', start);
      const escape = next as string;
      if (escape in SIMPLE_ESCAPES) {
        value += SIMPLE_ESCAPES[escape];
        at += 2;
      } else if (escape in HEX_ESCAPES) {
        const digits = text.slice(at + 2, at + 2 + (HEX_ESCAPES[escape] as number));
        if (digits.length !== HEX_ESCAPES[escape] || !/^[0-9a-fA-F]+$/.test(digits)) {
          fail(`bad \\${escape} escape`);
        }
        const codePoint = Number.parseInt(digits, 16);
        if (codePoint > 0x10ffff) fail(`\\${escape} escape beyond Unicode`);
        value += String.fromCodePoint(codePoint);
        at += 2 + digits.length;
      } else if (escape >= '0' && escape <= '7') {
        let end = at + 1;
        while (end < at + 4 && (text[end] as string) >= '0' && (text[end] as string) <= '7') end++;
        value += String.fromCodePoint(Number.parseInt(text.slice(at + 1, end), 8));
        at = end;
      } else if (escape === 'N') {
        fail('\\N{…} named escapes are not supported');
      } else if (escape === '\n') {
        at += 2;
      } else if (escape === '\r') {
        at += text[at + 2] === '\n' ? 3 : 2;
      } else {
        value += `\\${escape}`;
        at += 2;
      }
    }
  };

  const readInteger = (): number => {
    const start = at;
    if (text[at] === '-' || text[at] === '+') at++;
    const digitsStart = at;
    while (at < text.length && (text[at] as string) >= '0' && (text[at] as string) <= '9') at++;
    if (at === digitsStart) fail('expected a digit', start);
    const value = Number(text.slice(start, at));
    if (!Number.isSafeInteger(value)) fail('integer too large for an exact number', start);
    return value;
  };

  /** A list, or a tuple; `(x)` without a comma is x itself, as in Python. */
  const readSequence = (close: ']' | ')'): PythonLiteral => {
    const start = at;
    at++;
    const items: PythonLiteral[] = [];
    let comma = false;
    for (;;) {
      skipSpace();
      if (at >= text.length) fail(`"${close}" missing`, start);
      if (text[at] === close) {
        at++;
        return close === ')' && items.length === 1 && !comma ? (items[0] as PythonLiteral) : items;
      }
      items.push(readValue());
      skipSpace();
      if (at >= text.length) fail(`"${close}" missing`, start);
      comma = text[at] === ',';
      if (comma) at++;
      else if (text[at] !== close) fail(`expected "," or "${close}"`);
    }
  };

  const readValue = (): PythonLiteral => {
    skipSpace();
    const char = text[at];
    if (char === '[') return readSequence(']');
    if (char === '(') return readSequence(')');
    if (char === "'" || char === '"') return readString();
    if ((char === 'u' || char === 'U') && (text[at + 1] === "'" || text[at + 1] === '"')) {
      at++;
      return readString();
    }
    if (char !== undefined && '+-0123456789'.includes(char)) return readInteger();
    return fail(
      char === undefined
        ? 'unexpected end of the text'
        : `unexpected "${char}": expected a list, tuple, string or integer`,
    );
  };

  const value = readValue();
  skipSpace();
  if (at < text.length) fail('unexpected text after the literal');
  return value;
}
