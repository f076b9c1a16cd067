#!/usr/bin/env node
// `pnpm kolmap …` from the repository: runs the built CLI (packages/cli/bin/kolmap.js), first
// building it and the workspace packages it uses when their build is missing or older than their
// sources (a fresh clone, a pull, an edit), with one line on stderr saying so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = '@kolmap/cli';

/** Every workspace package by name: its folder and package.json. */
function workspacePackages() {
  const packages = new Map();
  for (const name of readdirSync(join(ROOT, 'packages'))) {
    const folder = join(ROOT, 'packages', name);
    const file = join(folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    packages.set(manifest.name, { folder, manifest });
  }
  return packages;
}

/** `name` and the workspace packages it depends on, deeply. */
function withDependencies(name, packages, found = new Set()) {
  if (found.has(name) || !packages.has(name)) return found;
  found.add(name);
  for (const [dependency, range] of Object.entries(
    packages.get(name).manifest.dependencies ?? {},
  )) {
    if (range.startsWith('workspace:')) withDependencies(dependency, packages, found);
  }
  return found;
}

/** Newest modification time of the files under `path` (0 when there are none). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let time = 0;
  for (const entry of readdirSync(path)) time = Math.max(time, newest(join(path, entry)));
  return time;
}

/** Whether a package's build is missing or older than its sources and build settings. */
function isStale({ folder, manifest }) {
  const entry = join(folder, manifest.main ?? 'dist/main.js');
  if (!existsSync(entry)) return true;
  const sources = Math.max(
    newest(join(folder, 'src')),
    newest(join(folder, 'package.json')),
    newest(join(folder, 'tsconfig.build.json')),
    newest(join(ROOT, 'tsconfig.base.json')),
  );
  return statSync(entry).mtimeMs < sources;
}

const packages = workspacePackages();
const stale = [...withDependencies(CLI, packages)].filter((name) => isStale(packages.get(name)));
if (stale.length > 0) {
  process.stderr.write(`kolmap: building ${stale.join(', ')} first…\n`);
  const filters = stale.flatMap((name) => ['--filter', name]);
  const build = spawnSync('pnpm', ['--reporter=silent', ...filters, 'run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write('kolmap: the build failed (see above); nothing was run.\n');
    process.exit(build.status ?? 1);
  }
}
await import(pathToFileURL(join(packages.get(CLI).folder, 'bin', 'kolmap.js')).href);
