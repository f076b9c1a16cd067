// The listening routes over a real Neo4j (the jest global setup's server, or NEO4J_URI).
import { describeWithNeo4j } from '../../../../test/store/neo4j-test-server.js';
import { Neo4jMapStore } from '../../src/index.js';
import { describeListeningApi } from './listening.contract.js';

describeWithNeo4j('listening API on Neo4j', (config) => {
  describeListeningApi('neo4j store', async () => {
    const store = new Neo4jMapStore({ ...config, maxTransactionRetryTimeMs: 2000 });
    await store.init();
    return store;
  });
});
