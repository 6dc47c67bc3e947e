// Writes progress to stderr: a redrawn bar on a TTY, a plain line every few seconds
// (and at each stage change) otherwise, nothing with --quiet.
import type { JobProgress } from '../../shared/contract';
import { formatProgressLine, formatProgressPlain } from './progressLine';

export interface ProgressReporter {
  update(p: JobProgress): void;
  /** Clears the bar (before printing results or an error). */
  done(): void;
}

export interface ReporterOptions {
  quiet: boolean;
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines of one stage. */
  plainEverySec?: number;
}

export function createProgressReporter(opts: ReporterOptions): ProgressReporter {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet) return { update: () => undefined, done: () => undefined };
  if (stream.isTTY) {
    let drawn = false;
    let last = 0;
    return {
      update(p) {
        const now = Date.now();
        if (now - last < 80 && p.done !== p.total) return;
        last = now;
        // A pty without a size (script, some CI consoles) reports 0 columns: assume 80.
        const cols = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
        const width = Math.max(20, cols - 1);
        stream.write(`\r\x1b[2K${formatProgressLine(p, width)}`);
        drawn = true;
      },
      done() {
        if (drawn) stream.write('\r\x1b[2K');
        drawn = false;
      },
    };
  }
  const every = (opts.plainEverySec ?? 3) * 1000;
  let lastStage = '';
  let last = 0;
  let lastLine = '';
  return {
    update(p) {
      const now = Date.now();
      const finished = p.total !== null && p.done >= p.total;
      if (p.stage === lastStage && now - last < every && !finished) return;
      const line = formatProgressPlain(p);
      if (line === lastLine) return;
      lastStage = p.stage;
      last = now;
      lastLine = line;
      stream.write(`${line}\n`);
    },
    done: () => undefined,
  };
}
