// Typed access to tools/neo4j-local/control.mjs for the tests that stop and restart a server of
// their own (the module is plain JavaScript without declarations).
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CONTROL = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../tools/neo4j-local/control.mjs',
);

export interface Neo4jLocalOptions {
  port: number;
  dataDir: string;
  exitWithParent?: boolean;
  log?: (message: string) => void;
}

export interface Neo4jLocalControl {
  startNeo4j(
    options: Neo4jLocalOptions,
  ): Promise<{ uri: string; pid: number; startupMs: number; alreadyRunning: boolean }>;
  stopNeo4j(options: Neo4jLocalOptions): Promise<{ wasRunning: boolean }>;
  statusNeo4j(options: Neo4jLocalOptions): { running: boolean; uri: string };
}

export async function neo4jLocal(): Promise<Neo4jLocalControl> {
  return (await import(pathToFileURL(CONTROL).href)) as Neo4jLocalControl;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
