// The API's configuration: the only reader of process.env, parsed once by zod. Empty variables
// count as unset.
import { totalmem } from 'node:os';
import { type InputLimits, InvalidInputError } from '@kolmap/core';
import { API_ROLES, type ApiRole } from '@kolmap/model';
import { z } from 'zod';

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

/** A size in bytes: a whole number, optionally with a unit (`200mb`, `10 MB`, `512kb`). */
const byteSize = z.string().transform((text, context) => {
  const match = /^\s*(\d+)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!match) {
    context.addIssue({
      code: 'custom',
      message: 'expected a size such as 1048576, 512kb or 200mb',
    });
    return z.NEVER;
  }
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[
    (match[2] ?? 'b').toLowerCase() as 'b'
  ];
  return Number(match[1]) * unit;
});

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The smallest heap an analysis may be given: below, even a small upload cannot be analysed. */
export const MIN_JOB_MEMORY_MB = 64;
/** Share of the machine's memory an analysis may use by default: the server keeps the rest. */
export const JOB_MEMORY_SHARE = 0.5;

/**
 * The default heap of an analysis: JOB_MEMORY_SHARE of the memory the server may use (the
 * machine's, or its container's limit when it has one), in MB.
 */
export function defaultJobMemoryMb(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const memory = constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
  return Math.max(MIN_JOB_MEMORY_MB, Math.floor((memory * JOB_MEMORY_SHARE) / 1024 ** 2));
}

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
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string().regex(/^[A-Za-z0-9.:-]+$/, 'expected a host name or IP address')),
  KOLMAP_API_KEYS: optional(
    z
      .string()
      .transform((text, context) => parseApiKeys(text, context))
      .pipe(z.array(z.custom<ApiKey>()).min(1)),
  ),
  KOLMAP_UPLOAD_MAX_BYTES: optional(byteSize),
  KOLMAP_JSON_MAX_BYTES: optional(byteSize),
  KOLMAP_JSON_MAX_DEPTH: optional(z.coerce.number().int().min(2).max(1000)),
  KOLMAP_MAX_FILE_BYTES: optional(byteSize),
  KOLMAP_MAX_LINE_LENGTH: optional(
    z.coerce
      .number()
      .int()
      .min(1000)
      .max(2 ** 29),
  ),
  KOLMAP_MAX_RECORDS: optional(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31),
  ),
  KOLMAP_SYNC_MAX_BYTES: optional(byteSize),
  KOLMAP_JOB_MEMORY_MB: optional(
    z.coerce
      .number()
      .int()
      .min(MIN_JOB_MEMORY_MB)
      .max(1024 ** 2),
  ),
  KOLMAP_RATE_LIMIT: optional(z.coerce.number().int().min(0).max(1_000_000)),
  KOLMAP_CORS_ORIGINS: optional(
    z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  ),
  KOLMAP_VIEWER_DIR: optional(z.string()),
  KOLMAP_DEMO: optional(z.enum(['true', 'false'])),
  KOLMAP_PSEUDONYM_KEY: optional(
    z.string().min(16, 'the pseudonym key must have at least 16 characters'),
  ),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

/** Where maps are stored: Neo4j when NEO4J_URI is set, else the embedded file store. */
export type StoreConfig =
  | { kind: 'neo4j'; uri: string; user: string; password?: string; database: string }
  | { kind: 'embedded'; dataDir: string };

/** One API key: who holds it (for logs and the export audit) and what it may do. */
export interface ApiKey {
  name: string;
  role: ApiRole;
  key: string;
}

