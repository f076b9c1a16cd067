// Starts, stops and inspects the local Neo4j Community server of tools/neo4j-local (a JVM built
// with Maven), for the neo4j-local.mjs CLI and for test setup. Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');
const POM = path.join(TOOL_DIR, 'pom.xml');
const SOURCES = path.join(TOOL_DIR, 'src');
export const JAR = path.join(TOOL_DIR, 'target', 'neo4j-local.jar');
const LIB = path.join(TOOL_DIR, 'target', 'lib');

/** The line the server prints on stdout once it accepts Bolt connections. */
export const READY_PREFIX = 'kolmap-neo4j ready ';
export const MIN_JAVA_VERSION = 17;

export const NEO4J_LOCAL_ERROR_CODES = [
  'JAVA_MISSING',
  'JAVA_TOO_OLD',
  'MAVEN_MISSING',
  'BUILD_FAILED',
  'INVALID_OPTION',
  'PORT_IN_USE',
  'START_FAILED',
  'START_TIMEOUT',
];

/** An error of this tool; `code` is one of NEO4J_LOCAL_ERROR_CODES. */
export class Neo4jLocalError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'Neo4jLocalError';
    this.code = code;
  }
}

export const DEFAULT_NEO4J_LOCAL_OPTIONS = Object.freeze({
  port: 7687,
  dataDir: path.join(REPO_ROOT, '.neo4j-local', 'data'),
  stateDir: undefined, // the parent of dataDir: <repo>/.neo4j-local by default
  // Saving a map of 1M relationships (the store benchmark) spends about 40% of Neo4j's CPU in
  // garbage collection with 512m, about a tenth with 2g. The heap starts at 128m and only grows
  // that far under such a load.
  heap: '2g',
  timeoutMs: 120_000,
  exitWithParent: false,
  log: (message) => process.stderr.write(`neo4j-local: ${message}\n`),
});

/**
 * Resolves options once: explicit values, then environment variables, then defaults.
 *
 * @param {object} [options]
 * @param {number} [options.port] Bolt port on 127.0.0.1; env NEO4J_LOCAL_PORT; default 7687.
 * @param {string} [options.dataDir] Neo4j home (databases, transaction logs, logs/debug.log);
 *   env NEO4J_LOCAL_DATA; default `<repo>/.neo4j-local/data`.
 * @param {string} [options.stateDir] where neo4j.pid, neo4j.json and neo4j.log (the JVM's
 *   output) go; default the parent of dataDir.
 * @param {string} [options.heap] JVM heap (-Xmx), e.g. '512m' or '1g'; env NEO4J_LOCAL_HEAP;
 *   default '2g'.
 * @param {number} [options.timeoutMs] how long start waits for the ready line, and stop for the
 *   exit; default 120000.
 * @param {boolean} [options.exitWithParent] keep a pipe to the server's standard input so that
 *   it shuts down when this Node process ends (for test setup); default false (it outlives us).
 * @param {(message: string) => void} [options.log] progress messages; default to stderr.
 * @param {NodeJS.ProcessEnv} [env] default process.env.
 */
export function resolveNeo4jLocalOptions(options = {}, env = process.env) {
  const d = DEFAULT_NEO4J_LOCAL_OPTIONS;
  const port = Number(options.port ?? (env.NEO4J_LOCAL_PORT || d.port));
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Neo4jLocalError(
      'INVALID_OPTION',
      `invalid port: ${options.port ?? env.NEO4J_LOCAL_PORT}`,
    );
  }
  const dataDir = path.resolve(options.dataDir ?? (env.NEO4J_LOCAL_DATA || d.dataDir));
  const heap = String(options.heap ?? (env.NEO4J_LOCAL_HEAP || d.heap));
  if (toBytes(heap) === undefined) {
    throw new Neo4jLocalError('INVALID_OPTION', `invalid heap size: ${heap} (use e.g. 512m or 1g)`);
  }
  const stateDir = path.resolve(options.stateDir ?? path.dirname(dataDir));
  return {
    port,
    dataDir,
    stateDir,
    heap,
    timeoutMs: options.timeoutMs ?? d.timeoutMs,
    exitWithParent: options.exitWithParent ?? d.exitWithParent,
    log: options.log ?? d.log,
    pidFile: path.join(stateDir, 'neo4j.pid'),
    stateFile: path.join(stateDir, 'neo4j.json'),
    logFile: path.join(stateDir, 'neo4j.log'),
  };
}

