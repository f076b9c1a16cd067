// Jest global setup: a real Neo4j for the tests that need one (test/store, later test/e2e).
// With NEO4J_URI set, that server is used as it is. Otherwise the project's own Neo4j Community
// (tools/neo4j-local, built with Maven on first use) is started on a free port with a temporary data
// folder, and NEO4J_URI is set for the test workers (they inherit this process's environment).
// It is started for every run (about 5 s) unless the run names test paths (`pnpm test packages/core`)
// and none of the test files that mention Neo4j matches them. When it cannot start, the reason is
// passed on in KOLMAP_TEST_NEO4J_UNAVAILABLE (and its code in KOLMAP_TEST_NEO4J_UNAVAILABLE_CODE):
// the Neo4j tests then fail in CI and are skipped elsewhere only when Java or Maven is missing
// (test/store/neo4j-test-server.ts). The teardown stops only what this setup started.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNeo4j } from '../../tools/neo4j-local/control.mjs';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** What a test file that needs a Neo4j server mentions. */
const NEEDS_NEO4J = /describeWithNeo4j|Neo4jMapStore|neo4jLocal/;

/** Test files under `folders` (recursively) that need a Neo4j server. */
async function neo4jTestFiles(folders) {
  const files = [];
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.test.ts')) continue;
      const file = join(entry.parentPath ?? entry.path, entry.name);
      if (NEEDS_NEO4J.test(await readFile(file, 'utf8'))) files.push(file);
    }
  }
  return files;
}

/** Whether the run selects at least one test file that needs Neo4j (any, without path patterns). */
async function runNeedsNeo4j(globalConfig) {
  const patterns = globalConfig?.testPathPatterns;
  if (!patterns?.isSet?.()) return true;
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  const root = globalConfig.rootDir;
  const packages = await readdir(join(root, 'packages')).catch(() => []);
  const folders = [
    join(root, 'test'),
    ...packages.map((name) => join(root, 'packages', name, 'test')),
  ];
  const files = await neo4jTestFiles(folders);
  return files.some((file) => executor.isMatch(file));
}

export default async function neo4jGlobalSetup(globalConfig) {
  if (process.env.NEO4J_URI) return;
  if (!(await runNeedsNeo4j(globalConfig))) {
    process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE = 'not started: no selected test file needs Neo4j';
    process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE_CODE = 'NOT_SELECTED';
    return;
  }
  const folder = await mkdtemp(join(tmpdir(), 'kolmap-test-neo4j-'));
  const dataDir = join(folder, 'data');
  const port = await freePort();
  const log = (message) => process.stderr.write(`\nneo4j-local: ${message}`);
  try {
    const server = await startNeo4j({ port, dataDir, exitWithParent: true, log });
    process.env.NEO4J_URI = server.uri;
    process.env.KOLMAP_TEST_NEO4J_PORT = String(port);
    process.env.KOLMAP_TEST_NEO4J_FOLDER = folder;
    log(`test server ${server.uri} ready in ${(server.startupMs / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE =
      error instanceof Error ? error.message : String(error);
    process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE_CODE = error?.code ?? 'START_FAILED';
    log(`no test server: ${process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE}\n`);
  }
}