export interface ApiConfig {
  store: StoreConfig;
  /** KOLMAP_DATA_DIR: the embedded store's folder, and analysis jobs and their uploads (both stores). */
  dataDir: string;
  port: number;
  /** Where the server listens; always 127.0.0.1 when no API keys are configured. */
  host: string;
  /** Empty: no authentication, and the server listens on 127.0.0.1 only. */
  apiKeys: ApiKey[];
  /** Largest upload (multipart, all files together), bytes. */
  uploadMaxBytes: number;
  /** Largest JSON body, bytes. */
  jsonMaxBytes: number;
  /** Deepest nesting of arrays and objects in a JSON body or JSON field. */
  jsonMaxDepth: number;
  /**
   * Bounds of every analysed upload: bytes per file once decompressed, characters per line, records
   * (a load beyond one fails with TOO_LARGE, 413).
   */
  inputLimits: InputLimits;
  /** Uploads up to this size are analysed within the request (201); larger ones become jobs (202). */
  syncMaxBytes: number;
  /**
   * Heap of each analysis in MB (its own process): an upload that needs more fails with TOO_LARGE,
   * and the server goes on. Default defaultJobMemoryMb().
   */
  jobMemoryMb: number;
  /** Requests per minute per API key (per client address without keys); 0: no limit. */
  rateLimitPerMinute: number;
  /** Origins allowed by CORS; empty: CORS closed. */
  corsOrigins: string[];
  /** The built viewer served at `/`; null: default (packages/viewer/dist). */
  viewerDir: string | null;
  /** Save the demo map on first start when the store has no map. */
  demo: boolean;
  /**
   * Secret that privacy-mode pseudonyms are keyed with (a watch list's `compliance.privacy`); null:
   * uploads whose watch list turns privacy on are refused.
   */
  pseudonymKey: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const DEFAULT_DATA_DIR = '.kolmap';
export const DEFAULT_PORT = 3000;
export const LOCAL_HOST = '127.0.0.1';
export const DEFAULT_UPLOAD_MAX_BYTES = 200 * 1024 ** 2;
export const DEFAULT_JSON_MAX_BYTES = 10 * 1024 ** 2;
/** Records, options and watch lists nest a few levels; 64 leaves room and keeps validators' stacks safe. */
export const DEFAULT_JSON_MAX_DEPTH = 64;
/**
 * The server's input limits, tighter than the CLI's (core's DEFAULT_INPUT_LIMITS): one server
 * analyses uploads of many people and must not die of one.
 */
export const DEFAULT_SERVER_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxBytes: 4 * 1024 ** 3,
  maxLineLength: 1024 ** 2,
  maxRecords: 10_000_000,
});
export const DEFAULT_SYNC_MAX_BYTES = 1024 ** 2;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

/**
 * `name:role:key` entries separated by commas, e.g. `alice:analyst:3f9c…,bot:viewer:a81d…`. Keys
 * must be 16+ characters; names and keys unique.
 */
function parseApiKeys(text: string, context: z.RefinementCtx): ApiKey[] {
  const keys: ApiKey[] = [];
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.forEach((entry, index) => {
    const [name = '', role = '', ...rest] = entry.split(':');
    const key = rest.join(':');
    const problem = !/^[A-Za-z0-9._-]{1,64}$/.test(name)
      ? 'the name must be 1-64 letters, digits, dots, dashes or underscores'
      : !(API_ROLES as readonly string[]).includes(role)
        ? `the role must be one of ${API_ROLES.join(', ')}`
        : key.length < 16
          ? 'the key must have at least 16 characters'
          : keys.some((other) => other.name === name || other.key === key)
            ? 'names and keys must be unique'
            : null;
    if (problem) {
      // Never echo the entry: it holds a secret.
      context.addIssue({
        code: 'custom',
        message: `entry ${index + 1} (name:role:key): ${problem}`,
      });
    } else {
      keys.push({ name, role: role as ApiRole, key });
    }
  });
  return keys;
}

