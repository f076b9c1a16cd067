// Loader of kolmap JSONL: one JSON object per line whose `kind` (account|follow|post|interaction)
// names the schema it is validated against. Read as a stream, gzipped or not.

import { RECORD_KINDS, type RecordKind } from '@kolmap/model';
import type { InputLocation, InputProblem } from '../errors.js';
import type { DatasetCollector } from './dataset.js';
import type { LoadOptions } from './options.js';
import { readLineBatches } from './read-line-batches.js';
import { RecordSink } from './record-sink.js';
import { resolveLoadOptions } from './resolve-load-options.js';

/**
 * Reads a kolmap JSONL file (`.jsonl`, `.ndjson`, optionally `.gz`) into `collector`. Blank lines
 * are skipped; every other line must be a JSON object with a `kind`. A record without a `platform`
 * gets `options.platform` when one is given.
 *
 * @param options - `skipInvalid` (default false): skip bad lines and list them in
 *   `report.rejected` instead of failing; `platform` (default none); `onProgress` (default none).
 *   Other options are ignored.
 * @throws InvalidInputError with every problem found (up to 50), each naming file, line and field.
 * @throws UnreadableInputError when the file cannot be read.
 */
export async function loadJsonl(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  const resolved = resolveLoadOptions(options);
  const sink = new RecordSink(collector, resolved);
  let line = 0;
  reading: for await (const lines of readLineBatches(file, resolved.onProgress, resolved.limits)) {
    for (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      const at = { file, line };
      const parsed = parseLine(text, at);
      if (Array.isArray(parsed)) sink.reject(parsed);
      else sink.accept(parsed.kind, parsed.value, at);
      if (sink.full) break reading;
    }
  }
  sink.finish();
}

interface ParsedLine {
  kind: RecordKind;
  value: Record<string, unknown>;
}

/** The object on a line and its kind, or the problems that keep it from being a record. */
function parseLine(text: string, at: InputLocation): ParsedLine | InputProblem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ ...at, message: `invalid JSON (${(error as Error).message})` }];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ ...at, message: 'expected a JSON object' }];
  }
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (!RECORD_KINDS.includes(kind as RecordKind)) {
    const expected = `expected one of ${RECORD_KINDS.join('|')}`;
    const message =
      kind === undefined ? `missing; ${expected}` : `${expected}, got ${JSON.stringify(kind)}`;
    return [{ ...at, field: 'kind', message }];
  }
  return { kind: kind as RecordKind, value: record };
}
