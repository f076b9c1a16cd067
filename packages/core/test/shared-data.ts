// Access to the real public datasets in ../shared/data (next to the repository) for validation tests.
// Without them the tests skip locally and fail in CI (CI=true), so a missing folder is never silent there.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SHARED_DATA = resolve(REPOSITORY_ROOT, '../shared/data');

/** Absolute path of `relative` inside the shared data folder. */
export function sharedDataPath(relative: string): string {
  return resolve(SHARED_DATA, relative);
}

/**
 * A `describe` block that needs the shared data folder: run when the folder exists, skipped when it
 * does not, except in CI (`CI=true`) where its absence fails the block.
 */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (existsSync(SHARED_DATA)) describe(name, fn);
  else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs the shared data folder', () => {
        throw new Error(`shared data folder not found: ${SHARED_DATA}`);
      });
    });
  } else describe.skip(name, fn);
}
