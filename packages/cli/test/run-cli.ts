// Runs the kolmap CLI as a child process (through tsx), as a user would, and captures its output.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = resolve(REPOSITORY_ROOT, 'packages/cli/src/main.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The JSON a `--json` run printed on stdout. */
export function jsonOf(run: CliRun): Record<string, unknown> {
  if (run.code !== 0) throw new Error(`kolmap exited with ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}
