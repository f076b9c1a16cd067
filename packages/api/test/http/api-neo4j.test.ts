// The HTTP API over a real Neo4j (the jest global setup's server, or NEO4J_URI).

import { describeWithNeo4j } from '../../../../test/store/neo4j-test-server.js';
import { Neo4jMapStore } from '../../src/index.js';
import { describeApiContract } from './api.contract.js';

describeWithNeo4j('HTTP API on Neo4j', (config) => {
  describeApiContract('neo4j store', async () => {
    const store = new Neo4jMapStore({ ...config, maxTransactionRetryTimeMs: 2000 });
    await store.init();
    return store;
  });
});
