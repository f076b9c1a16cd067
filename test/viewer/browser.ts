// Debian's Chromium driven by playwright-core, for the viewer's end-to-end tests and benchmark:
// headless, software rendering (WebGL through SwiftShader), no network of its own; and the built
// viewer the API serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** packages/viewer, whose dist/ the API serves. */
export const VIEWER_DIR = fileURLToPath(new URL('../../packages/viewer', import.meta.url));

export const CHROMIUM_PATH = process.env.KOLMAP_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set KOLMAP_CHROMIUM)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** packages/model, whose sources the viewer bundles. */
const MODEL_DIR = fileURLToPath(new URL('../../packages/model', import.meta.url));

/**
 * The viewer's build folder, built with Vite first when it is missing or older than a file of the
 * viewer's or model's sources (a stale build would test yesterday's viewer).
 */
export function builtViewer(): string {
  const dist = join(VIEWER_DIR, 'dist');
  const built = join(dist, 'index.html');
  const newest = Math.max(
    newestChange(join(VIEWER_DIR, 'src')),
    newestChange(join(MODEL_DIR, 'src')),
  );
  if (!existsSync(built) || newest > statSync(built).mtimeMs) {
    const build = spawnSync(
      process.execPath,
      [join(VIEWER_DIR, 'node_modules/vite/bin/vite.js'), 'build'],
      { cwd: VIEWER_DIR, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`vite build of the viewer failed:\n${build.stderr}`);
  }
  return dist;
}

/** The latest modification time (ms) of the files under `dir`. */
function newestChange(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
