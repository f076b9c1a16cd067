// The graphs the community validation runs on: real public networks with known groups (../shared/data)
// and the demo data's planted communities, each built with kolmap once, for the tests and the reference script.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbstractGraph } from 'graphology-types';
import {
  buildCombinedGraph,
  buildInteractionGraph,
  type CommunityDirection,
  type EdgeWeightGetter,
  loadDataset,
  type Partition,
  projectActors,
} from '../../packages/core/src/index.js';
import { sharedDataPath } from '../../packages/core/test/shared-data.js';

const DEMO = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/demo');

export const VALIDATION_GRAPH_NAMES = [
  'karate',
  'football',
  'polblogs',
  'email-eu-core',
  'demo-actors',
  'demo-actors-combined',
  'demo-accounts',
] as const;
export type ValidationGraphName = (typeof VALIDATION_GRAPH_NAMES)[number];

export interface ValidationGraph {
  name: ValidationGraphName;
  /** How the graph is built from its files, for tables and test names. */
  description: string;
  graph: AbstractGraph;
  /** The weights the analysis reads: `null` for the unweighted graphs the literature values refer to. */
  getEdgeWeight: EdgeWeightGetter;
  /** The modularity flavour the graph is validated in (the graph's own type). */
  direction: CommunityDirection;
  /** The known groups of every node, or null. */
  truth: Partition | null;
  /** What `truth` is. */
  truthName: string;
}

/** Builds one validation graph; the real networks need ../shared/data (see shared-data.ts). */
export async function loadValidationGraph(name: ValidationGraphName): Promise<ValidationGraph> {
  switch (name) {
    case 'karate': {
      const dataset = await loadDataset(sharedDataPath('karate/karate_newman.gml'));
      return {
        name,
        description: 'Zachary karate club (karate_newman.gml), 34 nodes, 78 edges',
        graph: buildInteractionGraph(dataset),
        getEdgeWeight: null,
        direction: 'undirected',
        truth: null,
        truthName: '',
      };
    }
    case 'football': {
      const dataset = await loadDataset(sharedDataPath('football/football.gml'));
      const graph = buildInteractionGraph(dataset);
      return {
        name,
        description: 'College football 2000 (football.gml), 115 nodes, 613 edges',
        graph,
        getEdgeWeight: null,
        direction: 'undirected',
        truth: attributePartition(graph, 'value'),
        truthName: '12 conferences',
      };
    }
    case 'polblogs': {
      // Arcs made undirected, self-loops dropped, reciprocal and duplicate arcs merged into one edge.
      const dataset = await loadDataset(sharedDataPath('polblogs/polblogs.gml'), {
        undirected: true,
      });
      const graph = largestComponent(buildInteractionGraph(dataset, { selfLoops: 'drop' }));
      return {
        name,
        description:
          'Political blogs (polblogs.gml), undirected simple, largest component: 1,222 nodes, 16,714 edges',
        graph,
        getEdgeWeight: null,
        direction: 'undirected',
        truth: attributePartition(graph, 'value'),
        truthName: 'left / right',
      };
    }
    case 'email-eu-core': {
      const dataset = await loadDataset(sharedDataPath('snap_email_eu_core/email-Eu-core.txt'));
      const graph = buildInteractionGraph(dataset, { selfLoops: 'drop' });
      return {
        name,
        description:
          'SNAP email-Eu-core, directed, self-loops dropped: 1,005 nodes, 24,929 arcs (16,064 undirected edges)',
        graph,
        getEdgeWeight: null,
        direction: 'directed',
        truth: await departments(graph),
        truthName: '42 departments',
      };
    }
    case 'demo-actors':
    case 'demo-actors-combined': {
      // An actor's accounts share its community; the projection links the platforms, which the
      // account graphs keep apart (follows and interactions stay on one platform).
      const dataset = await loadDataset(DEMO);
      const accounts =
        name === 'demo-actors'
          ? buildInteractionGraph(dataset, { includeIsolated: false })
          : buildCombinedGraph(dataset, { includeIsolated: false });
      const graph = projectActors(accounts);
      const planted = await plantedCommunities();
      const truth = partitionOf(graph, (node, attributes) => {
        const account = (attributes.accounts as string[])[0] as string;
        return planted.get(account) ?? `missing:${node}`;
      });
      return {
        name,
        description:
          name === 'demo-actors'
            ? 'data/demo interaction graph (weighted, directed), projected on actors, silent accounts left out'
            : 'data/demo combined graph (follows + interactions, weighted, directed), projected on actors',
        graph,
        getEdgeWeight: 'weight',
        direction: 'directed',
        truth,
        truthName: '9 planted communities',
      };
    }
    case 'demo-accounts': {
      const dataset = await loadDataset(DEMO);
      const graph = buildInteractionGraph(dataset, { includeIsolated: false });
      const planted = await plantedCommunities();
      // Each platform is a component of its own: what the graph can show is community × platform.
      const truth = partitionOf(graph, (node, attributes) => {
        const community = planted.get(node) ?? `missing:${node}`;
        return `${community}/${attributes.platform as string}`;
      });
      return {
        name,
        description:
          'data/demo interaction graph (weighted, directed), per account, silent accounts left out',
        graph,
        getEdgeWeight: 'weight',
        direction: 'directed',
        truth,
        truthName: 'planted community × platform',
      };
    }
  }
}

