// Runs one measured step in a fresh Node process, so its time and peak memory are its own.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Runs `bench/steps/<step>.ts` with tsx and returns the JSON it prints on its last stdout line. */
export function runStep(step: string, args: string[]): Record<string, number> {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(HERE, 'steps', `${step}.ts`), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`bench step ${step} failed:\n${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, number>;
}

/** Peak resident memory of this process so far, in MB. */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
