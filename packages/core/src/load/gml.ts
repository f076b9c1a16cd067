// Streaming reader of GML graph files as networkx, igraph and Newman's datasets write them.
// Nodes become accounts (their other attributes kept), edges become untyped interactions.
import type { Platform } from '@kolmap/model';
import { InputLimitError, type InputLocation, type InputProblem } from '../errors.js';
import { accountSchema, type Interaction, interactionSchema } from '../schema/records.js';
import type { DatasetCollector } from './dataset.js';
import { issueProblems } from './issue-problems.js';
import type { LoadOptions } from './options.js';
import { throttled } from './read-line-batches.js';
import { readTextChunks } from './read-text-chunks.js';
import { RecordSink } from './record-sink.js';
import { type ResolvedLoadOptions, resolveLoadOptions } from './resolve-load-options.js';

/** A GML value: a number, a string, or a list of key-value pairs (a repeated key holds an array). */
export type GmlValue = number | string | GmlList | GmlValue[];
export interface GmlList {
  [key: string]: GmlValue;
}

type GmlToken =
  | { kind: 'key'; text: string; line: number }
  | { kind: 'value'; value: number | string; line: number }
  | { kind: 'open' | 'close'; line: number };

/**
 * Loads a GML file (`.gml` or `.gml.gz`), reading it chunk by chunk.
 *
 * Each `node [ id … ]` becomes an account whose id is the GML `id` and whose name is `label`;
 * its other attributes (nested lists included, as objects) are kept as the account's
 * `attributes`. Each `edge [ source … target … ]` becomes an untyped interaction whose weight is
 * `weight`, else `value`, when it is a positive number, else 1. Duplicate edges and self-loops
 * are passed on as they are (the builders aggregate them). `directed 0`, or no `directed` key
 * (GML's default), makes the dataset undirected. Strings may use `&amp;`-style entities.
 *
 * A node without a usable id, a node id declared twice (or rejected), and an edge whose source
 * or target is not a declared node are bad records. Syntax errors (unbalanced brackets, an
 * unterminated string) always stop the load.
 *
 * @param options.platform - platform of every account. Default `collector.defaultPlatform`.
 * @param options.skipInvalid - report bad nodes and edges in `report.rejected` and go on.
 *   Default false: the load fails with every problem found (up to 50).
 * @param options.undirected - make the dataset undirected whatever the file says. Default false.
 * @param options.onProgress - called as the file is read (about every MB). Default: none.
 * @throws InvalidInputError whose problems name the file, line and field.
 * @throws UnreadableInputError when the file cannot be read.
 */
export async function loadGml(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  const resolved = resolveLoadOptions(options);
  const sink = new RecordSink(collector, resolved);
  const fail = (line: number, message: string) =>
    sink.fail([{ file, line, message: `GML syntax: ${message}` }]);
  const reader = new GmlGraphReader(file, sink, resolved, fail);
  const tokenizer = new GmlTokenizer(
    fail,
    (line) => {
      const max = resolved.limits.maxLineLength;
      throw new InputLimitError(
        'maxLineLength',
        max,
        { file, line },
        'a value is longer than allowed',
      );
    },
    resolved.limits.maxLineLength,
  );
  const accept = (token: GmlToken) => reader.accept(token);
  const progress = resolved.onProgress && throttled(resolved.onProgress);
  for await (const chunk of readTextChunks(file, progress, resolved.limits.maxBytes)) {
    tokenizer.feed(chunk, accept, false);
    if (sink.full) return sink.finish();
  }
  tokenizer.feed('', accept, true);
  reader.end(tokenizer.line);
  sink.finish();
}

/** Stops the load on a syntax error at `line`. */
type FailSyntax = (line: number, message: string) => never;

/** Whitespace, a comment, a bracket, a string, or a bare word (key or number). */
const TOKEN = /\s+|#[^\n]*|\[|\]|"[^"]*"|[^\s[\]"#]+/y;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const SPECIAL_REALS: Record<string, number> = {
  INF: Number.POSITIVE_INFINITY,
  '+INF': Number.POSITIVE_INFINITY,
  '-INF': Number.NEGATIVE_INFINITY,
  NAN: Number.NaN,
  '+NAN': Number.NaN,
  '-NAN': Number.NaN,
};

/** Cuts text into GML tokens; a token cut by a chunk boundary waits for the next chunk. */
class GmlTokenizer {
  /** Line of the next unread character (1-based). */
  line = 1;
  private carry = '';

  /**
   * @param tooLong - stops the load when a token not ended yet (a string, a word, a comment) is
   *   longer than `maxTokenLength` characters: carrying it from chunk to chunk must stay bounded.
   */
  constructor(
    private readonly fail: FailSyntax,
    private readonly tooLong: (line: number) => never,
    private readonly maxTokenLength: number,
  ) {}

