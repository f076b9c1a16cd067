// The Neo4j the tests use: NEO4J_URI (set by the developer, or by the jest global setup that starts
// tools/neo4j-local). Without one, Neo4j tests fail in CI (CI=true) and are skipped elsewhere only
// when Java or Maven is missing, with the reason printed. A skipped test never stands in for a
// Neo4j that should have been there.
import { loadConfig, type Neo4jConnectionConfig } from '../../packages/api/src/index.js';

/** Codes of tools/neo4j-local errors that mean "this machine lacks the tools", not "it is broken". */
const MISSING_TOOLS = new Set(['JAVA_MISSING', 'JAVA_TOO_OLD', 'MAVEN_MISSING']);

export type Neo4jTestServer =
  | { status: 'available'; config: Neo4jConnectionConfig; local: boolean }
  | { status: 'skip' | 'fail'; reason: string };

export function neo4jTestServer(): Neo4jTestServer {
  const { store } = loadConfig(process.env);
  if (store.kind === 'neo4j') {
    const { kind: _kind, ...config } = store;
    return { status: 'available', config, local: process.env.KOLMAP_TEST_NEO4J_PORT !== undefined };
  }
  const reason = process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE ?? 'NEO4J_URI is not set';
  const code = process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE_CODE ?? '';
  const skip = process.env.CI !== 'true' && MISSING_TOOLS.has(code);
  return { status: skip ? 'skip' : 'fail', reason };
}

/**
 * `describe` for tests that start Neo4j servers of their own with the local tool (tools/neo4j-local):
 * run when Java and Maven are there, skipped with the reason elsewhere outside CI, failing with it in
 * CI.
 */
export function describeWithLocalNeo4j(name: string, fn: () => void): void {
  const code = process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE_CODE;
  const reason = process.env.KOLMAP_TEST_NEO4J_UNAVAILABLE ?? code;
  if (code === undefined) {
    describe(name, fn);
  } else if (process.env.CI !== 'true' && MISSING_TOOLS.has(code)) {
    console.warn(`${name}: skipped, the local Neo4j cannot start here: ${reason}`);
    describe.skip(name, fn);
  } else {
    describe(name, () => {
      it('needs the local Neo4j (tools/neo4j-local)', () => {
        throw new Error(`the local Neo4j cannot start: ${reason}`);
      });
    });
  }
}

/** `describe` for tests that need Neo4j: run, skipped with the reason, or failing with it (CI). */
export function describeWithNeo4j(name: string, fn: (config: Neo4jConnectionConfig) => void): void {
  const server = neo4jTestServer();
  if (server.status === 'available') {
    describe(name, () => fn(server.config));
  } else if (server.status === 'skip') {
    console.warn(`${name}: skipped, no Neo4j: ${server.reason}`);
    describe.skip(name, () => fn({ uri: 'bolt://127.0.0.1:1' }));
  } else {
    describe(name, () => {
      it('needs a Neo4j server', () => {
        throw new Error(`no Neo4j for the tests: ${server.reason}`);
      });
    });
  }
}
