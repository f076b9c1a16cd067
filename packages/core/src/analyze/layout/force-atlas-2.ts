// ForceAtlas2 on typed arrays (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a continuous
// graph layout algorithm for handy network visualization", PLoS ONE 9(6): e98679), with Barnes–Hut
// repulsion (Barnes & Hut 1986, Nature 324: 446–449) on large networks. Deterministic: no randomness.

/** An undirected network in compressed rows: each link appears in both rows, weights > 0. */
export interface LayoutNetwork {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface ForceAtlas2Options {
  /** Iterations to run at most. */
  iterations: number;
  /** Mass of each node (FA2: degree + 1); repulsion and gravity grow with it. */
  masses: Float64Array;
  /** Repulsion constant kr. */
  scalingRatio: number;
  /** Gravity constant kg, towards the origin. */
  gravity: number;
  /** Gravity grows with the distance to the origin (FA2's strong gravity mode). */
  strongGravity: boolean;
  /** Barnes–Hut opening criterion θ; 0 for exact O(n²) repulsion. */
  theta: number;
  /** `performance.now()` after which no new iteration starts. */
  deadline: number;
  /** Called after each iteration with the number of iterations done. */
  onIteration: (done: number) => void;
}

const TOLERANCE = 1;
const SPEED_CONSTANT = 0.1;
const MAX_NODE_SPEED = 10;
const MAX_TREE_DEPTH = 48;

/**
 * Moves `x` and `y` (one entry per node of `network`) by ForceAtlas2 iterations: linear attraction
 * along links (weight × distance), repulsion kr·mᵢ·mⱼ/d (Barnes–Hut when `theta` > 0), gravity, and
 * FA2's adaptive speed (swinging and traction). Stops after `iterations` or at `deadline`.
 *
 * @returns the number of iterations run.
 */
export function runForceAtlas2(
  network: LayoutNetwork,
  x: Float64Array,
  y: Float64Array,
  options: ForceAtlas2Options,
): number {
  const n = x.length;
  if (n < 2) return 0;
  const { offsets, targets, weights } = network;
  const { masses, scalingRatio, gravity, strongGravity, theta } = options;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const oldFx = new Float64Array(n);
  const oldFy = new Float64Array(n);
  const tree = theta > 0 ? new QuadTree(n) : null;
  let speed = 1;
  let done = 0;
  while (done < options.iterations && performance.now() < options.deadline) {
    fx.fill(0);
    fy.fill(0);
    if (tree !== null) {
      tree.build(x, y, masses);
      for (let i = 0; i < n; i++) tree.repel(i, x, y, masses, scalingRatio, theta, fx, fy);
    } else {
      repelExactly(x, y, masses, scalingRatio, fx, fy);
    }
    for (let i = 0; i < n; i++) {
      const distance = Math.hypot(x[i] as number, y[i] as number);
      if (distance > 0) {
        const factor = strongGravity
          ? gravity * (masses[i] as number)
          : (gravity * (masses[i] as number)) / distance;
        fx[i]! -= (x[i] as number) * factor;
        fy[i]! -= (y[i] as number) * factor;
      }
      for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
        const j = targets[k] as number;
        const weight = weights[k] as number;
        fx[i]! += weight * ((x[j] as number) - (x[i] as number));
        fy[i]! += weight * ((y[j] as number) - (y[i] as number));
      }
    }
    speed = moveNodes(x, y, fx, fy, oldFx, oldFy, masses, speed, done === 0);
    done++;
    options.onIteration(done);
  }
  return done;
}

