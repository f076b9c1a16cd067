// The API server: reads the configuration, opens the store, takes back the jobs of the last run,
// saves the demo map on first start, listens, and stops gracefully (in-flight requests finish, the
// running job ends, queued jobs stay for the next start, the store closes).
import { readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisOptionsSchema, readWatchList } from '@kolmap/core';
import { type Logger, pino } from 'pino';
import { type ApiConfig, loadConfig } from './config.js';
import { createApp } from './http/app.js';
import { JobQueue } from './jobs/job-queue.js';
import { analysisInChildProcess, type RunAnalysis } from './jobs/run-analysis.js';
import { createMapStore } from './store/create-map-store.js';
import type { MapStore } from './store/map-store.js';

/** The demo dataset of this repository (data/demo). */
export const DEMO_DATA_DIR = fileURLToPath(new URL('../../../data/demo', import.meta.url));
export const DEMO_MAP_NAME = 'Demo map';
/** The demo's watch list (data/listening-sample/demo-watch.yaml). */
export const DEMO_WATCH_LIST = fileURLToPath(
  new URL('../../../data/listening-sample/demo-watch.yaml', import.meta.url),
);
const DEMO_LISTENING_DATE = '2024-12-31';
/** How often maps left `building` by a save that is not running are looked for and deleted. */
const SWEEP_INTERVAL_MS = 60_000;

export interface StartServerOptions {
  /** Environment variables (see loadConfig); default process.env. */
  env?: Record<string, string | undefined>;
  /** Default: pino at the configured level, JSON to stdout. */
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  config: ApiConfig;
  store: MapStore;
  /**
   * Stops taking requests, lets in-flight ones and the running job finish (queued jobs stay for the
   * next start), closes the store.
   */
  close(): Promise<void>;
}

/** The server's logger: JSON lines on stdout at `level` (`silent` for none). */
export function createLogger(level: ApiConfig['logLevel']): Logger {
  return pino({ level });
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.logLevel);
  if (config.apiKeys.length === 0) {
    logger.warn(
      'no API keys configured (KOLMAP_API_KEYS): listening on 127.0.0.1 only, every caller is admin',
    );
  }
  const store = await createMapStore(config.store);
  const runAnalysis = analysisInChildProcess({ memoryMb: config.jobMemoryMb });
  const jobs = await JobQueue.open(
    { store, runAnalysis, pseudonymKey: config.pseudonymKey, limits: config.inputLimits, logger },
    join(config.dataDir, 'jobs'),
  );
  await removeStrayUploads(join(config.dataDir, 'uploads'), jobs.uploadDirs());
  await jobs.startSweeping(SWEEP_INTERVAL_MS);
  if (config.demo) await saveDemoMapOnFirstStart(store, runAnalysis, logger);

  const app = createApp({ config, store, jobs, logger });
  let server: Server;
  try {
    server = await listen(createServer(app), config.port, config.host);
  } catch (error) {
    await jobs.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, store: store.kind }, 'kolmap API listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    config,
    store,
    close: () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await jobs.close();
        // Event streams end with their job; any still open are cut after a grace period.
        const grace = setTimeout(() => server.closeAllConnections(), 5000);
        await stopped;
        clearTimeout(grace);
        await store.close();
        logger.info('kolmap API stopped');
      })();
      return closing;
    },
  };
}

/** The address the server cannot listen on, and why (EADDRINUSE: another program has the port). */
export class ListenError extends Error {
  readonly code: string;

  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const why =
      cause.code === 'EADDRINUSE'
        ? 'the port is already in use (another kolmap, or another program): stop it or set PORT'
        : cause.code === 'EACCES'
          ? 'permission denied: choose a port above 1023 with PORT'
          : cause.message;
    super(`cannot listen on ${host}:${port}: ${why}`, { cause });
    this.name = 'ListenError';
    this.code = cause.code ?? 'LISTEN_FAILED';
  }
}

/** Starts `server` listening; a failure (port in use…) rejects with a ListenError. */
function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new ListenError(host, port, error));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server);
    });
  });
}

/** Removes the upload folders that belong to no job still to run (left by a stop mid-upload). */
async function removeStrayUploads(uploadsDir: string, kept: readonly string[]): Promise<void> {
  const keep = new Set(kept.map((dir) => resolve(dir)));
  const names = await readdir(uploadsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const name of names) {
    const dir = resolve(uploadsDir, name);
    if (!keep.has(dir)) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Analyses data/demo (accounts merged per actor) with the demo watch list and saves it when the
 * store has no map yet. The demo's people are invented, so its privacy mode is left off (names
 * stay readable); its posts are dated 2024, so retention counts back from the end of 2024.
 */
async function saveDemoMapOnFirstStart(
  store: MapStore,
  runAnalysis: RunAnalysis,
  logger: Logger,
): Promise<void> {
  const maps = await store.maps.list({ includeBuilding: true });
  if (maps.length > 0) return;
  logger.info('saving the demo map (first start)');
  const { compliance, ...watch } = await readWatchList(DEMO_WATCH_LIST);
  const { privacy: _privacy, ...rules } = compliance ?? {};
  const { graph, listening } = await runAnalysis(
    [DEMO_DATA_DIR],
    analysisOptionsSchema.parse({
      actors: true,
      watch: { ...watch, compliance: rules },
      now: DEMO_LISTENING_DATE,
    }),
    () => undefined,
    { by: 'kolmap demo', pseudonymKey: null },
  );
  const map = await store.maps.save({
    name: DEMO_MAP_NAME,
    graph,
    ...(listening && { listening }),
  });
  logger.info({ mapId: map.id, accounts: map.counts.accounts }, 'demo map saved');
}
