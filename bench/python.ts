// The Python reference implementations (python-igraph, NetworKit, networkx), installed from PyPI into
// bench/.venv on first use. Benchmarks run without them when Python or PyPI is not reachable.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VENV = join(dirname(fileURLToPath(import.meta.url)), '.venv');
const PYTHON = join(VENV, 'bin', 'python');
const PACKAGES = [
  'igraph==1.0.0',
  'networkit==11.3',
  'networkx==3.6.1',
  'numpy==2.4.6',
  'scipy==1.17.1',
];

let ready: string | null | undefined;

/** Path of a Python with igraph and networkx, or null (with a note on stderr) when none can be had. */
export function referencePython(): string | null {
  if (ready !== undefined) return ready;
  ready = null;
  try {
    if (!existsSync(PYTHON)) {
      process.stderr.write(
        'bench: creating bench/.venv with igraph and networkx (first run only)…\n',
      );
      execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'ignore' });
    }
    const check = spawnSync(PYTHON, ['-c', 'import igraph, networkit, networkx, numpy, scipy'], {
      stdio: 'ignore',
    });
    if (check.status !== 0) {
      execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', ...PACKAGES], { stdio: 'inherit' });
    }
    ready = PYTHON;
  } catch (error) {
    process.stderr.write(
      `bench: no Python reference (${(error as Error).message.split('\n')[0]})\n`,
    );
  }
  return ready;
}

/** The command and arguments running a reference script, or null when there is no Python reference. */
export function referenceCommand(script: string, args: string[]): [string, string[]] | null {
  const python = referencePython();
  if (!python) return null;
  return [python, [join(dirname(fileURLToPath(import.meta.url)), 'reference', script), ...args]];
}

/** Runs a reference script and returns the JSON it prints on its last stdout line. */
export function runReference<T = Record<string, number>>(script: string, args: string[]): T | null {
  const command = referenceCommand(script, args);
  if (!command) return null;
  const run = spawnSync(...command, {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(`bench: ${script} failed: ${run.stderr}\n`);
    return null;
  }
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as T;
}
