// Debian's Chromium driven by playwright-core, for the viewer's end-to-end tests and benchmark:
// headless, software rendering (WebGL through SwiftShader), no network of its own; and the built
// viewer the API serves.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { type RunningServer, startServer } from '../../packages/api/src/index.js';

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

/**
 * `describe` for tests that need Chromium: run when it is there; outside CI without it, skipped with
 * the reason on stderr; in CI without it, one failing test naming what is missing.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  const missing = chromiumMissing();
  if (missing === null) {
    describe(name, fn);
  } else if (process.env.CI !== 'true') {
    process.stderr.write(`${name}: skipped, ${missing}\n`);
    describe.skip(name, fn);
  } else {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`CI=true and ${missing}`);
      });
    });
  }
}

/** An API server serving the built viewer from an empty data folder of its own, and a browser. */
export interface ViewerServer {
  server: RunningServer;
  browser: Browser;
  /** Closes both and removes the data folder. */
  close: () => Promise<void>;
}

/** Starts a ViewerServer whose data folder is a new temporary one named from `prefix`. */
export async function startViewerServer(prefix: string): Promise<ViewerServer> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      KOLMAP_DATA_DIR: dataDir,
      KOLMAP_VIEWER_DIR: builtViewer(),
      LOG_LEVEL: 'warn',
    },
  });
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
