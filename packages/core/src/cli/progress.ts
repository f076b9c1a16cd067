// Progress on stderr for long work, shown only when stderr is a terminal.
import { basename } from 'node:path';
import type { LoadProgress } from '../load/options.js';

export interface Progress {
  loading: (progress: LoadProgress) => void;
  stage: (message: string) => void;
  done: () => void;
}

const SILENT: Progress = {
  loading: () => undefined,
  stage: () => undefined,
  done: () => undefined,
};

/** A progress reporter writing one refreshed line to stderr, or a silent one when not on a terminal. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let shown = false;
  const show = (line: string) => {
    stream.write(`\r\x1b[2K${line}`);
    shown = true;
  };
  return {
    loading: ({ file, bytesRead, bytesTotal }) => {
      const share = bytesTotal > 0 ? Math.min(100, Math.round((100 * bytesRead) / bytesTotal)) : 0;
      show(
        `reading ${basename(file)}  ${share}%  ${megabytes(bytesRead)} / ${megabytes(bytesTotal)}`,
      );
    },
    stage: (message) => show(message),
    done: () => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
