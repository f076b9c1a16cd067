// Streams a text file (gunzipped when its name ends in .gz) as batches of lines, with throttled
// progress reports; the file is never held whole in memory, and each character is split once (a
// line spread over many chunks is joined once, when its end comes), so long lines cost linear time.
import { InputLimitError } from '../errors.js';
import type { InputLimits } from './input-limits.js';
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
 * @param limits - `maxBytes` of the file once decompressed and `maxLineLength` characters per line.
 *   Default: none.
 * @throws UnreadableInputError when the file cannot be read or is not valid gzip.
 * @throws InputLimitError when the file or one of its lines is longer than its limit (the line
 *   named), as soon as it is.
 */
export async function* readLineBatches(
  file: string,
  onProgress?: (progress: LoadProgress) => void,
  limits: Partial<Pick<InputLimits, 'maxBytes' | 'maxLineLength'>> = {},
): AsyncGenerator<string[]> {
  const maxLineLength = limits.maxLineLength ?? Number.POSITIVE_INFINITY;
  /** Pieces of the line not ended yet, and their length. */
  let open: string[] = [];
  let openLength = 0;
  let lineNumber = 1;
  const tooLong = (): never => {
    throw new InputLimitError(
      'maxLineLength',
      maxLineLength,
      { file, line: lineNumber },
      'the line is longer than allowed',
    );
  };
  for await (const chunk of readTextChunks(
    file,
    onProgress && throttled(onProgress),
    limits.maxBytes,
  )) {
    const pieces = chunk.split('\n');
    const last = pieces.pop() as string;
    if (pieces.length > 0) {
      const lines = new Array<string>(pieces.length);
      for (let i = 0; i < pieces.length; i++) {
        let line = pieces[i] as string;
        if (i === 0 && open.length > 0) {
          openLength += line.length;
          if (openLength > maxLineLength) tooLong();
          open.push(line);
          line = open.join('');
          open = [];
          openLength = 0;
        } else if (line.length > maxLineLength) {
          tooLong();
        }
        lines[i] = withoutCarriageReturn(line);
        lineNumber++;
      }
      yield lines;
    }
    if (last !== '') {
      openLength += last.length;
      if (openLength > maxLineLength) tooLong();
      open.push(last);
    }
  }
  if (open.length > 0) yield [withoutCarriageReturn(open.join(''))];
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
