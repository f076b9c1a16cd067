// The version of @kolmap/core, recorded in every map it computes.
import { createRequire } from 'node:module';

/** From package.json (one level above both src/ and dist/). */
export const KOLMAP_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
