// The multilevel, community-aware layout on typed arrays: communities first, as discs sized by their
// members laid out by ForceAtlas2 on the community graph, then each community's members by
// ForceAtlas2 inside its disc; groups of communities with no link between them packed in rows.
// In the spirit of multilevel force-directed layouts (Walshaw 2003, "A multilevel algorithm for
// force-directed graph-drawing", JGAA 7(3): 253–285) with the communities as the coarse level.

import { createRng } from '../random.js';
import { type LayoutNetwork, runForceAtlas2 } from './force-atlas-2.js';
import { packBoxes, separateDiscs } from './pack-discs.js';

export interface CommunityLayoutOptions {
  /** Seed of the members' starting positions. */
  seed: number;
  /** ForceAtlas2 iterations of every run, or `'auto'`: scaled to each run's size (see autoIterations). */
  iterations: number | 'auto';
  /** Seconds the layout may take; when time runs short, runs stop early (see runDeadline). */
  timeLimit: number;
  /** Called with the fraction done (0 to 1), at most about a hundred times. */
  onProgress: (fraction: number) => void;
}

export interface NodePositions {
  x: Float64Array;
  y: Float64Array;
}

/** Distance unit: a community of s members gets a disc of radius SPACING·√s. */
export const LAYOUT_SPACING = 10;
/** Share of a community's radius by which a member linked outside moves towards those communities. */
const OUTWARD_PULL = 0.35;
/** Share of a community's members scaled into its core, and the core's share of its radius. */
const CORE_QUANTILE = 0.9;
const CORE_RADIUS = 0.85;
/** Work (node and link visits) an automatic run aims at: iterations = WORK / (nodes + links). */
const AUTO_WORK = 1e6;
const MIN_AUTO_ITERATIONS = 50;
const MAX_AUTO_ITERATIONS = 200;
/** Share of their part of the time left kept for the runs after the current one. */
const RESERVE = 0.25;
/** Runs above this many nodes use Barnes–Hut repulsion; smaller ones the exact sum. */
const EXACT_REPULSION_UP_TO = 300;

/**
 * Iterations of an automatic ForceAtlas2 run on `nodes` nodes and `links` links: about AUTO_WORK
 * node and link visits, between 50 and 200 iterations (200 up to 5,000 nodes and links, 50 from
 * 20,000).
 */
export function autoIterations(nodes: number, links: number): number {
  return Math.max(
    MIN_AUTO_ITERATIONS,
    Math.min(MAX_AUTO_ITERATIONS, Math.floor(AUTO_WORK / Math.max(1, nodes + links))),
  );
}

/**
 * Positions of the nodes of `network` (undirected compressed rows, weights relative to their mean)
 * with `community[i]` in 0 … C − 1 for every node. Communities linked to one another are laid out
 * by ForceAtlas2 on the community graph (masses = members, link weights summed), spread so that
 * discs of radius SPACING·√members do not overlap; each group of linked communities is one block,
 * the largest block on top and the others in rows below it. Inside its disc, a community's members
 * are laid out by ForceAtlas2 on its internal links from seeded random positions, scaled to the disc,
 * and members linked outside are drawn towards the communities they link to. Same input and seed
 * → same positions, unless `timeLimit` cuts runs short.
 */
