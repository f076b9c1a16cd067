// Bench step: load generated posts (JSONL) and listen to them with the demo watch list (matching,
// tonality, pharmacovigilance intake); prints seconds, posts/s, recall on the planted cases, memory.
import { readFileSync } from 'node:fs';
import { listenToPosts, loadDataset, readWatchList } from '../../packages/core/src/index.js';
import { peakMb } from '../child-process.js';

const [file = '', casesFile = ''] = process.argv.slice(2);
const start = performance.now();
const dataset = await loadDataset(file);
const watch = await readWatchList('data/listening-sample/demo-watch.yaml');
const authors = new Map(dataset.accounts.map((account) => [account.key, account]));
const loaded = performance.now();
const rssBeforeMb = process.memoryUsage().rss / (1024 * 1024);
const cpu = process.cpuUsage();
const listening = listenToPosts(dataset.posts, watch, authors);
const listened = performance.now();
const { user, system } = process.cpuUsage(cpu);
const planted = JSON.parse(readFileSync(casesFile, 'utf8')) as string[];
const flagged = new Set(listening.pvFlags.map((item) => item.postId));
const found = planted.filter((id) => flagged.has(id)).length;
const listenSeconds = (listened - loaded) / 1000;
process.stdout.write(
  `${JSON.stringify({
    posts: listening.posts.length,
    naming: listening.posts.filter((post) => post.brands.length > 0).length,
    loadSeconds: (loaded - start) / 1000,
    listenSeconds,
    postsPerSecond: listening.posts.length / listenSeconds,
    cpuSeconds: (user + system) / 1e6,
    flagged: flagged.size,
    planted: planted.length,
    recall: found / planted.length,
    precision: flagged.size > 0 ? found / flagged.size : 0,
    rssBeforeMb,
    peakMb: peakMb(),
  })}\n`,
);
