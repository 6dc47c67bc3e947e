// Runner rows (issue 14): add, list with a name search, find by name or id, merge two, delete. Names are unique
// without case (name_key), so "Anna" and "anna " are one runner and the CLI can name a runner by name.
import { randomUUID } from 'node:crypto';
import type { RunnerInput, RunnerSummary } from '../../shared/library';
import { LibraryError } from './libraryErrors';
import type { LibraryDb } from './openLibraryDb';

interface RunnerRow {
  id: string; name: string; birth_year: number | null; height_cm: number | null; leg_length_cm: number | null;
  notes: string | null; session_count: number; last_date: string | null;
}

const SUMMARY_SQL = `
  SELECT r.id, r.name, r.birth_year, r.height_cm, r.leg_length_cm, r.notes,
         (SELECT count(*) FROM sessions s WHERE s.runner_id = r.id) AS session_count,
         (SELECT max(s.date) FROM sessions s WHERE s.runner_id = r.id) AS last_date
  FROM runners r`;

export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

function toSummary(r: RunnerRow): RunnerSummary {
  return {
    runnerId: r.id, name: r.name, birthYear: r.birth_year, heightCm: r.height_cm, legLengthCm: r.leg_length_cm,
    notes: r.notes, sessionCount: r.session_count, lastSessionDate: r.last_date,
  };
}

export function checkRunnerInput(input: RunnerInput): void {
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new LibraryError('BAD_ARGUMENT', 'A runner needs a name (up to 200 characters).');
  const year = input.birthYear;
  if (year != null && (!Number.isInteger(year) || year < 1900 || year > 2100)) throw new LibraryError('BAD_ARGUMENT', `Birth year ${year} is not a year between 1900 and 2100.`);
  for (const [what, v] of [['Height', input.heightCm], ['Leg length', input.legLengthCm]] as const) {
    if (v != null && !(Number.isFinite(v) && v > 0 && v < 300)) throw new LibraryError('BAD_ARGUMENT', `${what} ${v} cm is not a length in centimetres between 0 and 300.`);
  }
}

export function addRunner(db: LibraryDb, input: RunnerInput): RunnerSummary {
  checkRunnerInput(input);
  const id = randomUUID();
  const key = nameKey(input.name);
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM runners WHERE name_key = ?').get(key)) {
      throw new LibraryError('RUNNER_EXISTS', `There is already a runner called ${input.name.trim()}.`);
    }
    db.prepare(`INSERT INTO runners (id, name, name_key, birth_year, height_cm, leg_length_cm, notes, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.name.trim(), key, input.birthYear ?? null, input.heightCm ?? null,
      input.legLengthCm ?? null, input.notes ?? null, new Date().toISOString());
  }).immediate();
  return getRunner(db, id);
}

/** All runners by name; `search` keeps those whose name contains it, without case. */
export function listRunners(db: LibraryDb, search?: string): RunnerSummary[] {
  if (search !== undefined && search.trim() !== '') {
    const like = `%${nameKey(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (db.prepare(`${SUMMARY_SQL} WHERE r.name_key LIKE ? ESCAPE '\\' ORDER BY r.name_key`).all(like) as RunnerRow[]).map(toSummary);
  }
  return (db.prepare(`${SUMMARY_SQL} ORDER BY r.name_key`).all() as RunnerRow[]).map(toSummary);
}

export function getRunner(db: LibraryDb, runnerId: string): RunnerSummary {
  const row = db.prepare(`${SUMMARY_SQL} WHERE r.id = ?`).get(runnerId) as RunnerRow | undefined;
  if (!row) throw new LibraryError('RUNNER_NOT_FOUND', 'No such runner; they may have been deleted.');
  return toSummary(row);
}

/** A runner by exact name (without case) or id, as the CLI's --runner takes it. */
export function findRunner(db: LibraryDb, nameOrId: string): RunnerSummary {
  const row = db.prepare(`${SUMMARY_SQL} WHERE r.name_key = ? OR r.id = ?`).get(nameKey(nameOrId), nameOrId) as RunnerRow | undefined;
  if (!row) {
    const close = listRunners(db, nameOrId).slice(0, 5).map((r) => r.name);
    throw new LibraryError('RUNNER_NOT_FOUND', `No runner called ${nameOrId}${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}; add one with lopsided runner add.`);
  }
  return toSummary(row);
}

/** The sessions of `goneId` move to `keepId`, then `goneId` is removed: one transaction, nothing lost. */
export function mergeRunners(db: LibraryDb, keepId: string, goneId: string): RunnerSummary {
  if (keepId === goneId) throw new LibraryError('BAD_ARGUMENT', 'A runner cannot be merged with themselves.');
  db.transaction(() => {
    getRunner(db, keepId);
    getRunner(db, goneId);
    db.prepare('UPDATE sessions SET runner_id = ? WHERE runner_id = ?').run(keepId, goneId);
    db.prepare('DELETE FROM runners WHERE id = ?').run(goneId);
  }).immediate();
  return getRunner(db, keepId);
}

/** Removes the runner and (by cascade) their sessions and clips; returns the analyses and sessions whose files go too. */
export function deleteRunnerRows(db: LibraryDb, runnerId: string): { analysisIds: string[]; sessionIds: string[] } {
  return db.transaction(() => {
    getRunner(db, runnerId);
    const sessionIds = (db.prepare('SELECT id FROM sessions WHERE runner_id = ?').pluck().all(runnerId) as string[]);
    const analysisIds = (db.prepare('SELECT c.analysis_id FROM clips c JOIN sessions s ON s.id = c.session_id WHERE s.runner_id = ?').pluck().all(runnerId) as string[]);
    db.prepare('DELETE FROM runners WHERE id = ?').run(runnerId);
    return { analysisIds, sessionIds };
  }).immediate();
}
