// neo4j-driver writes a Bolt message in pieces of 1,400 bytes and leaves Nagle's algorithm on: a
// request whose RUN message (statement and parameters) is longer waits about 40 ms for Neo4j's
// delayed ACK before its last piece goes out (measured on the ego network: 55–65 ms a request with
// a 2.4 kB message, 15 ms once under the limit). Statements stay short enough to leave room for their
// parameters (a map id, an account key, a few filters).
import * as mapCypher from '../../src/store/neo4j/cypher.js';
import * as listeningCypher from '../../src/store/neo4j/listening-cypher.js';

const MAX_STATEMENT_BYTES = 1100;

function statements(module: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(module).flatMap(([name, value]) =>
    typeof value === 'string'
      ? [[name, value] as [string, string]]
      : Object.entries(value as Record<string, string>).map(
          ([variant, text]) => [`${name}.${variant}`, text] as [string, string],
        ),
  );
}

describe('Cypher statements of the Neo4j store', () => {
  const all = [...statements(mapCypher), ...statements(listeningCypher)];

  it('are found (every exported statement is checked)', () => {
    expect(all.map(([name]) => name)).toEqual(
      expect.arrayContaining(['EGO_NETWORK.both', 'FIND_KOLS', 'LIST_PV_CASES']),
    );
  });

  it.each(all)('%s fits one Bolt piece with room for its parameters', (_name, text) => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
  });
});
