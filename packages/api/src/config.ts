// The API's configuration: the only reader of process.env, parsed once by zod. Empty variables
// count as unset.
import { InvalidInputError } from '@kolmap/core';
import { z } from 'zod';

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  NEO4J_URI: optional(
    z.string().refine(
      (uri) => {
        try {
          return NEO4J_SCHEMES.includes(new URL(uri).protocol);
        } catch {
          return false;
        }
      },
      `expected a Neo4j URI (${NEO4J_SCHEMES.map((s) => `${s}//`).join(', ')})`,
    ),
  ),
  NEO4J_USER: optional(z.string()),
  NEO4J_PASSWORD: optional(z.string()),
  NEO4J_DATABASE: optional(
    z.string().regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'expected a database name'),
  ),
  KOLMAP_DATA_DIR: optional(z.string()),
});

/** Where maps are stored: Neo4j when NEO4J_URI is set, else the embedded file store. */
export type StoreConfig =
  | { kind: 'neo4j'; uri: string; user: string; password?: string; database: string }
  | { kind: 'embedded'; dataDir: string };

export interface ApiConfig {
  store: StoreConfig;
}

export const DEFAULT_DATA_DIR = '.kolmap';

/**
 * Reads the configuration from environment variables:
 * - `NEO4J_URI`: Neo4j to store maps in (`bolt://127.0.0.1:7687`…); unset: the embedded store.
 * - `NEO4J_USER` (default `neo4j`), `NEO4J_PASSWORD` (unset: no authentication).
 * - `NEO4J_DATABASE`: default `neo4j`.
 * - `KOLMAP_DATA_DIR`: the embedded store's folder, default `.kolmap` (relative to the working folder).
 *
 * @throws InvalidInputError naming each bad variable (as `field`).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new InvalidInputError(
      parsed.error.issues.map((issue) => ({
        field: String(issue.path[0]),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  if (e.NEO4J_URI !== undefined) {
    return {
      store: {
        kind: 'neo4j',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER ?? 'neo4j',
        ...(e.NEO4J_PASSWORD === undefined ? {} : { password: e.NEO4J_PASSWORD }),
        database: e.NEO4J_DATABASE ?? 'neo4j',
      },
    };
  }
  return { store: { kind: 'embedded', dataDir: e.KOLMAP_DATA_DIR ?? DEFAULT_DATA_DIR } };
}
