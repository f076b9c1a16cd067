// `kolmap inspect`: what the inputs hold, and what is wrong with them.
import { type DatasetSummary, loadDataset, summarizeDataset } from '@kolmap/core';
import type { Command } from 'commander';
import { type InputFlags, toLoadOptions, withInputOptions } from './input-options.js';
import { createProgress } from './progress.js';
import { writeRejectedReport } from './rejected-report.js';

interface InspectFlags extends InputFlags {
  json?: boolean;
}

/** Adds the options and the action of `kolmap inspect` to its command. */
export function defineInspect(command: Command): Command {
  return withInputOptions(command).option('--json', 'print the summary as JSON').action(runInspect);
}

/** Loads the inputs and prints what they hold and what was rejected. */
async function runInspect(inputs: string[], flags: InspectFlags): Promise<void> {
  const progress = createProgress();
  const dataset = await loadDataset(inputs, {
    ...toLoadOptions(flags),
    onProgress: progress.loading,
  });
  progress.done();
  const summary = summarizeDataset(dataset);
  if (flags.rejected) await writeRejectedReport(dataset.report.rejected, flags.rejected);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ...summary, files: dataset.report.files, rejectedRecords: dataset.report.rejected, duplicateRecords: dataset.report.duplicates }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(formatSummary(summary, dataset.report.files));
  for (const problem of [...dataset.report.rejected, ...dataset.report.duplicates].slice(0, 20)) {
    process.stdout.write(
      `  ${problem.file ?? ''}:${problem.line ?? ''} ${problem.field ?? ''}: ${problem.message}\n`,
    );
  }
}

/** The summary as aligned text tables. */
export function formatSummary(summary: DatasetSummary, files: string[]): string {
  const lines = [
    `files:     ${files.join(', ')}`,
    `accounts:  ${summary.accounts} (${summary.stubAccounts} only referenced), actors: ${summary.actors}`,
    `posts:     ${summary.posts}`,
    `edges:     ${summary.edges} records, ${summary.directed ? 'directed' : 'undirected'}`,
    table('accounts per platform', summary.accountsByPlatform),
    table('accounts per actor type', summary.accountsByActorType),
    table('edges per interaction type', summary.edgesByType),
  ];
  if (summary.posts > 0) lines.push(table('posts per language', summary.postsByLanguage));
  lines.push(`validation: ${summary.rejected} rejected, ${summary.duplicates} duplicates`);
  for (const warning of summary.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function table(title: string, counts: Record<string, number>): string {
  const width = Math.max(8, ...Object.keys(counts).map((key) => key.length));
  const rows = Object.entries(counts).map(
    ([key, count]) => `  ${key.padEnd(width)} ${String(count).padStart(9)}`,
  );
  return [`${title}:`, ...rows].join('\n');
}
