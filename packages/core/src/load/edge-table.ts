// A growable columnar table of edges (one row per follow or interaction record).
// Typed arrays keep a million rows in tens of megabytes; builders aggregate from it.
import { INTERACTION_TYPES, type InteractionType } from '@kolmap/model';

/** Type code 0 marks an untyped edge (plain edge lists); codes 1.. follow INTERACTION_TYPES. */
export const UNTYPED = 0;

export function typeCode(type: InteractionType | undefined): number {
  return type === undefined ? UNTYPED : INTERACTION_TYPES.indexOf(type) + 1;
}

export function typeOfCode(code: number): InteractionType | undefined {
  return code === UNTYPED ? undefined : INTERACTION_TYPES[code - 1];
}

export interface EdgeRow {
  source: number;
  target: number;
  type: InteractionType | undefined;
  /** Milliseconds since the epoch, or NaN when the record has no date. */
  time: number;
  weight: number;
}

export class EdgeTable {
  length = 0;
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  type = new Uint8Array(1024);
  time = new Float64Array(1024);
  weight = new Float64Array(1024);

  push(source: number, target: number, type: number, time: number, weight: number): void {
    if (this.length === this.source.length) this.grow();
    const row = this.length++;
    this.source[row] = source;
    this.target[row] = target;
    this.type[row] = type;
    this.time[row] = time;
    this.weight[row] = weight;
  }

  row(index: number): EdgeRow {
    return {
      source: this.source[index] as number,
      target: this.target[index] as number,
      type: typeOfCode(this.type[index] as number),
      time: this.time[index] as number,
      weight: this.weight[index] as number,
    };
  }

  private grow(): void {
    const size = this.source.length * 2;
    this.source = resized(this.source, new Int32Array(size));
    this.target = resized(this.target, new Int32Array(size));
    this.type = resized(this.type, new Uint8Array(size));
    this.time = resized(this.time, new Float64Array(size));
    this.weight = resized(this.weight, new Float64Array(size));
  }
}

function resized<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
