// Discs on a plane: pushing overlapping discs apart, and packing groups of discs in rows, for the
// multilevel layout (communities as discs sized by their members).

/**
 * Moves discs (centres `x`, `y`, radii `r`) apart until no two overlap by more than a tiny fraction
 * or `passes` sweeps are done; the smaller disc of a pair moves more. Sweep and prune on x: pairs
 * whose x-extents do not meet are never compared.
 */
export function separateDiscs(
  x: Float64Array,
  y: Float64Array,
  r: Float64Array,
  gap: number,
  passes = 100,
): void {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let pass = 0; pass < passes; pass++) {
    order.sort(
      (a, b) => (x[a] as number) - (r[a] as number) - ((x[b] as number) - (r[b] as number)),
    );
    let moved = false;
    for (let k = 0; k < n; k++) {
      const a = order[k] as number;
      for (let l = k + 1; l < n; l++) {
        const b = order[l] as number;
        if ((x[b] as number) - (r[b] as number) > (x[a] as number) + (r[a] as number) + gap) break;
        const need = (r[a] as number) + (r[b] as number) + gap;
        const dx = (x[b] as number) - (x[a] as number);
        const dy = (y[b] as number) - (y[a] as number);
        const distance = Math.hypot(dx, dy);
        if (distance >= need * 0.999) continue;
        // Coincident centres: a direction from the pair's indices, so the result stays deterministic.
        const angle = (a * 2.399963 + b) % (2 * Math.PI);
        const ux = distance > 0 ? dx / distance : Math.cos(angle);
        const uy = distance > 0 ? dy / distance : Math.sin(angle);
        const push = need - distance;
        const areaA = (r[a] as number) ** 2;
        const areaB = (r[b] as number) ** 2;
        const shareA = areaA + areaB > 0 ? areaB / (areaA + areaB) : 0.5;
        x[a]! -= ux * push * shareA;
        y[a]! -= uy * push * shareA;
        x[b]! += ux * push * (1 - shareA);
        y[b]! += uy * push * (1 - shareA);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** A group of discs already laid out, by its bounding box. */
export interface PackedBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Offsets that place boxes in rows (shelf packing): the first box (the largest group) alone on top,
 * the others left to right in rows below it as wide as the first box or as the square root of the
 * total area, whichever is wider. Boxes are taken in the order given.
 *
 * @returns dx and dy per box, to add to the coordinates of the group's discs.
 */
export function packBoxes(
  boxes: readonly PackedBox[],
  gap: number,
): { dx: Float64Array; dy: Float64Array } {
  const dx = new Float64Array(boxes.length);
  const dy = new Float64Array(boxes.length);
  const first = boxes[0];
  if (first === undefined) return { dx, dy };
  let area = 0;
  for (const box of boxes) area += (box.maxX - box.minX + gap) * (box.maxY - box.minY + gap);
  const width = Math.max(first.maxX - first.minX, Math.sqrt(area));
  const left = first.minX - (width - (first.maxX - first.minX)) / 2;
  let cursorX = left;
  let cursorY = first.minY - gap * 2;
  let rowHeight = 0;
  for (let k = 1; k < boxes.length; k++) {
    const box = boxes[k] as PackedBox;
    const boxWidth = box.maxX - box.minX;
    const boxHeight = box.maxY - box.minY;
    if (cursorX > left && cursorX + boxWidth > left + width) {
      cursorX = left;
      cursorY -= rowHeight + gap;
      rowHeight = 0;
    }
    dx[k] = cursorX - box.minX;
    dy[k] = cursorY - box.maxY;
    cursorX += boxWidth + gap;
    rowHeight = Math.max(rowHeight, boxHeight);
  }
  return { dx, dy };
}