  feed(chunk: string, emit: (token: GmlToken) => void, final: boolean): void {
    const text = this.carry + chunk;
    let position = 0;
    while (position < text.length) {
      TOKEN.lastIndex = position;
      const match = TOKEN.exec(text);
      if (match === null) {
        // Only an opening quote without its closing one fails every alternative.
        if (final) this.fail(this.line, 'unterminated string');
        break;
      }
      const token = match[0];
      const first = token.charAt(0);
      const end = position + token.length;
      const space = isSpace(first);
      // A comment or a word reaching the end of the chunk may go on in the next one.
      if (
        !final &&
        end === text.length &&
        !space &&
        first !== '"' &&
        first !== '[' &&
        first !== ']'
      ) {
        break;
      }
      position = end;
      const line = this.line;
      if (space) this.line += countNewlines(token);
      else if (first === '[') emit({ kind: 'open', line });
      else if (first === ']') emit({ kind: 'close', line });
      else if (first === '"') {
        this.line += countNewlines(token);
        emit({ kind: 'value', value: decodeEntities(token.slice(1, -1)), line });
      } else if (first !== '#') emit(wordToken(token, line, this.fail));
    }
    this.carry = text.slice(position);
    if (this.carry.length > this.maxTokenLength) this.tooLong(this.line);
  }
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || /\s/.test(char);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function wordToken(word: string, line: number, fail: FailSyntax): GmlToken {
  if (KEY.test(word)) return { kind: 'key', text: word, line };
  if (NUMBER.test(word)) return { kind: 'value', value: toNumber(word), line };
  const special = SPECIAL_REALS[word];
  if (special !== undefined) return { kind: 'value', value: special, line };
  return fail(line, `unexpected "${word}": expected a key, a number, a string or a bracket`);
}

/** Integers too large for a double are kept as their digits (ids such as tweet ids). */
function toNumber(word: string): number | string {
  const value = Number(word);
  return INTEGER.test(word) && !Number.isSafeInteger(value) ? word.replace(/^\+/, '') : value;
}

const BASIC_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
/** ISO 8859-1 entity names of characters 160 to 255, in order (the set GML's specification names). */
const LATIN1_ENTITY_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';
const NAMED_ENTITIES = new Map<string, string>([
  ...Object.entries(BASIC_ENTITIES),
  ...LATIN1_ENTITY_NAMES.split(' ').map((name, index): [string, string] => [
    name,
    String.fromCharCode(160 + index),
  ]),
]);
const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));/g;

/**
 * Decodes the XML/HTML entities GML writers use (`&amp;`, `&quot;`, `&#233;`, `&#xE9;`, Latin-1
 * names such as `&eacute;`). Anything else, such as a bare `&`, is left as it is.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

type FrameRole = 'top' | 'graph' | 'node' | 'edge' | 'list' | 'skip';

interface Frame {
  role: FrameRole;
  key: string;
  line: number;
  list: GmlList;
}

interface PendingEdge {
  interaction: Interaction;
  line: number;
}

/** Turns GML tokens into accounts and interactions, keeping only the open lists in memory. */
class GmlGraphReader {
  private readonly stack: Frame[] = [{ role: 'top', key: '', line: 1, list: {} }];
  private pendingKey: { text: string; line: number } | undefined;
  private graphs = 0;
  private directed = false;
  private readonly platform: Platform;
  private readonly declared = new Set<string>();
  /** Edges read before one of their nodes; checked when the graph closes. */
  private readonly pendingEdges: PendingEdge[] = [];
  private badWeights = 0;

  private readonly collector: DatasetCollector;

  constructor(
    private readonly file: string,
    private readonly sink: RecordSink,
    private readonly options: ResolvedLoadOptions,
    private readonly fail: FailSyntax,
  ) {
    this.collector = sink.collector;
    this.platform = options.platform ?? sink.collector.defaultPlatform;
  }

  accept(token: GmlToken): void {
    const key = this.pendingKey;
    if (key === undefined) {
      if (token.kind === 'key') this.pendingKey = { text: token.text, line: token.line };
      else if (token.kind === 'close') this.close(token.line);
      else this.fail(token.line, `expected a key, found ${describe(token)}`);
      return;
    }
    this.pendingKey = undefined;
    if (token.kind === 'value') this.assign(key.text, token.value);
    else if (token.kind === 'open') this.open(key.text, key.line);
    else if (token.kind === 'key' && SPECIAL_REALS[token.text] !== undefined) {
      this.assign(key.text, SPECIAL_REALS[token.text] as number);
    } else this.fail(key.line, `"${key.text}" has no value`);
  }

