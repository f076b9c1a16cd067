// `kolmap generate`: the seeded demo dataset.
import { DEFAULT_GENERATE_OPTIONS, generateDemo, writeDemo } from '../generate/index.js';
import { toCount } from './input-options.js';

interface GenerateFlags {
  out: string;
  seed: string;
  accounts?: string;
  posts?: string;
  json?: boolean;
}

export async function runGenerate(flags: GenerateFlags): Promise<void> {
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
