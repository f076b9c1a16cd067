// Compressed sparse rows (CSR) shared by the community and influence networks.

/**
 * Merges repeated neighbours within each row of a CSR adjacency, summing their weights, and keeps
 * the first-seen order of neighbours. `offsets` (length n + 1) is rewritten in place; the returned
 * arrays are `neighbors` and `weights` compacted (sliced when entries were merged).
 */
export function mergeRepeatedNeighbors(
  offsets: Int32Array<ArrayBuffer>,
  neighbors: Int32Array<ArrayBuffer>,
  weights: Float64Array<ArrayBuffer>,
): { neighbors: Int32Array<ArrayBuffer>; weights: Float64Array<ArrayBuffer> } {
  const n = offsets.length - 1;
  const position = new Int32Array(n).fill(-1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    const rowStart = write;
    offsets[i] = rowStart;
    for (let k = start; k < end; k++) {
      const j = neighbors[k] as number;
      const at = position[j] as number;
      if (at >= rowStart) {
        weights[at]! += weights[k] as number;
      } else {
        position[j] = write;
        neighbors[write] = j;
        weights[write] = weights[k] as number;
        write++;
      }
    }
  }
  offsets[n] = write;
  return write < neighbors.length
    ? { neighbors: neighbors.slice(0, write), weights: weights.slice(0, write) }
    : { neighbors, weights };
}
