// What every command gets from main.ts: the cancel signal (Ctrl-C), progress and output.
import type { ProgressReporter } from './progressReporter';

export interface CliContext {
  signal: AbortSignal;
  progress: ProgressReporter;
  quiet: boolean;
  /** Results for the user (stdout). */
  out: (text: string) => void;
  /** Notes (stderr), suppressed by --quiet. */
  note: (text: string) => void;
}
