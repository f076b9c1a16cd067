// Analysis jobs kept on disk across restarts, on the embedded store and on a real Neo4j (the jest
// global setup's server, or NEO4J_URI).
import { describeWithNeo4j } from '../../../../test/store/neo4j-test-server.js';
import { EmbeddedMapStore, Neo4jMapStore } from '../../src/index.js';
import { describeJobRestarts } from './job-restarts.contract.js';

// Batches of one record: a save reports progress (and can be cut) before its last account.
describeJobRestarts('embedded store', async (dataDir) => {
  const store = new EmbeddedMapStore({ dataDir, batchSize: 1 });
  await store.init();
  return store;
});

describeWithNeo4j('jobs on Neo4j', (config) => {
  describeJobRestarts('neo4j store', async () => {
    const store = new Neo4jMapStore({ ...config, batchSize: 1, maxTransactionRetryTimeMs: 2000 });
    await store.init();
    return store;
  });
});
