// Progress on stderr for long work, shown only when stderr is a terminal.
import { basename } from 'node:path';
import type { AnalysisProgress, LoadProgress } from '@kolmap/core';

export interface Progress {
  loading: (progress: LoadProgress) => void;
  /** The progress runAnalysis reports: files read, then each stage (the layout's with its percent). */
  analysis: (progress: AnalysisProgress) => void;
  stage: (message: string) => void;
  done: () => void;
}

const SILENT: Progress = {
  loading: () => undefined,
  analysis: () => undefined,
  stage: () => undefined,
  done: () => undefined,
};

/** What the line says at each stage of an analysis. */
const STAGE_MESSAGES: Partial<Record<AnalysisProgress['stage'], string>> = {
  building: 'building the graph',
  listening: 'listening',
};

/** A progress reporter writing one refreshed line to stderr, or a silent one when not on a terminal. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let shown = false;
  const show = (line: string) => {
    stream.write(`\r\x1b[2K${line}`);
    shown = true;
  };
  const loading = ({ file, bytesRead, bytesTotal }: LoadProgress) => {
    const share = bytesTotal > 0 ? Math.min(100, Math.round((100 * bytesRead) / bytesTotal)) : 0;
    show(
      `reading ${basename(file)}  ${share}%  ${megabytes(bytesRead)} / ${megabytes(bytesTotal)}`,
    );
  };
  return {
    loading,
    analysis: ({ stage, file, done, total }) => {
      if (stage === 'loading') {
        if (file !== undefined) loading({ file, bytesRead: done ?? 0, bytesTotal: total ?? 0 });
        return;
      }
      const share = done !== undefined && total ? `  ${Math.round((100 * done) / total)}%` : '';
      show(`${STAGE_MESSAGES[stage] ?? `analysing: ${stage}`}${share}`);
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
