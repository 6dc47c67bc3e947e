// An analysis whose report.json changed after it was filed (its events corrected by hand, issue 13) is read again by
// every session that holds it: the session's metrics (what the progress page and `lopsided progress` show), its
// report hash and the clip's file hashes follow in one transaction, and a session with its own merged report
// (filed from one to three clips) is merged again and that report rewritten. Without this the progress would keep
// the numbers of the events before the correction, and the hashes would call the corrected files damaged.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeSession } from '../../analysis/mergeSession';
import type { AnalysisResult } from '../../shared/contract';
import { writeSessionOutputs } from '../pipeline/writeSessionOutputs';
import { hashFiles } from './fileHashes';
import { metricsOf } from './fileSession';
import { ANALYSIS_FILES, SESSION_FILES, type Library } from './library';
import { insertMetricRows } from './sessionRecords';

interface ClipRef { id: string; analysis_id: string; clip_name: string }

async function readResult(lib: Library, analysisId: string): Promise<AnalysisResult> {
  return JSON.parse(await readFile(join(lib.analysisDir(analysisId), 'report.json'), 'utf8')) as AnalysisResult;
}

export async function refreshAnalysis(lib: Library, analysisId: string): Promise<number> {
  const db = lib.db;
  const sessionIds = db.prepare('SELECT DISTINCT session_id FROM clips WHERE analysis_id = ?').pluck().all(analysisId) as string[];
  const files = await hashFiles(lib.analysisDir(analysisId), ANALYSIS_FILES);
  for (const sessionId of sessionIds) {
    const clips = db.prepare('SELECT id, analysis_id, clip_name FROM clips WHERE session_id = ?').all(sessionId) as ClipRef[];
    const sessionDir = lib.sessionDir(sessionId);
    let metricsSource: AnalysisResult;
    let reportSha256: string | null;
    if (existsSync(join(sessionDir, 'report.json'))) {
      const inputs = [];
      for (const c of clips) inputs.push({ name: c.clip_name, result: await readResult(lib, c.analysis_id) });
      const merged = mergeSession(inputs);
      await writeSessionOutputs(sessionDir, merged, { pdf: existsSync(join(sessionDir, 'report.pdf')) });
      metricsSource = merged;
      reportSha256 = (await hashFiles(sessionDir, SESSION_FILES)).find((f) => f.name === 'report.json')?.sha256 ?? null;
    } else {
      // an Unassigned session of one analysis (importJobStore.ts): its metrics are the analysis's own
      metricsSource = await readResult(lib, analysisId);
      reportSha256 = files.find((f) => f.name === 'report.json')?.sha256 ?? null;
    }
    const clipId = clips.find((c) => c.analysis_id === analysisId)?.id;
    db.transaction(() => {
      db.prepare('DELETE FROM session_metrics WHERE session_id = ?').run(sessionId);
      insertMetricRows(db, sessionId, metricsOf(metricsSource));
      db.prepare('UPDATE sessions SET report_sha256 = ? WHERE id = ?').run(reportSha256, sessionId);
      if (clipId !== undefined) {
        db.prepare('DELETE FROM clip_files WHERE clip_id = ?').run(clipId);
        const add = db.prepare('INSERT INTO clip_files (clip_id, name, sha256, bytes) VALUES (?, ?, ?, ?)');
        for (const f of files) add.run(clipId, f.name, f.sha256, f.bytes);
      }
    }).immediate();
  }
  return sessionIds.length;
}
