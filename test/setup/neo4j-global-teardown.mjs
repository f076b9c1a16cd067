// Jest global teardown: stops the Neo4j the global setup started (if it started one) and removes
// its temporary data folder. A server given by NEO4J_URI is left alone.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stopNeo4j } from '../../tools/neo4j-local/control.mjs';

export default async function neo4jGlobalTeardown() {
  const port = process.env.KOLMAP_TEST_NEO4J_PORT;
  const folder = process.env.KOLMAP_TEST_NEO4J_FOLDER;
  if (!port || !folder) return;
  await stopNeo4j({ port: Number(port), dataDir: join(folder, 'data'), log: () => undefined });
  await rm(folder, { recursive: true, force: true });
}