/**
 * Starts the server unless it already runs, and resolves once it accepts Bolt connections.
 * Builds the jar first when it is missing or older than pom.xml / src (needs Maven).
 *
 * @param {object} [options] see resolveNeo4jLocalOptions
 * @returns {Promise<{uri: string, port: number, pid: number, dataDir: string, logFile: string,
 *   alreadyRunning: boolean, startupMs: number}>}
 * @throws {Neo4jLocalError} JAVA_MISSING, JAVA_TOO_OLD, MAVEN_MISSING, BUILD_FAILED,
 *   PORT_IN_USE, START_FAILED, START_TIMEOUT
 */
export async function startNeo4j(options = {}) {
  const o = resolveNeo4jLocalOptions(options);
  const current = readStatus(o);
  if (current.running) {
    return {
      ...current,
      dataDir: current.dataDir ?? o.dataDir,
      logFile: o.logFile,
      alreadyRunning: true,
      startupMs: 0,
    };
  }
  const java = checkJava();
  ensureJar(o);
  if (await acceptsTcp(o.port)) {
    throw new Neo4jLocalError(
      'PORT_IN_USE',
      `port ${o.port} on 127.0.0.1 is already in use by another process; set NEO4J_LOCAL_PORT to another port`,
    );
  }

  fs.mkdirSync(o.stateDir, { recursive: true });
  fs.mkdirSync(o.dataDir, { recursive: true });
  const logFd = fs.openSync(o.logFile, 'w');
  const args = [
    `-Xms${minSize(o.heap, '128m')}`,
    `-Xmx${o.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-jar',
    JAR,
    '--port',
    String(o.port),
    '--data-dir',
    o.dataDir,
  ];
  if (o.exitWithParent) args.push('--exit-on-stdin-close');
  const started = Date.now();
  const child = spawn(java, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: [o.exitWithParent ? 'pipe' : 'ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  child.on('error', (error) => {
    exited = { code: null, signal: null, error };
  });
  child.unref();
  child.stdin?.unref?.();
  const uri = `bolt://127.0.0.1:${o.port}`;
  fs.writeFileSync(o.pidFile, `${child.pid}\n`);
  fs.writeFileSync(
    o.stateFile,
    `${JSON.stringify({ pid: child.pid, port: o.port, uri, dataDir: o.dataDir }, null, 2)}\n`,
  );

  const deadline = started + o.timeoutMs;
  while (true) {
    if (exited) {
      removeState(o);
      const why = exited.error ? exited.error.message : `exit code ${exited.code ?? exited.signal}`;
      throw new Neo4jLocalError(
        'START_FAILED',
        `Neo4j did not start (${why}); from ${o.logFile}:\n${failure(o.logFile)}`,
      );
    }
    if (readText(o.logFile).includes(`${READY_PREFIX}${uri}`) && (await acceptsTcp(o.port))) break;
    if (Date.now() > deadline) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      removeState(o);
      throw new Neo4jLocalError(
        'START_TIMEOUT',
        `Neo4j was not ready after ${o.timeoutMs / 1000} s; end of ${o.logFile}:\n${tail(o.logFile, 20)}`,
      );
    }
    await sleep(100);
  }
  return {
    uri,
    port: o.port,
    pid: child.pid,
    dataDir: o.dataDir,
    logFile: o.logFile,
    alreadyRunning: false,
    startupMs: Date.now() - started,
  };
}

/**
 * Stops the server started by startNeo4j (SIGTERM: Neo4j checkpoints and closes its stores),
 * waits for the process to end (SIGKILL after timeoutMs) and removes the pid file.
 *
 * @param {object} [options] see resolveNeo4jLocalOptions (port and dataDir pick the instance)
 * @returns {Promise<{wasRunning: boolean, pid?: number, killed?: boolean, stopMs?: number}>}
 */
export async function stopNeo4j(options = {}) {
  const o = resolveNeo4jLocalOptions(options);
  const current = readStatus(o);
  if (!current.running) {
    removeState(o);
    return { wasRunning: false };
  }
  const started = Date.now();
  process.kill(current.pid, 'SIGTERM');
  let killed = false;
  while (isOurProcess(current.pid)) {
    if (Date.now() - started > o.timeoutMs) {
      o.log(`pid ${current.pid} did not stop within ${o.timeoutMs / 1000} s; killing it`);
      process.kill(current.pid, 'SIGKILL');
      killed = true;
      await sleep(500);
      break;
    }
    await sleep(100);
  }
  removeState(o);
  return { wasRunning: true, pid: current.pid, killed, stopMs: Date.now() - started };
}

/**
 * Whether the server of these options runs (its pid file names a live neo4j-local JVM).
 *
 * @param {object} [options] see resolveNeo4jLocalOptions
 * @returns {{running: boolean, pid?: number, uri: string, port: number, dataDir?: string}}
 */
export function statusNeo4j(options = {}) {
  return readStatus(resolveNeo4jLocalOptions(options));
}

