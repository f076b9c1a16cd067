// Where labels are drawn in a frame, so that none overlaps another: each label claims its box, in
// order of importance, and is drawn only when the box is free.

/** A label's box on screen, in CSS pixels. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelSpace {
  /** Takes `box` and says true when it overlaps no box taken before; false leaves it free. */
  claim: (box: LabelBox) => boolean;
  /** The boxes taken, in order. */
  boxes: () => readonly LabelBox[];
}

/** Pixels of the screen in each cell of the grid that finds the boxes near a new one. */
const CELL = 64;

/** An empty space; boxes are looked up in a grid of CELL pixels, so a frame's claims stay linear. */
export function createLabelSpace(): LabelSpace {
  const taken: LabelBox[] = [];
  const cells = new Map<string, number[]>();
  const cellsOf = (box: LabelBox) => {
    const keys: string[] = [];
    for (let cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.width) / CELL); cx++) {
      for (let cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.height) / CELL); cy++) {
        keys.push(`${cx},${cy}`);
      }
    }
    return keys;
  };
  return {
    claim(box) {
      const keys = cellsOf(box);
      for (const key of keys) {
        for (const index of cells.get(key) ?? []) {
          if (boxesOverlap(box, taken[index] as LabelBox)) return false;
        }
      }
      const index = taken.push(box) - 1;
      for (const key of keys) {
        const list = cells.get(key);
        if (list) list.push(index);
        else cells.set(key, [index]);
      }
      return true;
    },
    boxes: () => taken,
  };
}

/** Whether two boxes share some area (touching edges do not count). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
