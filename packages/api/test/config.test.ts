// The API configuration: which store the environment picks, and bad variables named.
import { totalmem } from 'node:os';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('uses the embedded store without NEO4J_URI, in KOLMAP_DATA_DIR or .kolmap', () => {
    expect(loadConfig({}).store).toEqual({ kind: 'embedded', dataDir: '.kolmap' });
    expect(loadConfig({ NEO4J_URI: '', KOLMAP_DATA_DIR: '/var/kolmap' }).store).toEqual({
      kind: 'embedded',
      dataDir: '/var/kolmap',
    });
  });

  it('uses Neo4j with NEO4J_URI, user neo4j, no password and database neo4j by default', () => {
    expect(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' }).store).toEqual({
      kind: 'neo4j',
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      database: 'neo4j',
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

  it('has safe defaults for the server', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      apiKeys: [],
      uploadMaxBytes: 200 * 1024 ** 2,
      jsonMaxBytes: 10 * 1024 ** 2,
      syncMaxBytes: 1024 ** 2,
      rateLimitPerMinute: 1200,
      corsOrigins: [],
      viewerDir: null,
      demo: true,
      pseudonymKey: null,
      logLevel: 'info',
    });
  });

  it('reads keys with roles, sizes with units, origins, and listens widely only with keys', () => {
    const config = loadConfig({
      KOLMAP_API_KEYS: 'alice:analyst:0123456789abcdef, bot:viewer:fedcba9876543210',
      HOST: '0.0.0.0',
      PORT: '8080',
      KOLMAP_UPLOAD_MAX_BYTES: '50mb',
      KOLMAP_JSON_MAX_BYTES: '512 KB',
      KOLMAP_CORS_ORIGINS: 'https://a.example, http://b.example:8080',
      KOLMAP_RATE_LIMIT: '0',
      KOLMAP_DEMO: 'false',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      uploadMaxBytes: 50 * 1024 ** 2,
      jsonMaxBytes: 512 * 1024,
      corsOrigins: ['https://a.example', 'http://b.example:8080'],
      rateLimitPerMinute: 0,
      demo: false,
    });
    expect(config.apiKeys).toEqual([
      { name: 'alice', role: 'analyst', key: '0123456789abcdef' },
      { name: 'bot', role: 'viewer', key: 'fedcba9876543210' },
    ]);
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
  });

  it('gives each analysis half the machine memory by default, or KOLMAP_JOB_MEMORY_MB (64 at least)', () => {
    const { jobMemoryMb } = loadConfig({});
    const machineMb = totalmem() / 1024 ** 2;
    expect(jobMemoryMb).toBeGreaterThanOrEqual(64);
    expect(jobMemoryMb).toBeLessThanOrEqual(Math.max(64, machineMb / 2));
    expect(loadConfig({ KOLMAP_JOB_MEMORY_MB: '1500' }).jobMemoryMb).toBe(1500);
    for (const bad of ['32', 'lots', '1.5']) {
      expect(() => loadConfig({ KOLMAP_JOB_MEMORY_MB: bad })).toThrow(
        expect.objectContaining({
          problems: [expect.objectContaining({ field: 'KOLMAP_JOB_MEMORY_MB' })],
        }),
      );
    }
  });

  it('names bad server variables without echoing secrets', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as { problems: Array<{ field: string; message: string }> }).problems;
      }
      throw new Error('expected an error');
    };
    const keys = problems({ KOLMAP_API_KEYS: 'alice:owner:supersecretvalue123' });
    expect(keys).toEqual([
      { field: 'KOLMAP_API_KEYS', message: expect.stringContaining('entry 1') },
    ]);
    expect(JSON.stringify(keys)).not.toContain('supersecretvalue123');
    expect(problems({ KOLMAP_API_KEYS: 'a:viewer:short' })[0]?.message).toContain('16');
    expect(loadConfig({ KOLMAP_PSEUDONYM_KEY: 'a-secret-of-16-chars' }).pseudonymKey).toBe(
      'a-secret-of-16-chars',
    );
    const pseudonymKey = problems({ KOLMAP_PSEUDONYM_KEY: 'too-short' });
    expect(pseudonymKey).toEqual([
      { field: 'KOLMAP_PSEUDONYM_KEY', message: expect.stringContaining('16') },
    ]);
    expect(JSON.stringify(pseudonymKey)).not.toContain('too-short');
    expect(
      problems({
        PORT: '70000',
        KOLMAP_UPLOAD_MAX_BYTES: 'lots',
        KOLMAP_CORS_ORIGINS: 'ftp://x',
        LOG_LEVEL: 'loud',
      }).map(({ field }) => field),
    ).toEqual(['PORT', 'KOLMAP_UPLOAD_MAX_BYTES', 'KOLMAP_CORS_ORIGINS', 'LOG_LEVEL']);
  });
});