/** The weakly connected components of a graph: the component of each node, 0 the largest. */
export function weakComponents(graph: AbstractGraph): { partition: Partition; count: number } {
  const partition: Partition = {};
  const sizes: number[] = [];
  graph.forEachNode((start) => {
    if (partition[start] !== undefined) return;
    const component = sizes.length;
    let size = 0;
    const stack = [start];
    partition[start] = component;
    while (stack.length > 0) {
      const node = stack.pop() as string;
      size++;
      graph.forEachNeighbor(node, (neighbor) => {
        if (partition[neighbor] === undefined) {
          partition[neighbor] = component;
          stack.push(neighbor);
        }
      });
    }
    sizes.push(size);
  });
  const order = sizes.map((_, c) => c).sort((a, b) => (sizes[b] as number) - (sizes[a] as number));
  const rank = new Array<number>(sizes.length);
  order.forEach((c, r) => {
    rank[c] = r;
  });
  for (const node of Object.keys(partition))
    partition[node] = rank[partition[node] as number] as number;
  return { partition, count: sizes.length };
}

/**
 * Communities that do not induce a weakly connected subgraph, counting only edges of positive weight
 * (the edges the detection sees; with `getEdgeWeight: null` every edge).
 */
export function disconnectedCommunities(
  graph: AbstractGraph,
  partition: Partition,
  getEdgeWeight: EdgeWeightGetter,
): number[] {
  const seen = new Set<string>();
  const reached = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (const node of graph.nodes()) {
    const community = partition[node] as number;
    sizes.set(community, (sizes.get(community) ?? 0) + 1);
  }
  for (const start of graph.nodes()) {
    const community = partition[start] as number;
    if (reached.has(community)) continue;
    let count = 0;
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const node = stack.pop() as string;
      count++;
      graph.forEachEdge(node, (_edge, attributes, source, target) => {
        const neighbor = source === node ? target : source;
        if (seen.has(neighbor) || partition[neighbor] !== community) return;
        if (!hasWeight(attributes, getEdgeWeight)) return;
        seen.add(neighbor);
        stack.push(neighbor);
      });
    }
    reached.set(community, count);
  }
  return [...sizes].filter(([community, size]) => reached.get(community) !== size).map(([c]) => c);
}

function hasWeight(attributes: Record<string, unknown>, getEdgeWeight: EdgeWeightGetter): boolean {
  if (getEdgeWeight === null) return true;
  if (typeof getEdgeWeight === 'function') return true;
  const weight = attributes[getEdgeWeight];
  return typeof weight !== 'number' || weight > 0;
}

function largestComponent(graph: AbstractGraph): AbstractGraph {
  const { partition } = weakComponents(graph);
  graph.forEachNode((node) => {
    if (partition[node] !== 0) graph.dropNode(node);
  });
  return graph;
}

/** A partition from a node attribute or function, its values numbered in order of first appearance. */
function partitionOf(
  graph: AbstractGraph,
  group: (node: string, attributes: Record<string, unknown>) => unknown,
): Partition {
  const ids = new Map<unknown, number>();
  const partition: Partition = {};
  graph.forEachNode((node, attributes) => {
    const value = group(node, attributes);
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    partition[node] = id;
  });
  return partition;
}

function attributePartition(graph: AbstractGraph, attribute: string): Partition {
  return partitionOf(graph, (node, attributes) => {
    const value = attributes[attribute];
    if (value === undefined) throw new Error(`node ${node} has no "${attribute}"`);
    return value;
  });
}

/** email-Eu-core-department-labels.txt: `node department` per line; node keys are `other:<node>`. */
async function departments(graph: AbstractGraph): Promise<Partition> {
  const text = await readFile(
    sharedDataPath('snap_email_eu_core/email-Eu-core-department-labels.txt'),
    'utf8',
  );
  const department = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [node, label] = line.trim().split(/\s+/);
    if (node && label) department.set(`other:${node}`, label);
  }
  return partitionOf(graph, (node) => {
    const label = department.get(node);
    if (label === undefined) throw new Error(`node ${node} has no department`);
    return label;
  });
}

/** The demo ground truth: the planted community of each account key. */
async function plantedCommunities(): Promise<Map<string, string>> {
  const truth = JSON.parse(await readFile(resolve(DEMO, 'ground-truth.json'), 'utf8')) as {
    accounts: Record<string, { community: string }>;
  };
  return new Map(Object.entries(truth.accounts).map(([key, { community }]) => [key, community]));
}
