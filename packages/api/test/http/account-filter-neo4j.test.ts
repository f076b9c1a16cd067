// The account filter contract over a real Neo4j (the jest global setup's server, or NEO4J_URI).

import { describeWithNeo4j } from '../../../../test/store/neo4j-test-server.js';
import { Neo4jMapStore } from '../../src/index.js';
import { describeAccountFilterContract } from './account-filter.contract.js';

describeWithNeo4j('account filter on Neo4j', (config) => {
  describeAccountFilterContract('neo4j store', async () => {
    const store = new Neo4jMapStore({ ...config, maxTransactionRetryTimeMs: 2000 });
    await store.init();
    return store;
  });
});
