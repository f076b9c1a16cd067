// Fuzz suite of the loaders (issue 16): generated and mutated files of every format, plain and
// gzipped, loaded with small limits; each load returns a Dataset or fails with a typed error, in time.
// 3,150 cases: 350 per format (9 formats), seeded, so a failure replays the same way.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { InputLimitError, InvalidInputError, UnreadableInputError } from '../../src/errors.js';
import { loadDataset } from '../../src/load/load-dataset.js';

const SEED = 16_2026;
const RUNS_PER_FORMAT = 350;
/** Longest a fuzzed load may take before it counts as a hang. */
const LOAD_TIMEOUT_MS = 10_000;
const LIMITS = { maxBytes: 64 * 1024, maxLineLength: 4096, maxRecords: 400 };
const TYPED_CODES = new Set(['INVALID_INPUT', 'UNREADABLE_INPUT', 'TOO_LARGE']);

let folder: string;
let files = 0;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kolmap-fuzz-loaders-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Ids, numbers and hostile strings as they turn up in cells. */
const token = fc.oneof(
  fc.stringMatching(/^[a-z0-9_]{1,6}$/),
  fc.integer({ min: -5, max: 50 }).map(String),
  fc.constantFrom('', ' ', '1e308', '-0', 'NaN', 'Infinity', '1e20', '0x1f', '"', '""', '\\'),
  fc.constantFrom('=cmd|', '<![CDATA[', ']]>', '&amp;', '&#0;', '\u0000', '\uFFFE', '\uD800'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const KINDS = ['account', 'post', 'follow', 'interaction', 'other', ''] as const;
const FIELDS = [
  'kind',
  'platform',
  'id',
  'handle',
  'author',
  'source',
  'target',
  'type',
  'weight',
  'createdAt',
  'mentions',
  'followers',
  'replyTo',
  'verified',
] as const;

const jsonValue = fc.oneof(
  token,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(token, { maxLength: 3 }),
  fc.dictionary(token, token, { maxKeys: 2 }),
);

const jsonlLine = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), jsonValue, { maxKeys: 6 }),
  })
  .map(({ kind, fields }) => JSON.stringify({ kind, ...fields }));

function delimited(header: readonly string[], separator = ','): fc.Arbitrary<string[]> {
  const row = fc
    .array(token, { minLength: 0, maxLength: header.length + 2 })
    .map((cells) =>
      cells
        .map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
        .join(separator),
    );
  return fc
    .tuple(fc.boolean(), fc.array(row, { maxLength: 12 }))
    .map(([withHeader, rows]) => (withHeader ? [header.join(separator), ...rows] : rows));
}

const gmlText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(token, token), { maxLength: 6 }),
    fc.array(fc.tuple(token, token, fc.option(fc.double())), { maxLength: 8 }),
  )
  .map(([directed, nodes, edges]) =>
    [
      'graph [',
      `  directed ${directed ? 1 : 0}`,
      ...nodes.map(([id, label]) => `  node [ id ${id} label "${label}" ]`),
      ...edges.map(
        ([source, target, weight]) =>
          `  edge [ source ${source} target ${target}${weight === null ? '' : ` weight ${weight}`} ]`,
      ),
      ']',
    ].join('\n'),
  );

const xmlAttribute = token.map((value) => value.replaceAll('"', '&quot;').replaceAll('<', '&lt;'));

const gexfText = fc
  .tuple(
    fc.array(fc.tuple(xmlAttribute, xmlAttribute), { maxLength: 6 }),
    fc.array(fc.tuple(xmlAttribute, xmlAttribute, xmlAttribute), { maxLength: 8 }),
  )
  .map(([nodes, edges]) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
      '<graph defaultedgetype="directed"><nodes>',
      ...nodes.map(([id, label]) => `<node id="${id}" label="${label}"/>`),
      '</nodes><edges>',
      ...edges.map(
        ([source, target, weight], i) =>
          `<edge id="${i}" source="${source}" target="${target}" weight="${weight}"/>`,
      ),
      '</edges></graph></gexf>',
    ].join('\n'),
  );

const graphmlText = fc
  .tuple(
    fc.array(fc.tuple(xmlAttribute, xmlAttribute), { maxLength: 6 }),
    fc.array(fc.tuple(xmlAttribute, xmlAttribute), { maxLength: 8 }),
  )
  .map(([nodes, edges]) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="node" attr.name="label" attr.type="string"/>',
      '<graph edgedefault="directed">',
      ...nodes.map(([id, label]) => `<node id="${id}"><data key="label">${label}</data></node>`),
      ...edges.map(([source, target]) => `<edge source="${source}" target="${target}"/>`),
      '</graph></graphml>',
    ].join('\n'),
  );

/** A format: a file name and its valid-looking text. */
interface FuzzFormat {
  name: string;
  file: string;
  text: fc.Arbitrary<string>;
}

