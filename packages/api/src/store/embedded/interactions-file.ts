// A map's interactions on disk in columns (`interactions.bin`): read back in one pass into typed
// arrays that view the file's bytes, without an object per interaction. Layout, little-endian:
//
//   "KOLMAPI1"                   8 bytes: what the file is and the layout's version
//   header length                uint32
//   header                       JSON: {"count", "columns": [{"name", "type", "bytes"}]}
//   columns, in header order     each starting at a multiple of 8 bytes: `source` and `target`
//                                (int32 account indexes), then one per attribute (map-interactions.ts):
//                                int32 / float64 / date (float64 ms) values, or JSON text (`json`)

import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { writeFileAtomic } from '@kolmap/core';
import {
  type AttributeColumn,
  type AttributeColumnType,
  MapInteractions,
} from '../map-interactions.js';

const MAGIC = 'KOLMAPI1';
const ALIGN = 8;
const COLUMN_TYPES: readonly AttributeColumnType[] = ['int32', 'float64', 'date', 'json'];

/** A map file that is not what the store wrote (truncated, overwritten, from elsewhere). */
export class CorruptMapFileError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${file} is not a readable map file: ${problem}`);
    this.name = 'CorruptMapFileError';
    this.file = file;
  }
}

interface HeaderColumn {
  name: string;
  type: AttributeColumnType;
  bytes: number;
}

/** Writes `interactions` to `file` atomically (writeFileAtomic), a column at a time. */
export async function writeInteractionsFile(
  file: string,
  interactions: MapInteractions,
): Promise<void> {
  checkByteOrder(file);
  const parts: Array<{ column: HeaderColumn; bytes: Uint8Array }> = [
    { name: 'source', type: 'int32' as const, values: interactions.source },
    { name: 'target', type: 'int32' as const, values: interactions.target },
    ...interactions.columns,
  ].map(({ name, type, values }) => {
    const bytes =
      type === 'json'
        ? Buffer.from(JSON.stringify(values), 'utf8')
        : new Uint8Array(
            (values as Int32Array | Float64Array).buffer,
            (values as Int32Array | Float64Array).byteOffset,
            (values as Int32Array | Float64Array).byteLength,
          );
    return { column: { name, type, bytes: bytes.byteLength }, bytes };
  });
  const header = Buffer.from(
    JSON.stringify({ count: interactions.count, columns: parts.map(({ column }) => column) }),
    'utf8',
  );
  const start = Buffer.alloc(12);
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(header.byteLength, 8);
  await writeFileAtomic(file, alignedParts([start, header, ...parts.map(({ bytes }) => bytes)]));
}

/** The parts in order, each after the zero bytes that start it at a multiple of ALIGN. */
function* alignedParts(parts: Uint8Array[]): Generator<Uint8Array> {
  let offset = 0;
  for (const [i, bytes] of parts.entries()) {
    // The magic and its header length, then the header, are written back to back.
    const padding = i < 2 ? 0 : (ALIGN - (offset % ALIGN)) % ALIGN;
    if (padding > 0) yield Buffer.alloc(padding);
    yield bytes;
    offset += padding + bytes.byteLength;
  }
}

/**
 * The interactions in `file`, their account indexes checked against `accounts`;
 * CorruptMapFileError naming the file when it is not one `writeInteractionsFile` wrote whole.
 */
export async function readInteractionsFile(
  file: string,
  accounts: number,
): Promise<MapInteractions> {
  checkByteOrder(file);
  const data = await readFile(file);
  const fail = (problem: string): never => {
    throw new CorruptMapFileError(file, problem);
  };
  if (data.byteLength < 12 || data.toString('latin1', 0, 8) !== MAGIC) {
    fail('it does not start with the interactions file mark');
  }
  const headerEnd = 12 + data.readUInt32LE(8);
  if (headerEnd > data.byteLength) fail('its header is cut short');
  const header =
    parseHeader(data.toString('utf8', 12, headerEnd)) ?? fail('its header is not valid');
  const { count, columns } = header as { count: number; columns: HeaderColumn[] };
  const [source, target] = columns;
  if (source?.name !== 'source' || target?.name !== 'target') fail('it has no source and target');
  let offset = headerEnd;
  const values: AttributeColumn[] = [];
  for (const column of columns) {
    offset += (ALIGN - (offset % ALIGN)) % ALIGN;
    if (offset + column.bytes > data.byteLength) fail(`column ${column.name} is cut short`);
    const bytes = data.subarray(offset, offset + column.bytes);
    offset += column.bytes;
    const read = readColumn(column, bytes, count);
    if (read === undefined) fail(`column ${column.name} does not hold ${count} values`);
    values.push({
      name: column.name,
      type: column.type,
      values: read as AttributeColumn['values'],
    });
  }
  if (offset !== data.byteLength) fail(`${data.byteLength - offset} bytes follow the last column`);
  const [sources, targets, ...attributes] = values;
  const interactions = new MapInteractions(
    sources?.values as Int32Array,
    targets?.values as Int32Array,
    attributes,
  );
  for (let i = 0; i < count; i++) {
    const from = interactions.source[i] as number;
    const to = interactions.target[i] as number;
    if (from < 0 || from >= accounts || to < 0 || to >= accounts) {
      fail(`interaction ${i} names an account index outside the map's ${accounts} accounts`);
    }
  }
  return interactions;
}

function parseHeader(text: string): { count: number; columns: HeaderColumn[] } | undefined {
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { count, columns } = (header ?? {}) as { count?: unknown; columns?: unknown };
  if (!Number.isInteger(count) || (count as number) < 0 || !Array.isArray(columns))
    return undefined;
  const valid = columns.every(
    (column: Partial<HeaderColumn> | null) =>
      typeof column?.name === 'string' &&
      COLUMN_TYPES.includes(column.type as AttributeColumnType) &&
      Number.isInteger(column.bytes) &&
      (column.bytes as number) >= 0,
  );
  return valid ? { count: count as number, columns: columns as HeaderColumn[] } : undefined;
}

/** The values of one column, or undefined when its bytes do not hold `count` of them. */
function readColumn(
  column: HeaderColumn,
  bytes: Buffer,
  count: number,
): AttributeColumn['values'] | undefined {
  if (column.type === 'json') {
    let values: unknown;
    try {
      values = JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined;
    }
    if (!Array.isArray(values) || values.length !== count) return undefined;
    return values.map((value) => (value === null ? undefined : value));
  }
  const Type = column.type === 'int32' ? Int32Array : Float64Array;
  if (bytes.byteLength !== count * Type.BYTES_PER_ELEMENT) return undefined;
  // A view on the file's bytes when they are aligned for the type (they are, unless Node gave the
  // file a shared buffer), else a copy.
  if (bytes.byteOffset % Type.BYTES_PER_ELEMENT === 0) {
    return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, count);
  }
  return new Type(new Uint8Array(bytes).buffer);
}

/** The file's numbers are little-endian, as the machine's typed arrays must then be. */
function checkByteOrder(file: string): void {
  if (endianness() !== 'LE') {
    throw new Error(`${file}: the embedded store's map files need a little-endian machine`);
  }
}
