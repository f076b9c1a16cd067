// Counts that describe a loaded dataset: accounts per platform and actor type, edges per type.
import type { Dataset } from './dataset.js';
import { typeOfCode } from './edge-table.js';

export interface DatasetSummary {
  accounts: number;
  /** Accounts only referenced (followed, mentioned…), never described. */
  stubAccounts: number;
  /** Distinct actors (accounts sharing an actorId count once; accounts without one count alone). */
  actors: number;
  posts: number;
  /** Edge records: follows, interactions and those derived from posts. */
  edges: number;
  directed: boolean;
  accountsByPlatform: Record<string, number>;
  accountsByActorType: Record<string, number>;
  /** Edge records per interaction type; `untyped` for plain edge lists. */
  edgesByType: Record<string, number>;
  postsByLanguage: Record<string, number>;
  rejected: number;
  duplicates: number;
  warnings: string[];
}

/** Summarises a dataset; counts are sorted by decreasing size in each table. */
export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const byPlatform = new Map<string, number>();
  const byActorType = new Map<string, number>();
  const actors = new Set<string>();
  let stubs = 0;
  for (const account of dataset.accounts) {
    increment(byPlatform, account.platform);
    increment(byActorType, account.actorType ?? (account.stub ? 'unknown (stub)' : 'unknown'));
    actors.add(account.actorId !== undefined ? `actor:${account.actorId}` : account.key);
    if (account.stub) stubs++;
  }
  const byType = new Map<string, number>();
  const { edges } = dataset;
  for (let row = 0; row < edges.length; row++) {
    increment(byType, typeOfCode(edges.type[row] as number) ?? 'untyped');
  }
  const byLanguage = new Map<string, number>();
  for (const post of dataset.posts) increment(byLanguage, post.language ?? 'unknown');
  return {
    accounts: dataset.accounts.length,
    stubAccounts: stubs,
    actors: actors.size,
    posts: dataset.posts.length,
    edges: edges.length,
    directed: dataset.directed,
    accountsByPlatform: sortedCounts(byPlatform),
    accountsByActorType: sortedCounts(byActorType),
    edgesByType: sortedCounts(byType),
    postsByLanguage: sortedCounts(byLanguage),
    rejected: dataset.report.rejected.length,
    duplicates: dataset.report.duplicates.length,
    warnings: dataset.report.warnings,
  };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return Object.fromEntries(entries);
}