export function computeCommunityLayout(
  network: LayoutNetwork,
  community: Int32Array,
  options: CommunityLayoutOptions,
): NodePositions {
  const n = community.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n === 0) return { x, y };
  const start = performance.now();
  const deadline = start + options.timeLimit * 1000;
  const groups = groupByCommunity(community);
  const communityNetwork = buildCommunityNetwork(network, community, groups);
  const sizes = new Float64Array(groups.count);
  for (let c = 0; c < groups.count; c++) {
    sizes[c] = (groups.start[c + 1] as number) - (groups.start[c] as number);
  }
  const radii = sizes.map((size) => LAYOUT_SPACING * Math.sqrt(size));
  const iterationsOf = (nodes: number, links: number) =>
    options.iterations === 'auto' ? autoIterations(nodes, links) : options.iterations;

  const internalLinks = countInternalLinks(network, community, groups);
  const memberWork = new Float64Array(groups.count);
  let totalWork = 0;
  for (let c = 0; c < groups.count; c++) {
    const links = internalLinks[c] as number;
    memberWork[c] =
      sizes[c]! > 1 ? iterationsOf(sizes[c] as number, links) * (sizes[c]! + links) : 0;
    totalWork += memberWork[c] as number;
  }
  const communityWork =
    iterationsOf(groups.count, communityNetwork.targets.length) *
    (groups.count + communityNetwork.targets.length);
  totalWork += communityWork;
  const progress = throttledProgress(options.onProgress);

  const centres = layOutCommunities(communityNetwork, sizes, radii, {
    iterationsOf,
    deadline: runDeadline(start, deadline, communityWork, totalWork),
    onIteration: (fraction) => progress((fraction * communityWork) / Math.max(1, totalWork)),
  });

  let workDone = communityWork;
  let remainingWork = totalWork - communityWork;
  const rng = createRng(options.seed);
  for (let c = 0; c < groups.count; c++) {
    const work = memberWork[c] as number;
    const iterations = iterationsOf(sizes[c] as number, internalLinks[c] as number);
    layOutMembers(network, community, groups, c, radii[c] as number, rng, x, y, {
      iterations,
      deadline: runDeadline(performance.now(), deadline, work, remainingWork),
      onIteration: (done) =>
        progress((workDone + (work * done) / Math.max(1, iterations)) / Math.max(1, totalWork)),
    });
    workDone += work;
    remainingWork -= work;
    const cx = centres.x[c] as number;
    const cy = centres.y[c] as number;
    for (let k = groups.start[c] as number; k < (groups.start[c + 1] as number); k++) {
      const node = groups.members[k] as number;
      x[node]! += cx;
      y[node]! += cy;
    }
  }
  pullTowardsLinkedCommunities(network, community, centres, radii, x, y);
  progress(1);
  return { x, y };
}

interface CommunityGroups {
  count: number;
  /** Members of community c are members[start[c] … start[c + 1]). */
  start: Int32Array;
  members: Int32Array;
  /** Index of each node among its community's members. */
  local: Int32Array;
}

function groupByCommunity(community: Int32Array): CommunityGroups {
  let count = 0;
  for (const c of community) count = Math.max(count, c + 1);
  const start = new Int32Array(count + 1);
  for (const c of community) start[c + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c] as number;
  const members = new Int32Array(community.length);
  const local = new Int32Array(community.length);
  const cursor = start.slice(0, count);
  community.forEach((c, node) => {
    local[node] = (cursor[c] as number) - (start[c] as number);
    members[cursor[c]!++] = node;
  });
  return { count, start, members, local };
}