  end(lastLine: number): void {
    if (this.pendingKey) this.fail(this.pendingKey.line, `"${this.pendingKey.text}" has no value`);
    if (this.top.role !== 'top') this.fail(this.top.line, `"${this.top.key} [" is never closed`);
    if (this.graphs === 0) this.fail(lastLine, 'no "graph [ … ]" in the file');
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private open(key: string, line: number): void {
    const parent = this.top.role;
    let role: FrameRole = 'skip';
    if (parent === 'top' && key === 'graph') {
      if (++this.graphs > 1) this.fail(line, 'a second graph; a GML file holds one');
      role = 'graph';
    } else if (parent === 'graph' && (key === 'node' || key === 'edge')) role = key;
    else if (parent === 'node' || parent === 'edge' || parent === 'list') role = 'list';
    this.stack.push({ role, key, line, list: {} });
  }

  private close(line: number): void {
    const frame = this.top;
    if (frame.role === 'top') this.fail(line, 'unbalanced "]"');
    this.stack.pop();
    if (frame.role === 'list') this.assign(frame.key, frame.list);
    else if (frame.role === 'node') this.addNode(frame.list, frame.line);
    else if (frame.role === 'edge') this.addEdge(frame.list, frame.line);
    else if (frame.role === 'graph') this.endGraph();
  }

  private assign(key: string, value: GmlValue): void {
    const frame = this.top;
    if (frame.role === 'graph' && key === 'directed') this.directed = value === 1;
    if (frame.role !== 'node' && frame.role !== 'edge' && frame.role !== 'list') return;
    const known = Object.hasOwn(frame.list, key) ? frame.list[key] : undefined;
    if (known === undefined) setOwn(frame.list, key, value);
    // Tokens never give arrays: an array here holds the earlier repeats of this key.
    else if (Array.isArray(known)) known.push(value);
    else setOwn(frame.list, key, [known, value]);
  }

  private addNode(list: GmlList, line: number): void {
    const at: InputLocation = { file: this.file, line };
    const { id, label, ...rest } = list;
    if (!isScalar(id)) {
      const message =
        id === undefined ? 'node has no id' : 'node id must be a single number or string';
      return this.sink.reject([{ ...at, field: 'id', message }]);
    }
    const named = isScalar(label);
    const attributes: GmlList = named || label === undefined ? rest : { label, ...rest };
    const fields = { platform: this.platform, id, ...(named ? { name: String(label) } : {}) };
    const parsed = accountSchema.safeParse(fields);
    if (!parsed.success) return this.sink.reject(issueProblems(parsed.error.issues, fields, at));
    if (this.declared.has(parsed.data.id)) {
      return this.sink.reject([
        { ...at, field: 'id', message: `node id ${parsed.data.id} is declared twice` },
      ]);
    }
    this.declared.add(parsed.data.id);
    const kept = Object.keys(attributes).length > 0 ? attributes : undefined;
    this.collector.addAccount(parsed.data, at, kept);
  }

  private addEdge(list: GmlList, line: number): void {
    const at: InputLocation = { file: this.file, line };
    const { source, target } = list;
    const problems = [endProblem('source', source, at), endProblem('target', target, at)];
    const bad = problems.filter((problem): problem is InputProblem => problem !== undefined);
    if (bad.length > 0) return this.sink.reject(bad);
    const fields = { platform: this.platform, source, target, weight: this.weightOf(list) };
    const parsed = interactionSchema.safeParse(fields);
    if (!parsed.success) return this.sink.reject(issueProblems(parsed.error.issues, fields, at));
    if (this.declared.has(parsed.data.source) && this.declared.has(parsed.data.target)) {
      this.collector.addInteraction(parsed.data, at);
    } else {
      this.pendingEdges.push({ interaction: parsed.data, line });
    }
  }

  private weightOf(list: GmlList): number {
    const value = list.weight ?? list.value;
    if (value === undefined) return 1;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    this.badWeights++;
    return 1;
  }

  private endGraph(): void {
    for (const { interaction, line } of this.pendingEdges) {
      const at = { file: this.file, line };
      const missing = (['source', 'target'] as const).find(
        (field) => !this.declared.has(interaction[field]),
      );
      if (missing === undefined) {
        this.collector.addInteraction(interaction, at);
      } else {
        this.sink.reject([
          {
            ...at,
            field: missing,
            message: `edge ${missing} ${interaction[missing]} is not a declared node`,
          },
        ]);
      }
    }
    this.pendingEdges.length = 0;
    if (!this.directed || this.options.undirected) this.collector.directed = false;
    if (this.badWeights > 0) {
      this.collector.report.warnings.push(
        `${this.file}: ${this.badWeights} edges have a weight or value that is not a positive number; each counts as 1`,
      );
    }
  }
}

/** Sets a key as an own property, so that a GML key named `__proto__` stays a plain attribute. */
function setOwn(list: GmlList, key: string, value: GmlValue): void {
  Object.defineProperty(list, key, { value, enumerable: true, writable: true, configurable: true });
}

function isScalar(value: GmlValue | undefined): value is number | string {
  return typeof value === 'number' || typeof value === 'string';
}

function describe(token: GmlToken): string {
  if (token.kind === 'open') return '"["';
  if (token.kind === 'value') return `the value ${JSON.stringify(token.value)}`;
  return token.kind === 'key' ? `"${token.text}"` : '"]"';
}

function endProblem(
  field: 'source' | 'target',
  value: GmlValue | undefined,
  at: InputLocation,
): InputProblem | undefined {
  if (isScalar(value)) return undefined;
  const message =
    value === undefined
      ? `edge has no ${field}`
      : `edge ${field} must be a single number or string`;
  return { ...at, field, message };
}
