// One clear line per failure and the exit code (issue 2): 2 for bad usage or bad input
// (the user can fix it), 1 for anything else, 130 after Ctrl-C, 143 after SIGTERM.

export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Codes that mean "your input or arguments are wrong" (exit 2). */
const INPUT_CODES = new Set([
  'USAGE', 'FILE_NOT_FOUND', 'IS_DIRECTORY', 'EMPTY_FILE', 'NOT_READABLE', 'NOT_A_VIDEO', 'NO_VIDEO_STREAM',
  'STILL_IMAGE', 'TRUNCATED', 'NO_PERSON', 'OUTPUT_NOT_WRITABLE', 'OUTPUT_IS_INPUT', 'OUTPUT_EXISTS', 'INPUT_NOT_UTF8', 'BAD_BELT_SPEED', 'CSV_EMPTY', 'CSV_BAD_HEADER',
  'CSV_NO_TIME', 'CSV_BAD_ROW', 'CSV_BAD_NUMBER', 'CSV_TIME_NOT_INCREASING', 'TRACK_INVALID', 'RUNNER_NOT_UPRIGHT', 'REPORT_NOT_JSON',
  'REPORT_SCHEMA_VERSION', 'REPORT_INVALID', 'MODELS_MISSING', 'EVENTS_CSV_BAD_HEADER', 'EVENTS_CSV_BAD_ROW', 'EVENTS_INVALID',
  // the runner library (src/main/library/libraryErrors.ts)
  'RUNNER_NOT_FOUND', 'RUNNER_EXISTS', 'SESSION_NOT_FOUND', 'BAD_ARGUMENT', 'BAD_ARCHIVE', 'LIBRARY_TOO_NEW', 'LIBRARY_DAMAGED',
]);

export const EXIT_CANCELLED = 130;
/** After SIGTERM (128 + 15): a service manager or `kill` stopped the run. */
export const EXIT_TERMINATED = 143;

export function exitCodeFor(e: unknown): number {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ABORTED') return EXIT_CANCELLED;
  return typeof code === 'string' && INPUT_CODES.has(code) ? 2 : 1;
}

/** The one line printed for an error: `lopsided: <message>` (+ stack with --debug). */
export function formatCliError(e: unknown, debug: boolean): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  let line = `lopsided: ${msg.replace(/\s+$/, '')}`;
  if (debug) {
    if (typeof code === 'string') line += ` [${code}]`;
    const detail = (e as { detail?: unknown } | null)?.detail;
    if (typeof detail === 'string' && detail) line += `\n${detail}`;
    if (e instanceof Error && e.stack) line += `\n${e.stack}`;
  }
  return line;
}
