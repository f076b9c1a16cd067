// The API configuration: which store the environment picks, and bad variables named.
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('uses the embedded store without NEO4J_URI, in KOLMAP_DATA_DIR or .kolmap', () => {
    expect(loadConfig({})).toEqual({ store: { kind: 'embedded', dataDir: '.kolmap' } });
    expect(loadConfig({ NEO4J_URI: '', KOLMAP_DATA_DIR: '/var/kolmap' })).toEqual({
      store: { kind: 'embedded', dataDir: '/var/kolmap' },
    });
  });

  it('uses Neo4j with NEO4J_URI, user neo4j, no password and database neo4j by default', () => {
    expect(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toEqual({
      store: { kind: 'neo4j', uri: 'bolt://127.0.0.1:7687', user: 'neo4j', database: 'neo4j' },
    });
    expect(
      loadConfig({
        NEO4J_URI: 'neo4j+s://db.example.com',
        NEO4J_USER: 'kolmap',
        NEO4J_PASSWORD: 'secret-password',
        NEO4J_DATABASE: 'maps',
      }).store,
    ).toEqual({
      kind: 'neo4j',
      uri: 'neo4j+s://db.example.com',
      user: 'kolmap',
      password: 'secret-password',
      database: 'maps',
    });
  });

  it('names each bad variable', () => {
    try {
      loadConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_DATABASE: 'no spaces' });
      throw new Error('expected an error');
    } catch (error) {
      expect((error as { code?: string }).code).toBe('INVALID_INPUT');
      expect(
        (error as { problems: Array<{ field: string }> }).problems.map(({ field }) => field),
      ).toEqual(['NEO4J_URI', 'NEO4J_DATABASE']);
    }
  });
});