const FORMATS: FuzzFormat[] = [
  {
    name: 'JSONL',
    file: 'records.jsonl',
    text: fc.array(jsonlLine, { maxLength: 12 }).map((lines) => lines.join('\n')),
  },
  {
    name: 'CSV accounts',
    file: 'accounts.csv',
    text: delimited(['platform', 'id', 'handle', 'name', 'followers', 'verified']).map((l) =>
      l.join('\n'),
    ),
  },
  {
    name: 'CSV posts',
    file: 'posts.csv',
    text: delimited([
      'id',
      'platform',
      'author',
      'createdAt',
      'text',
      'mentions',
      'replyTo',
      'likes',
    ]).map((l) => l.join('\n')),
  },
  {
    name: 'CSV follows and interactions',
    file: 'follows.csv',
    text: fc
      .tuple(
        delimited(['platform', 'source', 'target', 'since']),
        delimited(['source', 'target', 'type', 'weight']),
      )
      .map(([follows, interactions]) => [...follows, ...interactions].join('\n')),
  },
  {
    name: 'edge list',
    file: 'edges.csv',
    text: delimited(['source', 'target', 'weight', 'type', 'timestamp']).map((l) => l.join('\n')),
  },
  {
    name: 'SNAP',
    file: 'edges.txt',
    text: fc
      .tuple(fc.constantFrom('', '# Nodes: 3 Edges: 2\n'), delimited(['a', 'b', 'w'], ' '))
      .map(([comment, lines]) => comment + lines.join('\n')),
  },
  { name: 'GML', file: 'graph.gml', text: gmlText },
  { name: 'GEXF', file: 'graph.gexf', text: gexfText },
  { name: 'GraphML', file: 'graph.graphml', text: graphmlText },
];

/** Mutations of a valid-looking text: none, cut, bytes inserted, bytes flipped, repeated, huge line. */
function mutated(text: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  return fc
    .tuple(
      text,
      fc.constantFrom('none', 'cut', 'insert', 'flip', 'repeat', 'long-line', 'crlf'),
      fc.nat(),
      fc.uint8Array({ minLength: 1, maxLength: 16 }),
    )
    .map(([value, mutation, at, bytes]) => {
      const buffer = Buffer.from(value, 'utf8');
      const position = buffer.length === 0 ? 0 : at % buffer.length;
      switch (mutation) {
        case 'cut':
          return buffer.subarray(0, position);
        case 'insert':
          return Buffer.concat([buffer.subarray(0, position), bytes, buffer.subarray(position)]);
        case 'flip': {
          const copy = Buffer.from(buffer);
          bytes.forEach((byte, i) => {
            if (copy.length > 0) copy[(position + i) % copy.length] = byte;
          });
          return copy;
        }
        case 'repeat':
          return Buffer.concat(Array.from({ length: 40 }, () => buffer));
        case 'long-line':
          return Buffer.concat([
            buffer.subarray(0, position),
            Buffer.alloc(LIMITS.maxLineLength + 10, 'a'),
          ]);
        case 'crlf':
          return Buffer.from(value.replaceAll('\n', '\r\n'), 'utf8');
        default:
          return buffer;
      }
    });
}

/** How the bytes reach the disk: plain, gzipped, gzipped then corrupted, or garbage named .gz. */
const packing = fc.constantFrom('plain', 'plain', 'gzip', 'corrupt-gzip', 'not-gzip');

function write(name: string, bytes: Buffer, pack: string): string {
  const dir = join(folder, String(++files));
  mkdirSync(dir);
  if (pack === 'plain') {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  }
  const file = join(dir, `${name}.gz`);
  const zipped = gzipSync(bytes);
  if (pack === 'corrupt-gzip' && zipped.length > 12) {
    const middle = Math.floor(zipped.length / 2);
    zipped[middle] = (zipped[middle] as number) ^ 0xff;
  }
  writeFileSync(file, pack === 'not-gzip' ? bytes : zipped);
  return file;
}

/** Loads a file; resolves with the outcome or rejects with what is neither a Dataset nor a typed error. */
async function outcome(file: string, skipInvalid: boolean): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`load of ${file} hung > ${LOAD_TIMEOUT_MS} ms`)),
      LOAD_TIMEOUT_MS,
    );
  });
  try {
    const dataset = await Promise.race([
      loadDataset(file, { limits: LIMITS, skipInvalid }),
      timeout,
    ]);
    expect(dataset.accounts.length).toBeLessThanOrEqual(2 * LIMITS.maxRecords);
    return 'dataset';
  } catch (error) {
    const typed =
      error instanceof InvalidInputError ||
      error instanceof UnreadableInputError ||
      error instanceof InputLimitError;
    if (!typed || !TYPED_CODES.has(error.code)) throw error;
    return error.code;
  } finally {
    clearTimeout(timer);
  }
}

describe(`loaders under fuzzing (${FORMATS.length} formats × ${RUNS_PER_FORMAT} cases, seed ${SEED})`, () => {
  const outcomes = new Map<string, number>();

  it.each(FORMATS)(
    '$name: returns a Dataset or a typed error, never a crash or a hang',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(
          mutated(format.text),
          packing,
          fc.boolean(),
          async (bytes, pack, skipInvalid) => {
            const result = await outcome(write(format.file, bytes, pack), skipInvalid);
            outcomes.set(result, (outcomes.get(result) ?? 0) + 1);
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_FORMAT },
      );
    },
  );

  it('saw every outcome: datasets, invalid input, unreadable input and limits', () => {
    expect([...outcomes.keys()].sort()).toEqual([
      'INVALID_INPUT',
      'TOO_LARGE',
      'UNREADABLE_INPUT',
      'dataset',
    ]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(
      FORMATS.length * RUNS_PER_FORMAT,
    );
  });

  it('keeps memory bounded: a gzip bomb stops at maxBytes', async () => {
    const file = write('edges.csv', Buffer.alloc(64 * 1024 ** 2, 'a,b\n'), 'gzip');
    const before = process.memoryUsage().rss;
    await expect(outcome(file, false)).resolves.toBe('TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 ** 2);
  });
});
