// Session rows (issue 14): a session, its clips, their files' hashes and its merged metrics are written in one
// transaction, so a crash leaves the whole session or none of it. Reading a runner's sessions and the metric rows
// of their progress are one indexed query each.
import { randomUUID } from 'node:crypto';
import type { MetricId } from '../../analysis/types';
import type { SessionMetricsInput } from '../../analysis/progress/buildProgress';
import type { ClipRole } from '../../shared/contract';
import type { ClipSummary, SessionMeta, SessionSummary } from '../../shared/library';
import { LibraryError } from './libraryErrors';
import type { LibraryDb } from './openLibraryDb';

export interface FileHash { name: string; sha256: string; bytes: number }

export interface ClipRecord {
  role: ClipRole | null;
  analysisId: string;
  clipName: string;
  files: FileHash[];
}

export interface MetricRecord {
  metricId: MetricId;
  unit: string;
  left: number | null;
  right: number | null;
  differenceCi95: [number, number] | null;
}

export interface NewSession {
  /** Chosen by the caller when the session's files are written before its rows (their folder is named by it). */
  sessionId?: string;
  runnerId: string | null;
  meta: SessionMeta;
  clips: ClipRecord[];
  metrics: MetricRecord[];
  reportSha256: string | null;
  createdAtIso?: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Clips in the order a session is filmed and read: left side, right side, rear. */
const ROLE_ORDER = "CASE c.role WHEN 'leftSide' THEN 0 WHEN 'rightSide' THEN 1 WHEN 'rear' THEN 2 ELSE 3 END";

export function checkSessionMeta(meta: SessionMeta): void {
  if (!DATE_RE.test(meta.date) || Number.isNaN(Date.parse(`${meta.date}T00:00:00Z`))) {
    throw new LibraryError('BAD_ARGUMENT', `The date ${meta.date} is not a day written YYYY-MM-DD.`);
  }
  const p = meta.painScore;
  if (p != null && !(Number.isInteger(p) && p >= 0 && p <= 10)) throw new LibraryError('BAD_ARGUMENT', `A pain/effort score is a whole number from 0 to 10, not ${p}.`);
  if (meta.speedMps != null && !(Number.isFinite(meta.speedMps) && meta.speedMps > 0)) throw new LibraryError('BAD_ARGUMENT', 'The treadmill speed must be above 0.');
  if (meta.inclinePct != null && !(Number.isFinite(meta.inclinePct) && Math.abs(meta.inclinePct) <= 40)) throw new LibraryError('BAD_ARGUMENT', 'The incline is a percentage between −40 and 40.');
}

/** The session's own row (no transaction of its own: call inside one). */
export function insertSessionRow(db: LibraryDb, sessionId: string, runnerId: string | null, m: SessionMeta, reportSha256: string | null, createdAtIso: string): void {
  db.prepare(`INSERT INTO sessions (id, runner_id, date, name, speed_mps, incline_pct, shoes, note, pain_score, report_sha256, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(sessionId, runnerId, m.date, m.name ?? null, m.speedMps ?? null, m.inclinePct ?? null,
    m.shoes ?? null, m.note ?? null, m.painScore ?? null, reportSha256, createdAtIso);
}

/** The session's metric rows (no transaction of its own: call inside one). */
export function insertMetricRows(db: LibraryDb, sessionId: string, metrics: readonly MetricRecord[]): void {
  const addMetric = db.prepare(`INSERT INTO session_metrics (session_id, metric_id, unit, left_value, right_value, ci_low, ci_high)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const x of metrics) addMetric.run(sessionId, x.metricId, x.unit, x.left, x.right, x.differenceCi95?.[0] ?? null, x.differenceCi95?.[1] ?? null);
}

/** A clip row with its file hashes (no transaction of its own: call inside one). */
export function insertClipRow(db: LibraryDb, sessionId: string, c: ClipRecord, createdAtIso: string): void {
  const clipId = randomUUID();
  db.prepare('INSERT INTO clips (id, session_id, role, analysis_id, clip_name, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(clipId, sessionId, c.role, c.analysisId, c.clipName, createdAtIso);
  const addFile = db.prepare('INSERT INTO clip_files (clip_id, name, sha256, bytes) VALUES (?, ?, ?, ?)');
  for (const f of c.files) addFile.run(clipId, f.name, f.sha256, f.bytes);
}

/** Inserts the session with its clips, file hashes and metrics in one transaction; returns its id. */
export function insertSession(db: LibraryDb, s: NewSession): string {
  checkSessionMeta(s.meta);
  const sessionId = s.sessionId ?? randomUUID();
  const now = s.createdAtIso ?? new Date().toISOString();
  db.transaction(() => {
    insertSessionRow(db, sessionId, s.runnerId, s.meta, s.reportSha256, now);
    for (const c of s.clips) insertClipRow(db, sessionId, c, now);
    insertMetricRows(db, sessionId, s.metrics);
  }).immediate();
  return sessionId;
}

interface SessionRow {
  id: string; runner_id: string | null; date: string; name: string | null; speed_mps: number | null; incline_pct: number | null;
  shoes: string | null; note: string | null; pain_score: number | null;
}
interface ClipRow { id: string; session_id: string; role: ClipRole | null; analysis_id: string; clip_name: string }

/** Sessions of a runner (null: the Unassigned ones) by date, each with its clips. */
export function listSessions(db: LibraryDb, runnerId: string | null): SessionSummary[] {
  const rows = (runnerId === null
    ? db.prepare('SELECT * FROM sessions WHERE runner_id IS NULL ORDER BY date, created_at').all()
    : db.prepare('SELECT * FROM sessions WHERE runner_id = ? ORDER BY date, created_at').all(runnerId)) as SessionRow[];
  const clips = (runnerId === null
    ? db.prepare(`SELECT c.* FROM clips c JOIN sessions s ON s.id = c.session_id WHERE s.runner_id IS NULL ORDER BY ${ROLE_ORDER}`).all()
    : db.prepare(`SELECT c.* FROM clips c JOIN sessions s ON s.id = c.session_id WHERE s.runner_id = ? ORDER BY ${ROLE_ORDER}`).all(runnerId)) as ClipRow[];
  const bySession = new Map<string, ClipSummary[]>();
  for (const c of clips) {
    const list = bySession.get(c.session_id) ?? [];
    list.push({ clipId: c.id, role: c.role, analysisId: c.analysis_id, clipName: c.clip_name });
    bySession.set(c.session_id, list);
  }
  return rows.map((r) => toSession(r, bySession.get(r.id) ?? []));
}

export function getSession(db: LibraryDb, sessionId: string): SessionSummary {
  const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as SessionRow | undefined;
  if (!row) throw new LibraryError('SESSION_NOT_FOUND', 'No such session; it may have been deleted.');
  const clips = db.prepare(`SELECT * FROM clips c WHERE session_id = ? ORDER BY ${ROLE_ORDER}`).all(sessionId) as ClipRow[];
  return toSession(row, clips.map((c) => ({ clipId: c.id, role: c.role, analysisId: c.analysis_id, clipName: c.clip_name })));
}

function toSession(r: SessionRow, clips: ClipSummary[]): SessionSummary {
  return {
    sessionId: r.id, runnerId: r.runner_id, date: r.date, name: r.name, speedMps: r.speed_mps, inclinePct: r.incline_pct,
    shoes: r.shoes, note: r.note, painScore: r.pain_score, clips,
  };
}

interface MetricRow { session_id: string; date: string; name: string | null; metric_id: MetricId; unit: string; left_value: number | null; right_value: number | null; ci_low: number | null; ci_high: number | null }

/** Every session of the runner with its metric rows, as buildProgress takes them. */
export function sessionMetrics(db: LibraryDb, runnerId: string): SessionMetricsInput[] {
  const sessions = db.prepare('SELECT id, date, name FROM sessions WHERE runner_id = ? ORDER BY date, created_at').all(runnerId) as { id: string; date: string; name: string | null }[];
  const rows = db.prepare(`SELECT m.* FROM session_metrics m JOIN sessions s ON s.id = m.session_id WHERE s.runner_id = ?`).all(runnerId) as MetricRow[];
  const byId = new Map<string, SessionMetricsInput>(sessions.map((s) => [s.id, { sessionId: s.id, date: s.date, name: s.name, metrics: {} }]));
  for (const r of rows) {
    const s = byId.get(r.session_id);
    if (!s) continue;
    s.metrics[r.metric_id] = {
      unit: r.unit, left: r.left_value, right: r.right_value,
      differenceCi95: r.ci_low !== null && r.ci_high !== null ? [r.ci_low, r.ci_high] : null,
    };
  }
  return [...byId.values()];
}

/** Removes one session of the runner and (by cascade) its clips; returns the analyses whose files go too. */
export function deleteSessionRows(db: LibraryDb, runnerId: string, sessionId: string): { analysisIds: string[] } {
  return db.transaction(() => {
    const owner = db.prepare('SELECT runner_id FROM sessions WHERE id = ?').pluck().get(sessionId) as string | null | undefined;
    // a session of another runner (or Unassigned) is not this runner's to delete: the same error as a missing one
    if (owner !== runnerId) throw new LibraryError('SESSION_NOT_FOUND', 'No such session of this runner; it may have been deleted.');
    const analysisIds = db.prepare('SELECT analysis_id FROM clips WHERE session_id = ?').pluck().all(sessionId) as string[];
    db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
    return { analysisIds };
  }).immediate();
}

/** The runner's session an analysis is filed in, or null while it is Unassigned (or not filed at all). */
export function runnerSessionOf(db: LibraryDb, analysisId: string): { runnerName: string; date: string; name: string | null } | null {
  const row = db.prepare(`SELECT r.name AS runnerName, s.date AS date, s.name AS name FROM clips c
    JOIN sessions s ON s.id = c.session_id JOIN runners r ON r.id = s.runner_id WHERE c.analysis_id = ?`).get(analysisId) as
    { runnerName: string; date: string; name: string | null } | undefined;
  return row ?? null;
}

/** Analyses in a session of some runner (not Unassigned). */
export function analysesOfRunners(db: LibraryDb): string[] {
  return db.prepare('SELECT c.analysis_id FROM clips c JOIN sessions s ON s.id = c.session_id WHERE s.runner_id IS NOT NULL').pluck().all() as string[];
}

/** Analyses already filed in some session (the job-store import skips them). */
export function filedAnalysisIds(db: LibraryDb): Set<string> {
  return new Set(db.prepare('SELECT analysis_id FROM clips').pluck().all() as string[]);
}