/** The community graph: one node per community, weights summed over the links between them. */
function buildCommunityNetwork(
  network: LayoutNetwork,
  community: Int32Array,
  groups: CommunityGroups,
): LayoutNetwork {
  const { count, start, members } = groups;
  const accumulated = new Float64Array(count);
  const touched: number[] = [];
  const offsets = new Int32Array(count + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < count; c++) {
    for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
      const node = members[k] as number;
      for (
        let e = network.offsets[node] as number;
        e < (network.offsets[node + 1] as number);
        e++
      ) {
        const other = community[network.targets[e] as number] as number;
        if (other === c) continue;
        if (accumulated[other] === 0) touched.push(other);
        accumulated[other]! += network.weights[e] as number;
      }
    }
    touched.sort((a, b) => a - b);
    for (const other of touched) {
      targets.push(other);
      weights.push(accumulated[other] as number);
      accumulated[other] = 0;
    }
    touched.length = 0;
    offsets[c + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

/** Links inside each community (each counted once per direction, as in the compressed rows). */
function countInternalLinks(
  network: LayoutNetwork,
  community: Int32Array,
  groups: CommunityGroups,
): Float64Array {
  const links = new Float64Array(groups.count);
  for (let node = 0; node < community.length; node++) {
    const c = community[node] as number;
    for (let e = network.offsets[node] as number; e < (network.offsets[node + 1] as number); e++) {
      if (community[network.targets[e] as number] === c) links[c]!++;
    }
  }
  return links;
}

interface RunOptions {
  iterationsOf: (nodes: number, links: number) => number;
  deadline: number;
  onIteration: (fraction: number) => void;
}

/**
 * Centres of the communities: each connected block of the community graph laid out by
 * ForceAtlas2, scaled so that linked discs just touch (median over links), overlaps removed; then
 * the blocks packed by decreasing member count.
 */
function layOutCommunities(
  network: LayoutNetwork,
  sizes: Float64Array,
  radii: Float64Array,
  options: RunOptions,
): NodePositions {
  const count = sizes.length;
  const blocks = connectedBlocks(network, sizes);
  const centres = { x: new Float64Array(count), y: new Float64Array(count) };
  const boxes = blocks.map((block) => {
    const positions = layOutBlock(network, block, sizes, radii, options);
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    block.forEach((c, k) => {
      centres.x[c] = positions.x[k] as number;
      centres.y[c] = positions.y[k] as number;
      minX = Math.min(minX, positions.x[k]! - radii[c]!);
      maxX = Math.max(maxX, positions.x[k]! + radii[c]!);
      minY = Math.min(minY, positions.y[k]! - radii[c]!);
      maxY = Math.max(maxY, positions.y[k]! + radii[c]!);
    });
    return { minX, minY, maxX, maxY };
  });
  const { dx, dy } = packBoxes(boxes, LAYOUT_SPACING);
  blocks.forEach((block, b) => {
    for (const c of block) {
      centres.x[c]! += dx[b] as number;
      centres.y[c]! += dy[b] as number;
    }
  });
  return centres;
}

/** Connected blocks of the community graph, largest member count first (ties: lowest community). */
function connectedBlocks(network: LayoutNetwork, sizes: Float64Array): number[][] {
  const count = sizes.length;
  const seen = new Uint8Array(count);
  const blocks: { members: number[]; size: number }[] = [];
  for (let c = 0; c < count; c++) {
    if (seen[c]) continue;
    seen[c] = 1;
    const members = [c];
    for (let k = 0; k < members.length; k++) {
      const at = members[k] as number;
      for (let e = network.offsets[at] as number; e < (network.offsets[at + 1] as number); e++) {
        const other = network.targets[e] as number;
        if (!seen[other]) {
          seen[other] = 1;
          members.push(other);
        }
      }
    }
    let size = 0;
    for (const member of members) size += sizes[member] as number;
    blocks.push({ members: members.sort((a, b) => a - b), size });
  }
  blocks.sort((a, b) => b.size - a.size || (a.members[0] as number) - (b.members[0] as number));
  return blocks.map((block) => block.members);
}

function layOutBlock(
  network: LayoutNetwork,
  block: number[],
  sizes: Float64Array,
  radii: Float64Array,
  options: RunOptions,
): NodePositions {
  const m = block.length;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  if (m === 1) return { x, y };
  const sub = inducedNetwork(network, block);
  const masses = new Float64Array(m);
  const r = new Float64Array(m);
  // Start on a golden-angle spiral, largest community in the centre: deterministic and spread out.
  const order = block
    .map((_, k) => k)
    .sort((a, b) => sizes[block[b]!]! - sizes[block[a]!]! || a - b);
  order.forEach((k, rank) => {
    const angle = rank * 2.399963229728653;
    const distance = Math.sqrt(rank) * LAYOUT_SPACING;
    x[k] = distance * Math.cos(angle);
    y[k] = distance * Math.sin(angle);
  });
  block.forEach((c, k) => {
    masses[k] = sizes[c] as number;
    r[k] = radii[c] as number;
  });
  const iterations = options.iterationsOf(m, sub.targets.length);
  runForceAtlas2(sub, x, y, {
    iterations,
    masses,
    scalingRatio: 1,
    gravity: 1,
    strongGravity: false,
    theta: m > EXACT_REPULSION_UP_TO ? 1.2 : 0,
    deadline: options.deadline,
    onIteration: (done) => options.onIteration(done / iterations),
  });
  const ratios: number[] = [];
  for (let k = 0; k < m; k++) {
    for (let e = sub.offsets[k] as number; e < (sub.offsets[k + 1] as number); e++) {
      const l = sub.targets[e] as number;
      if (l <= k) continue;
      const touching = (r[k] as number) + (r[l] as number);
      ratios.push(Math.hypot(x[k]! - x[l]!, y[k]! - y[l]!) / touching);
    }
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)] ?? 1;
  const scale = median > 0 ? 1.1 / median : 1;
  for (let k = 0; k < m; k++) {
    x[k]! *= scale;
    y[k]! *= scale;
  }
  separateDiscs(x, y, r, LAYOUT_SPACING);
  return { x, y };
}

/** The network restricted to `nodes` (sorted), in their order. */
function inducedNetwork(network: LayoutNetwork, nodes: readonly number[]): LayoutNetwork {
  const index = new Map<number, number>();
  nodes.forEach((node, k) => index.set(node, k));
  const offsets = new Int32Array(nodes.length + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  nodes.forEach((node, k) => {
    for (let e = network.offsets[node] as number; e < (network.offsets[node + 1] as number); e++) {
      const other = index.get(network.targets[e] as number);
      if (other === undefined) continue;
      targets.push(other);
      weights.push(network.weights[e] as number);
    }
    offsets[k + 1] = targets.length;
  });
  return { offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

/**
 * Members of community c around (0, 0): ForceAtlas2 on the internal links (masses = internal
 * degree + 1, strong gravity so the community stays round) from seeded random positions, then
 * scaled so that 90 % of the members lie within 85 % of the community's radius, the others
 * compressed smoothly into the rest of the disc.
 */
function layOutMembers(
  network: LayoutNetwork,
  community: Int32Array,
  groups: CommunityGroups,
  c: number,
  radius: number,
  rng: () => number,
  x: Float64Array,
  y: Float64Array,
  options: { iterations: number; deadline: number; onIteration: (done: number) => void },
): void {
  const first = groups.start[c] as number;
  const size = (groups.start[c + 1] as number) - first;
  if (size === 1) return;
  const offsets = new Int32Array(size + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k < size; k++) {
    const node = groups.members[first + k] as number;
    for (let e = network.offsets[node] as number; e < (network.offsets[node + 1] as number); e++) {
      const other = network.targets[e] as number;
      if (community[other] !== c) continue;
      targets.push(groups.local[other] as number);
      weights.push(network.weights[e] as number);
    }
    offsets[k + 1] = targets.length;
  }
  const sub: LayoutNetwork = {
    offsets,
    targets: Int32Array.from(targets),
    weights: Float64Array.from(weights),
  };
  const localX = new Float64Array(size);
  const localY = new Float64Array(size);
  const masses = new Float64Array(size);
  for (let k = 0; k < size; k++)
    masses[k] = (offsets[k + 1] as number) - (offsets[k] as number) + 1;
  placeNearNeighbours(sub, masses, radius, rng, localX, localY);
  runForceAtlas2(sub, localX, localY, {
    iterations: options.iterations,
    masses,
    scalingRatio: 10,
    gravity: 0.05,
    strongGravity: true,
    theta: size > EXACT_REPULSION_UP_TO ? 1.2 : 0,
    deadline: options.deadline,
    onIteration: options.onIteration,
  });
  let meanX = 0;
  let meanY = 0;
  for (let k = 0; k < size; k++) {
    meanX += localX[k] as number;
    meanY += localY[k] as number;
  }
  meanX /= size;
  meanY /= size;
  const distances = new Float64Array(size);
  for (let k = 0; k < size; k++) distances[k] = Math.hypot(localX[k]! - meanX, localY[k]! - meanY);
  const sorted = distances.slice().sort();
  const typical = sorted[Math.floor((size - 1) * CORE_QUANTILE)] as number;
  const core = CORE_RADIUS * radius;
  const scale = typical > 0 ? core / typical : 0;
  for (let k = 0; k < size; k++) {
    let px = (localX[k]! - meanX) * scale;
    let py = (localY[k]! - meanY) * scale;
    const distance = (distances[k] as number) * scale;
    if (distance > core) {
      // Beyond the core, distances are compressed smoothly into the rim, order kept.
      const rim = radius - core;
      const compressed = core + rim * Math.tanh((distance - core) / rim);
      px *= compressed / distance;
      py *= compressed / distance;
    }
    const node = groups.members[first + k] as number;
    x[node] = px;
    y[node] = py;
  }
}

/**
 * Starting positions that already show the structure, so that few iterations suffice: from the
 * node of highest degree (ties: lowest index) of each unplaced part, breadth first, each node at a
 * random point of the disc (for a part's first node) or near the node that reached it, within a
 * distance that shrinks with the parent's degree being large (its neighbours spread around it).
 */
function placeNearNeighbours(
  network: LayoutNetwork,
  masses: Float64Array,
  radius: number,
  rng: () => number,
  x: Float64Array,
  y: Float64Array,
): void {
  const size = x.length;
  const byDegree = Array.from({ length: size }, (_, k) => k).sort(
    (a, b) => (masses[b] as number) - (masses[a] as number) || a - b,
  );
  const placed = new Uint8Array(size);
  const queue = new Int32Array(size);
  for (const root of byDegree) {
    if (placed[root]) continue;
    const angle = rng() * 2 * Math.PI;
    const distance = radius * Math.sqrt(rng());
    x[root] = distance * Math.cos(angle);
    y[root] = distance * Math.sin(angle);
    placed[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const parent = queue[head++] as number;
      const spread = (radius * Math.sqrt(masses[parent] as number)) / Math.sqrt(size) / 2;
      for (
        let e = network.offsets[parent] as number;
        e < (network.offsets[parent + 1] as number);
        e++
      ) {
        const child = network.targets[e] as number;
        if (placed[child]) continue;
        placed[child] = 1;
        const childAngle = rng() * 2 * Math.PI;
        const childDistance = spread * (0.5 + rng());
        x[child] = (x[parent] as number) + childDistance * Math.cos(childAngle);
        y[child] = (y[parent] as number) + childDistance * Math.sin(childAngle);
        queue[tail++] = child;
      }
    }
  }
}

/**
 * Moves each member with links outside its community towards the centres of the communities it
 * links to, by OUTWARD_PULL × its community's radius × the share of its link weight that goes
 * outside, keeping it inside its disc.
 */
function pullTowardsLinkedCommunities(
  network: LayoutNetwork,
  community: Int32Array,
  centres: NodePositions,
  radii: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  for (let node = 0; node < community.length; node++) {
    const c = community[node] as number;
    const cx = centres.x[c] as number;
    const cy = centres.y[c] as number;
    let total = 0;
    let outside = 0;
    let towardsX = 0;
    let towardsY = 0;
    for (let e = network.offsets[node] as number; e < (network.offsets[node + 1] as number); e++) {
      const weight = network.weights[e] as number;
      total += weight;
      const other = community[network.targets[e] as number] as number;
      if (other === c) continue;
      outside += weight;
      towardsX += weight * (centres.x[other]! - cx);
      towardsY += weight * (centres.y[other]! - cy);
    }
    const length = Math.hypot(towardsX, towardsY);
    if (outside === 0 || length === 0) continue;
    const radius = radii[c] as number;
    const shift = (OUTWARD_PULL * radius * outside) / total;
    let px = x[node]! - cx + (towardsX / length) * shift;
    let py = y[node]! - cy + (towardsY / length) * shift;
    const distance = Math.hypot(px, py);
    if (distance > radius) {
      px *= radius / distance;
      py *= radius / distance;
    }
    x[node] = cx + px;
    y[node] = cy + py;
  }
}

/**
 * When a run of `work` must stop, `remainingWork` being that of this run and all the runs after it:
 * at the layout's deadline less a reserve for the runs after it (RESERVE of their share of the time
 * left). A run never stops early while the layout keeps to its time, so positions stay
 * reproducible; when time runs short, every later run still gets part of its share.
 */
function runDeadline(now: number, deadline: number, work: number, remainingWork: number): number {
  const after = remainingWork > 0 ? (remainingWork - work) / remainingWork : 0;
  return deadline - RESERVE * Math.max(0, deadline - now) * after;
}

/** Calls `report` when the fraction done has grown by 1 % or more since the last call, and at 1. */
function throttledProgress(report: (fraction: number) => void): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const bounded = Math.min(1, Math.max(0, fraction));
    if (bounded - last >= 0.01 || (bounded === 1 && last < 1)) {
      last = bounded;
      report(bounded);
    }
  };
}