/**
 * Checks that Java 17 or later is there (JAVA_HOME/bin/java, else java on the PATH).
 *
 * @returns {string} the java executable
 * @throws {Neo4jLocalError} JAVA_MISSING, JAVA_TOO_OLD
 */
export function checkJava() {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Neo4jLocalError(
      'JAVA_MISSING',
      `Java ${MIN_JAVA_VERSION}+ is needed to run Neo4j but \`${java} -version\` failed${r.error ? ` (${r.error.code})` : ''}; install a JDK ${MIN_JAVA_VERSION} or 21 (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME`,
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : Number.NaN;
  if (!(major >= MIN_JAVA_VERSION)) {
    throw new Neo4jLocalError(
      'JAVA_TOO_OLD',
      `Neo4j 5 needs Java ${MIN_JAVA_VERSION}+, found ${m ? major : 'an unknown version'} (${java}); install a JDK ${MIN_JAVA_VERSION} or 21 or set JAVA_HOME`,
    );
  }
  return java;
}

/**
 * Builds target/neo4j-local.jar and target/lib/ with Maven when the jar is missing or older than
 * pom.xml or any file under src/. The first build downloads the dependencies (~130 MB) into ~/.m2.
 *
 * @param {object} [options] see resolveNeo4jLocalOptions (only log is used)
 * @returns {boolean} whether it built
 * @throws {Neo4jLocalError} MAVEN_MISSING, BUILD_FAILED
 */
export function ensureJar(options = {}) {
  const log = options.log ?? DEFAULT_NEO4J_LOCAL_OPTIONS.log;
  if (!needsBuild()) return false;
  const v = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) {
    throw new Neo4jLocalError(
      'MAVEN_MISSING',
      `Maven is needed to build ${path.relative(REPO_ROOT, JAR)} but \`mvn -v\` failed${v.error ? ` (${v.error.code})` : ''}; install Maven 3.6+ (e.g. apt-get install maven)`,
    );
  }
  log(
    `building ${path.relative(REPO_ROOT, JAR)} with Maven (the first time downloads Neo4j into ~/.m2)`,
  );
  const started = Date.now();
  const r = spawnSync('mvn', ['-q', '-B', '-f', POM, 'package', '-DskipTests'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 2, 2], // Maven's output goes to our stderr; stdout stays for the URI
  });
  if (r.error || r.status !== 0) {
    throw new Neo4jLocalError(
      'BUILD_FAILED',
      `Maven build of tools/neo4j-local failed (exit ${r.status ?? r.error?.code}); see the output above`,
    );
  }
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

function needsBuild() {
  const jar = mtime(JAR);
  if (jar === undefined || !fs.existsSync(LIB) || fs.readdirSync(LIB).length === 0) return true;
  return newestMtime(SOURCES) > jar || (mtime(POM) ?? 0) > jar;
}

function readStatus(o) {
  const uri = `bolt://127.0.0.1:${o.port}`;
  const pid = Number.parseInt(readText(o.pidFile), 10);
  if (!Number.isInteger(pid) || !isOurProcess(pid)) return { running: false, uri, port: o.port };
  let state = {};
  try {
    state = JSON.parse(readText(o.stateFile) || '{}');
  } catch {
    // A broken state file only loses the port; the pid file is what counts.
  }
  const port = state.port ?? o.port;
  return {
    running: true,
    pid,
    port,
    uri: state.uri ?? `bolt://127.0.0.1:${port}`,
    dataDir: state.dataDir,
  };
}

/** A live process (not a zombie) that is a neo4j-local JVM, where /proc tells; else any live pid. */
function isOurProcess(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return false; // ESRCH: gone; EPERM: someone else's process
  }
  const status = readText(`/proc/${pid}/status`);
  if (!status) return true; // no /proc (macOS): trust the pid
  if (/^State:\s+Z/m.test(status)) return false;
  return readText(`/proc/${pid}/cmdline`).includes('neo4j-local.jar');
}

function removeState(o) {
  fs.rmSync(o.pidFile, { force: true });
  fs.rmSync(o.stateFile, { force: true });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function acceptsTcp(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function toBytes(size) {
  const m = /^(\d+)([kmg]?)$/i.exec(String(size).trim());
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()];
}

function minSize(a, b) {
  return toBytes(a) <= toBytes(b) ? a : b;
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The server's own error lines, else the end of its log. */
function failure(file) {
  const own = readText(file)
    .split('\n')
    .filter((line) => line.startsWith('kolmap-neo4j:'));
  return own.length > 0 ? own.join('\n') : tail(file, 20);
}

function tail(file, lines) {
  return readText(file).trimEnd().split('\n').slice(-lines).join('\n');
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, mtime(path.join(entry.parentPath ?? entry.path, entry.name)) ?? 0);
  }
  return newest;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
