// The interactions of a whole map in columns (account indexes, weights and one column per attribute),
// as both stores give them in `readGraph`: about 60 bytes per interaction where a graphology graph
// takes several hundred, and the drawn graph is made from them without an object per link.
import { EDGE_COUNT_FIELDS, type InteractionAttributes } from '@kolmap/model';

/** The attributes an interaction's object gives first, in this order; any others follow. */
const ATTRIBUTE_ORDER: readonly string[] = [
  'weight',
  'count',
  ...EDGE_COUNT_FIELDS,
  'firstAt',
  'lastAt',
];

/**
 * How a column holds its values: `int32` (integers; ABSENT_INT32 where absent), `float64` (NaN
 * where absent), `date` (ISO 8601 strings that `Date#toISOString` gives back, as milliseconds; NaN
 * where absent), `json` (any JSON value; undefined where absent).
 */
export type AttributeColumnType = 'int32' | 'float64' | 'date' | 'json';

/** An int32 column's mark for "no value". */
export const ABSENT_INT32 = -0x80000000;

export type AttributeValues = Int32Array | Float64Array | unknown[];

/** One interaction attribute of every interaction. */
export interface AttributeColumn {
  name: string;
  type: AttributeColumnType;
  values: AttributeValues;
}

/**
 * A map's interactions in columns: interaction `i` goes from account `source[i]` to `target[i]`
 * (indexes into the accounts they come with) and its attributes are the columns' values at `i`.
 */
export class MapInteractions {
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Attribute columns: those of ATTRIBUTE_ORDER in its order, then others as they first appear. */
  readonly columns: readonly AttributeColumn[];
  private readonly weights: AttributeColumn | undefined;

  constructor(source: Int32Array, target: Int32Array, columns: readonly AttributeColumn[]) {
    if (target.length !== source.length) throw new RangeError('source and target differ in length');
    for (const column of columns) {
      if (column.values.length !== source.length) {
        throw new RangeError(`column ${column.name} has ${column.values.length} values`);
      }
    }
    this.source = source;
    this.target = target;
    this.columns = columns;
    this.weights = columns.find(({ name }) => name === 'weight');
  }

  get count(): number {
    return this.source.length;
  }

  /** The weight of interaction `index`, 1 when it has none. */
  weight(index: number): number {
    const value = this.weights === undefined ? undefined : valueAt(this.weights, index);
    return typeof value === 'number' ? value : 1;
  }

  /** The attributes of interaction `index`, as saved. */
  attributes(index: number): InteractionAttributes {
    const attributes: Record<string, unknown> = {};
    for (const column of this.columns) {
      const value = valueAt(column, index);
      if (value !== undefined) attributes[column.name] = value;
    }
    return attributes as InteractionAttributes;
  }

  /** The same interactions with their accounts renumbered: account `i` becomes `renumber[i]`. */
  renumbered(renumber: Int32Array): MapInteractions {
    const source = new Int32Array(this.count);
    const target = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      source[i] = renumber[this.source[i] as number] as number;
      target[i] = renumber[this.target[i] as number] as number;
    }
    return new MapInteractions(source, target, this.columns);
  }
}

/** The value of `column` at `index`, undefined where it has none. */
export function valueAt(column: AttributeColumn, index: number): unknown {
  const value = column.values[index];
  switch (column.type) {
    case 'int32':
      return value === ABSENT_INT32 ? undefined : value;
    case 'float64':
      return Number.isNaN(value) ? undefined : value;
    case 'date':
      return Number.isNaN(value) ? undefined : new Date(value as number).toISOString();
    default:
      return value;
  }
}

/**
 * One attribute's values while interactions are added: numbers in a Float64Array (NaN where
 * absent) until a value that is not a number comes, then every value in an array (undefined where
 * absent; strings are the callers' own, not copies).
 */
interface GrowingColumn {
  numbers: Float64Array | null;
  values: unknown[] | null;
}

/** Collects interactions one at a time, then gives them in columns of the most compact type. */
export class MapInteractionsBuilder {
  private readonly source: Int32Array;
  private readonly target: Int32Array;
  private readonly growing = new Map<string, GrowingColumn>();
  private added = 0;

  /** @param count how many interactions will be added. */
  constructor(count: number) {
    this.source = new Int32Array(count);
    this.target = new Int32Array(count);
  }

  /** Adds the next interaction, from account index `source` to `target`. */
  add(source: number, target: number, attributes: InteractionAttributes): void {
    const index = this.added++;
    this.source[index] = source;
    this.target[index] = target;
    for (const name in attributes) {
      const value = attributes[name];
      if (value === undefined || value === null) continue;
      let column = this.growing.get(name);
      if (column === undefined) {
        column = { numbers: new Float64Array(this.source.length).fill(Number.NaN), values: null };
        this.growing.set(name, column);
      }
      if (column.numbers !== null && typeof value === 'number') {
        column.numbers[index] = value;
        continue;
      }
      if (column.numbers !== null) {
        const numbers = column.numbers;
        column.values = Array.from(numbers, (number) =>
          Number.isNaN(number) ? undefined : number,
        );
        column.numbers = null;
      }
      (column.values as unknown[])[index] = value;
    }
  }

  build(): MapInteractions {
    if (this.added !== this.source.length) {
      throw new RangeError(`${this.added} interactions added of ${this.source.length}`);
    }
    const rank = (name: string) => {
      const known = ATTRIBUTE_ORDER.indexOf(name);
      return known === -1 ? ATTRIBUTE_ORDER.length : known;
    };
    const columns = [...this.growing]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([name, { numbers, values }]) =>
        numbers !== null ? toNumberColumn(name, numbers) : toColumn(name, values as unknown[]),
      );
    return new MapInteractions(this.source, this.target, columns);
  }
}

/** A column of numbers (NaN where absent): int32 when every one is an integer that fits. */
function toNumberColumn(name: string, numbers: Float64Array): AttributeColumn {
  for (const value of numbers) {
    if (!Number.isNaN(value) && !isInt32(value)) return { name, type: 'float64', values: numbers };
  }
  const values = new Int32Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i] as number;
    values[i] = Number.isNaN(value) ? ABSENT_INT32 : value;
  }
  return { name, type: 'int32', values };
}

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value > ABSENT_INT32 && value <= 0x7fffffff;
}

/** A column of values that are not all numbers (undefined where absent): dates, else JSON. */
function toColumn(name: string, values: unknown[]): AttributeColumn {
  for (const value of values) {
    if (value !== undefined && !(typeof value === 'string' && isCanonicalDate(value))) {
      return { name, type: 'json', values };
    }
  }
  const times = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    times[i] = value === undefined ? Number.NaN : Date.parse(value as string);
  }
  return { name, type: 'date', values: times };
}

/** Whether `text` is the ISO 8601 form `Date#toISOString` gives (so it is kept exactly). */
function isCanonicalDate(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}
