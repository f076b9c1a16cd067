// Streams a text file (gunzipped when its name ends in .gz) as batches of lines, with throttled
// progress reports; the file is never held whole in memory.
import type { LoadProgress } from './options.js';
import { readTextChunks } from './read-text-chunks.js';

/** Bytes read between two progress reports. */
export const PROGRESS_STEP_BYTES = 1 << 20;

/**
 * The lines of a file in batches (one per chunk read), without their `\n` or `\r\n` ends. The
 * lines come in order, the first batch starting at line 1. Stopping early closes the file.
 *
 * @param file - path of the file; `.gz` files are gunzipped on the fly.
 * @param onProgress - called with the bytes read from disk (compressed bytes for `.gz`) about
 *   every {@link PROGRESS_STEP_BYTES} and when the whole file is read. Default: none.
 * @throws UnreadableInputError when the file cannot be read or is not valid gzip.
 */
export async function* readLineBatches(
  file: string,
  onProgress?: (progress: LoadProgress) => void,
): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of readTextChunks(file, onProgress && throttled(onProgress))) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    yield lines.map(withoutCarriageReturn);
  }
  if (rest !== '') yield [withoutCarriageReturn(rest)];
}

/**
 * A progress callback that passes a report on only when {@link PROGRESS_STEP_BYTES} more were
 * read since the last one, or when the file is read to its end (once).
 */
export function throttled(
  onProgress: (progress: LoadProgress) => void,
): (progress: LoadProgress) => void {
  let reported = -1;
  return (progress) => {
    const atEnd = progress.bytesRead >= progress.bytesTotal;
    const due = progress.bytesRead - Math.max(reported, 0) >= PROGRESS_STEP_BYTES;
    if (reported === progress.bytesRead || (!due && !atEnd)) return;
    reported = progress.bytesRead;
    onProgress(progress);
  };
}

function withoutCarriageReturn(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}
