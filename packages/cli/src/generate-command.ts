// `kolmap generate`: the seeded demo dataset.
import { DEFAULT_GENERATE_OPTIONS, generateDemo, writeDemo } from '@kolmap/demo';
import type { Command } from 'commander';
import { toCount } from './input-options.js';

interface GenerateFlags {
  out: string;
  seed: string;
  accounts?: string;
  posts?: string;
  json?: boolean;
}

/** Adds the options and the action of `kolmap generate` to its command. */
export function defineGenerate(command: Command): Command {
  return command
    .requiredOption(
      '--out <dir>',
      'folder to write accounts.csv, follows.csv, posts.csv, ground-truth.json',
    )
    .option('--seed <n>', 'random seed', '42')
    .option('--accounts <n>', 'number of accounts (default: the demo size)')
    .option('--posts <n>', 'number of posts (default: the demo size)')
    .option('--json', 'print a machine-readable summary')
    .action(runGenerate);
}

/** Generates the demo dataset with the flags' seed and sizes and writes it. */
async function runGenerate(flags: GenerateFlags): Promise<void> {
  const options = {
    seed: toCount(flags.seed, 'seed'),
    accounts:
      flags.accounts === undefined
        ? DEFAULT_GENERATE_OPTIONS.accounts
        : toCount(flags.accounts, 'accounts'),
    posts:
      flags.posts === undefined ? DEFAULT_GENERATE_OPTIONS.posts : toCount(flags.posts, 'posts'),
  };
  const data = generateDemo(options);
  await writeDemo(data, flags.out);
  const summary = {
    out: flags.out,
    ...options,
    accounts: data.accounts.length,
    follows: data.follows.length,
    posts: data.posts.length,
  };
  process.stdout.write(
    flags.json
      ? `${JSON.stringify(summary)}\n`
      : `wrote ${summary.accounts} accounts, ${summary.follows} follows, ${summary.posts} posts to ${flags.out}\n`,
  );
}