/** FA2's adaptive speeds: global speed from swinging and traction, then each node's own. */
function moveNodes(
  x: Float64Array,
  y: Float64Array,
  fx: Float64Array,
  fy: Float64Array,
  oldFx: Float64Array,
  oldFy: Float64Array,
  masses: Float64Array,
  previousSpeed: number,
  first: boolean,
): number {
  const n = x.length;
  let swinging = 0;
  let traction = 0;
  for (let i = 0; i < n; i++) {
    const mass = masses[i] as number;
    const px = first ? (fx[i] as number) : (oldFx[i] as number);
    const py = first ? (fy[i] as number) : (oldFy[i] as number);
    swinging += mass * Math.hypot((fx[i] as number) - px, (fy[i] as number) - py);
    traction += (mass * Math.hypot((fx[i] as number) + px, (fy[i] as number) + py)) / 2;
  }
  const estimate = swinging > 0 ? (TOLERANCE * traction) / swinging : previousSpeed;
  const speed = Math.min(estimate, previousSpeed * 1.5, 1e6);
  for (let i = 0; i < n; i++) {
    const forceX = fx[i] as number;
    const forceY = fy[i] as number;
    const px = first ? forceX : (oldFx[i] as number);
    const py = first ? forceY : (oldFy[i] as number);
    const nodeSwinging = (masses[i] as number) * Math.hypot(forceX - px, forceY - py);
    const force = Math.hypot(forceX, forceY);
    let nodeSpeed = (SPEED_CONSTANT * speed) / (1 + speed * Math.sqrt(nodeSwinging));
    if (force > 0) nodeSpeed = Math.min(nodeSpeed, MAX_NODE_SPEED / force);
    if (Number.isFinite(nodeSpeed)) {
      x[i]! += forceX * nodeSpeed;
      y[i]! += forceY * nodeSpeed;
    }
    oldFx[i] = forceX;
    oldFy[i] = forceY;
  }
  return speed > 0 && Number.isFinite(speed) ? speed : 1;
}

function repelExactly(
  x: Float64Array,
  y: Float64Array,
  masses: Float64Array,
  scalingRatio: number,
  fx: Float64Array,
  fy: Float64Array,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = (x[i] as number) - (x[j] as number);
      const dy = (y[i] as number) - (y[j] as number);
      const squared = dx * dx + dy * dy;
      if (squared === 0) continue;
      const factor = (scalingRatio * (masses[i] as number) * (masses[j] as number)) / squared;
      fx[i]! += dx * factor;
      fy[i]! += dy * factor;
      fx[j]! -= dx * factor;
      fy[j]! -= dy * factor;
    }
  }
}

/**
 * A quadtree over the nodes, rebuilt each iteration in preallocated typed arrays: each cell holds its
 * total mass and centre of mass; a leaf holds one node (or several merged at the depth limit).
 */
class QuadTree {
  private capacity: number;
  private child: Int32Array;
  private body: Int32Array;
  private mass: Float64Array;
  private massX: Float64Array;
  private massY: Float64Array;
  private centreX: Float64Array;
  private centreY: Float64Array;
  private half: Float64Array;
  private cells = 0;
  private readonly stack: Int32Array;

  constructor(nodes: number) {
    this.capacity = Math.max(16, nodes * 2 + 8);
    this.child = new Int32Array(this.capacity * 4);
    this.body = new Int32Array(this.capacity);
    this.mass = new Float64Array(this.capacity);
    this.massX = new Float64Array(this.capacity);
    this.massY = new Float64Array(this.capacity);
    this.centreX = new Float64Array(this.capacity);
    this.centreY = new Float64Array(this.capacity);
    this.half = new Float64Array(this.capacity);
    this.stack = new Int32Array(MAX_TREE_DEPTH * 4 + 8);
  }

