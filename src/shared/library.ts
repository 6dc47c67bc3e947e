// The runner library as both front doors and the CLI show it (issue 14): runners, their sessions of up to three
// clips, and progress over time. Paths never cross to the page: a clip is named, its analysis referenced by id.
import type { ClipRole } from './contract';
import type { ProgressReport } from '../analysis/progress/buildProgress';

export { CHANGE_WORDS, compareSessions, type ChangeVerdict, type SessionChange } from '../analysis/progress/compareSessions';
export type { ProgressReport, ProgressSession, ProgressMetricValues } from '../analysis/progress/buildProgress';

export interface RunnerInput {
  name: string;
  birthYear?: number | null;
  heightCm?: number | null;
  legLengthCm?: number | null;
  notes?: string | null;
}

export interface RunnerSummary {
  runnerId: string;
  name: string;
  birthYear: number | null;
  heightCm: number | null;
  legLengthCm: number | null;
  notes: string | null;
  sessionCount: number;
  /** Date (YYYY-MM-DD) of the runner's latest session, null when none. */
  lastSessionDate: string | null;
}

/** What a session records besides its clips: the day and the set-up, and how it felt. */
export interface SessionMeta {
  /** YYYY-MM-DD */
  date: string;
  name?: string | null;
  speedMps?: number | null;
  inclinePct?: number | null;
  shoes?: string | null;
  /** Pain / effort in the runner's words. */
  note?: string | null;
  /** Pain / effort 0–10, optional. */
  painScore?: number | null;
}

export interface ClipSummary {
  clipId: string;
  /** null while unknown: an analysis that failed could not be read as a side or rear view. */
  role: ClipRole | null;
  /** The analysis (job) whose files hold this clip's results. */
  analysisId: string;
  clipName: string;
}

export interface SessionSummary extends Required<SessionMeta> {
  sessionId: string;
  /** null: an "Unassigned" session (an analysis from before the library). */
  runnerId: string | null;
  clips: ClipSummary[];
}

export interface RunnerPage {
  runner: RunnerSummary;
  sessions: SessionSummary[];
  progress: ProgressReport;
}

/** The library as the page reaches it (LopsidedApi.library: server mode src/renderer/api/httpLibraryApi.ts, Electron preloadApi.ts). */
export interface LibraryApi {
  listRunners(search?: string): Promise<RunnerSummary[]>;
  addRunner(input: RunnerInput): Promise<RunnerSummary>;
  getRunnerPage(runnerId: string): Promise<RunnerPage>;
  /** Deletes the runner with every session and file; the page asks the user first. */
  deleteRunner(runnerId: string): Promise<void>;
  /** Deletes one session of the runner with its clips' analyses and reports; the page asks the user first. */
  deleteSession(runnerId: string, sessionId: string): Promise<void>;
  /** Files up to three finished analyses (left side, right side, rear) as one session of the runner. */
  fileSession(runnerId: string, meta: SessionMeta, jobIds: readonly string[]): Promise<SessionSummary>;
  /** Analyses already in a session of some runner (the "new session" form offers the others). */
  listFiledAnalyses(): Promise<string[]>;
  /** The runner's progress report (PDF): browser, a download; Electron, a save dialog. */
  saveProgressPdf(runnerId: string): Promise<void>;
}
