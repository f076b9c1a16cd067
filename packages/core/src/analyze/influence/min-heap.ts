// A binary min-heap of node ids keyed by a shared array of distances, for Dijkstra's searches.

/** A binary min-heap of node ids keyed by `keys[node]`, with decrease-key and a settled mark. */
export class MinHeap {
  size = 0;
  private readonly nodes: Int32Array;
  /** Heap position of each node; -1 never pushed, -2 popped (settled). */
  private readonly positions: Int32Array;

  constructor(
    capacity: number,
    private readonly keys: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.positions = new Int32Array(capacity).fill(-1);
  }

  isSettled(node: number): boolean {
    return this.positions[node] === -2;
  }

  /** Forgets that `node` was pushed or settled. */
  reset(node: number): void {
    this.positions[node] = -1;
  }

  push(node: number): void {
    this.nodes[this.size] = node;
    this.positions[node] = this.size;
    this.siftUp(this.size++);
  }

  /** Pushes `node`, or restores the order after its key decreased. */
  pushOrDecrease(node: number): void {
    const at = this.positions[node] as number;
    if (at < 0) this.push(node);
    else this.siftUp(at);
  }

  pop(): number {
    const top = this.nodes[0] as number;
    this.positions[top] = -2;
    this.size--;
    if (this.size > 0) {
      const last = this.nodes[this.size] as number;
      this.nodes[0] = last;
      this.positions[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(from: number): void {
    const { nodes, positions, keys } = this;
    const node = nodes[from] as number;
    const key = keys[node] as number;
    let at = from;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = nodes[parent] as number;
      if ((keys[above] as number) <= key) break;
      nodes[at] = above;
      positions[above] = at;
      at = parent;
    }
    nodes[at] = node;
    positions[node] = at;
  }

  private siftDown(from: number): void {
    const { nodes, positions, keys, size } = this;
    const node = nodes[from] as number;
    const key = keys[node] as number;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        (keys[nodes[right] as number] as number) < (keys[nodes[child] as number] as number)
      ) {
        child = right;
      }
      if ((keys[nodes[child] as number] as number) >= key) break;
      nodes[at] = nodes[child] as number;
      positions[nodes[at] as number] = at;
      at = child;
    }
    nodes[at] = node;
    positions[node] = at;
  }
}