/**
 * Reads the configuration from environment variables:
 * - `NEO4J_URI`: Neo4j to store maps in (`bolt://127.0.0.1:7687`…); unset: the embedded store.
 * - `NEO4J_USER` (default `neo4j`), `NEO4J_PASSWORD` (unset: no authentication).
 * - `NEO4J_DATABASE`: default `neo4j`.
 * - `KOLMAP_DATA_DIR`: the embedded store's folder (and jobs with their uploads), default `.kolmap`.
 * - `PORT` (default 3000), `HOST` (default 127.0.0.1; ignored without API keys).
 * - `KOLMAP_API_KEYS`: `name:role:key,…` with roles viewer, analyst, admin; unset: no
 *   authentication, and the server listens on 127.0.0.1 only.
 * - `KOLMAP_UPLOAD_MAX_BYTES` (200mb), `KOLMAP_JSON_MAX_BYTES` (10mb), `KOLMAP_SYNC_MAX_BYTES` (1mb).
 * - `KOLMAP_JOB_MEMORY_MB`: heap of each analysis, default half the machine's memory
 *   (defaultJobMemoryMb).
 * - `KOLMAP_RATE_LIMIT`: requests per minute per key, default 1200; 0 turns it off.
 * - `KOLMAP_CORS_ORIGINS`: origins allowed by CORS, comma-separated; unset: CORS closed.
 * - `KOLMAP_VIEWER_DIR`: the built viewer, default packages/viewer/dist.
 * - `KOLMAP_DEMO`: `false` to not save the demo map on first start.
 * - `KOLMAP_PSEUDONYM_KEY`: the secret (16+ characters) privacy-mode pseudonyms are keyed with; unset:
 *   watch lists with `compliance.privacy` are refused. Keep it where only admins read.
 * - `LOG_LEVEL`: default info.
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
  const apiKeys = e.KOLMAP_API_KEYS ?? [];
  return {
    store: storeConfig(e),
    dataDir: e.KOLMAP_DATA_DIR ?? DEFAULT_DATA_DIR,
    port: e.PORT ?? DEFAULT_PORT,
    host: apiKeys.length === 0 ? LOCAL_HOST : (e.HOST ?? LOCAL_HOST),
    apiKeys,
    uploadMaxBytes: e.KOLMAP_UPLOAD_MAX_BYTES ?? DEFAULT_UPLOAD_MAX_BYTES,
    jsonMaxBytes: e.KOLMAP_JSON_MAX_BYTES ?? DEFAULT_JSON_MAX_BYTES,
    jsonMaxDepth: e.KOLMAP_JSON_MAX_DEPTH ?? DEFAULT_JSON_MAX_DEPTH,
    inputLimits: {
      maxBytes: e.KOLMAP_MAX_FILE_BYTES ?? DEFAULT_SERVER_INPUT_LIMITS.maxBytes,
      maxLineLength: e.KOLMAP_MAX_LINE_LENGTH ?? DEFAULT_SERVER_INPUT_LIMITS.maxLineLength,
      maxRecords: e.KOLMAP_MAX_RECORDS ?? DEFAULT_SERVER_INPUT_LIMITS.maxRecords,
    },
    syncMaxBytes: e.KOLMAP_SYNC_MAX_BYTES ?? DEFAULT_SYNC_MAX_BYTES,
    jobMemoryMb: e.KOLMAP_JOB_MEMORY_MB ?? defaultJobMemoryMb(),
    rateLimitPerMinute: e.KOLMAP_RATE_LIMIT ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    corsOrigins: e.KOLMAP_CORS_ORIGINS ?? [],
    viewerDir: e.KOLMAP_VIEWER_DIR ?? null,
    demo: e.KOLMAP_DEMO !== 'false',
    pseudonymKey: e.KOLMAP_PSEUDONYM_KEY ?? null,
    logLevel: e.LOG_LEVEL ?? 'info',
  };
}

function storeConfig(e: z.output<typeof envSchema>): StoreConfig {
  if (e.NEO4J_URI !== undefined) {
    return {
      kind: 'neo4j',
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER ?? 'neo4j',
      ...(e.NEO4J_PASSWORD === undefined ? {} : { password: e.NEO4J_PASSWORD }),
      database: e.NEO4J_DATABASE ?? 'neo4j',
    };
  }
  return { kind: 'embedded', dataDir: e.KOLMAP_DATA_DIR ?? DEFAULT_DATA_DIR };
}
