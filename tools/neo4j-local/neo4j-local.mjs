#!/usr/bin/env node
// CLI for the local Neo4j server: `node tools/neo4j-local/neo4j-local.mjs start|stop|status`
// (pnpm neo4j:start / neo4j:stop / neo4j:status). The URI goes to stdout, messages to stderr.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Neo4jLocalError, REPO_ROOT, startNeo4j, statusNeo4j, stopNeo4j } from './control.mjs';

const USAGE = `usage: node tools/neo4j-local/neo4j-local.mjs <start|stop|status> [--port N] [--data-dir PATH]

  start   build the jar if needed, start Neo4j in the background, print its bolt:// URI
  stop    stop it (SIGTERM, clean shutdown) and remove the pid file
  status  print "running <uri> (pid N)" (exit 0) or "not running" (exit 3)

environment: NEO4J_LOCAL_PORT (7687), NEO4J_LOCAL_DATA (<repo>/.neo4j-local/data),
  NEO4J_LOCAL_HEAP (2g), NEO4J_LOCAL_PAGECACHE (256m), NEO4J_LOCAL_TX_MEMORY (256m),
  NEO4J_PASSWORD (unset: no authentication), JAVA_HOME`;

const log = (message) => process.stderr.write(`neo4j-local: ${message}\n`);
const shown = (p) => path.relative(REPO_ROOT, p) || '.';

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    log(e.message);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stderr.write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  if (rest.length > 0) {
    log(`unexpected argument ${rest[0]}`);
    return 2;
  }
  const options = { port: parsed.values.port, dataDir: parsed.values['data-dir'], log };

  switch (command) {
    case 'start': {
      const r = await startNeo4j(options);
      if (r.alreadyRunning) log(`already running (pid ${r.pid})`);
      else
        log(
          `started in ${(r.startupMs / 1000).toFixed(1)} s (pid ${r.pid}, data ${shown(r.dataDir)}, log ${shown(r.logFile)})`,
        );
      process.stdout.write(`${r.uri}\n`);
      return 0;
    }
    case 'stop': {
      const r = await stopNeo4j(options);
      if (!r.wasRunning) log('not running');
      else
        log(`${r.killed ? 'killed' : 'stopped'} pid ${r.pid} in ${(r.stopMs / 1000).toFixed(1)} s`);
      return 0;
    }
    case 'status': {
      const r = statusNeo4j(options);
      process.stdout.write(
        r.running ? `running ${r.uri} (pid ${r.pid})\n` : `not running (${r.uri})\n`,
      );
      return r.running ? 0 : 3;
    }
    default:
      log(`unknown command ${command}`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof Neo4jLocalError) log(`${error.message} [${error.code}]`);
    else log(error?.stack ?? String(error));
    process.exitCode = 1;
  },
);