  build(x: Float64Array, y: Float64Array, masses: Float64Array): void {
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i] as number);
      maxX = Math.max(maxX, x[i] as number);
      minY = Math.min(minY, y[i] as number);
      maxY = Math.max(maxY, y[i] as number);
    }
    this.cells = 0;
    const root = this.newCell(
      (minX + maxX) / 2,
      (minY + maxY) / 2,
      Math.max(maxX - minX, maxY - minY, 1e-9) / 2 + 1e-9,
    );
    for (let i = 0; i < x.length; i++)
      this.insert(root, i, x[i] as number, y[i] as number, masses[i] as number);
  }

  private newCell(cx: number, cy: number, half: number): number {
    if (this.cells === this.capacity) this.grow();
    const cell = this.cells++;
    this.child.fill(-1, cell * 4, cell * 4 + 4);
    this.body[cell] = -1;
    this.mass[cell] = 0;
    this.massX[cell] = 0;
    this.massY[cell] = 0;
    this.centreX[cell] = cx;
    this.centreY[cell] = cy;
    this.half[cell] = half;
    return cell;
  }

  private grow(): void {
    const size = this.capacity * 2;
    const grown = <T extends Int32Array | Float64Array>(array: T, factor = 1): T => {
      const bigger = new (array.constructor as new (length: number) => T)(size * factor);
      bigger.set(array);
      return bigger;
    };
    this.child = grown(this.child, 4);
    this.body = grown(this.body);
    this.mass = grown(this.mass);
    this.massX = grown(this.massX);
    this.massY = grown(this.massY);
    this.centreX = grown(this.centreX);
    this.centreY = grown(this.centreY);
    this.half = grown(this.half);
    this.capacity = size;
  }

  private insert(root: number, node: number, px: number, py: number, m: number): void {
    let cell = root;
    for (let depth = 0; ; depth++) {
      const resident = this.body[cell] as number;
      if (resident === -1 && this.mass[cell] === 0) {
        this.body[cell] = node;
        this.addMass(cell, px, py, m);
        return;
      }
      if (resident !== -1) {
        if (depth >= MAX_TREE_DEPTH || resident === -2) {
          this.body[cell] = -2;
          this.addMass(cell, px, py, m);
          return;
        }
        const residentX = this.massX[cell] as number;
        const residentY = this.massY[cell] as number;
        const sub = this.subcell(cell, this.quadrantOf(cell, residentX, residentY));
        this.body[sub] = resident;
        this.addMass(sub, residentX, residentY, this.mass[cell] as number);
        this.body[cell] = -1;
      }
      this.addMass(cell, px, py, m);
      const quadrant = this.quadrantOf(cell, px, py);
      const existing = this.child[cell * 4 + quadrant] as number;
      cell = existing === -1 ? this.subcell(cell, quadrant) : existing;
    }
  }

  private addMass(cell: number, px: number, py: number, m: number): void {
    const total = (this.mass[cell] as number) + m;
    this.massX[cell] =
      ((this.massX[cell] as number) * (this.mass[cell] as number) + px * m) / total;
    this.massY[cell] =
      ((this.massY[cell] as number) * (this.mass[cell] as number) + py * m) / total;
    this.mass[cell] = total;
  }

  /** Whether the point lies in the cell: nodes merged at the depth limit do not repel each other. */
  private contains(cell: number, px: number, py: number): boolean {
    const half = this.half[cell] as number;
    return (
      Math.abs(px - (this.centreX[cell] as number)) <= half &&
      Math.abs(py - (this.centreY[cell] as number)) <= half
    );
  }

  private quadrantOf(cell: number, px: number, py: number): number {
    return (
      (px >= (this.centreX[cell] as number) ? 1 : 0) +
      (py >= (this.centreY[cell] as number) ? 2 : 0)
    );
  }

  private subcell(cell: number, quadrant: number): number {
    const half = (this.half[cell] as number) / 2;
    const sub = this.newCell(
      (this.centreX[cell] as number) + (quadrant & 1 ? half : -half),
      (this.centreY[cell] as number) + (quadrant & 2 ? half : -half),
      half,
    );
    this.child[cell * 4 + quadrant] = sub;
    return sub;
  }

  /** Adds to node i's force the repulsion of every other node, far cells taken as one mass. */
  repel(
    i: number,
    x: Float64Array,
    y: Float64Array,
    masses: Float64Array,
    scalingRatio: number,
    theta: number,
    fx: Float64Array,
    fy: Float64Array,
  ): void {
    const px = x[i] as number;
    const py = y[i] as number;
    const own = scalingRatio * (masses[i] as number);
    const thetaSquared = theta * theta;
    let forceX = 0;
    let forceY = 0;
    let top = 0;
    this.stack[top++] = 0;
    while (top > 0) {
      const cell = this.stack[--top] as number;
      const body = this.body[cell] as number;
      if (body === i) continue;
      const mass = this.mass[cell] as number;
      if (mass === 0) continue;
      const dx = px - (this.massX[cell] as number);
      const dy = py - (this.massY[cell] as number);
      const squared = dx * dx + dy * dy;
      const width = 2 * (this.half[cell] as number);
      if (body !== -1 || width * width < thetaSquared * squared) {
        if (squared === 0 || (body === -2 && this.contains(cell, px, py))) continue;
        const factor = (own * mass) / squared;
        forceX += dx * factor;
        forceY += dy * factor;
        continue;
      }
      const base = cell * 4;
      for (let q = 0; q < 4; q++) {
        const sub = this.child[base + q] as number;
        if (sub !== -1) this.stack[top++] = sub;
      }
    }
    fx[i]! += forceX;
    fy[i]! += forceY;
  }
}
