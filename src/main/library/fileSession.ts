// Files a session (issue 14): each clip's analysis is written as an analysis folder (the job store's layout, so the
// app opens it like any analysis), the clips are merged into one verdict (mergeSession: each side from the clip where
// it was near), the session's report is written, and only then the rows go in, in one transaction. A crash before
// the commit leaves folders no row points to and no session; after it, the whole session. Never half a session.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeSession } from '../../analysis/mergeSession';
import type { AnalysisResult } from '../../analysis/types';
import type { AnalyseVideoOptions } from '../../shared/contract';
import type { SessionMeta, SessionSummary } from '../../shared/library';
import type { JobOutput } from '../pipeline/analyseVideo';
import { writeJobOutputs } from '../pipeline/writeJobOutputs';
import { writeSessionOutputs } from '../pipeline/writeSessionOutputs';
import { hashFiles } from './fileHashes';
import { ANALYSIS_FILES, SESSION_FILES, type Library } from './library';
import { EXPORT_KINDS, newId } from './jobStore';
import type { JobRecord } from './jobTypes';
import { getSession, insertSession, type MetricRecord } from './sessionRecords';
import { writeJsonAtomic } from './writeFileAtomic';

export type SessionResult = ReturnType<typeof mergeSession>;

export interface AnalysedClip {
  /** The clip's file name, as the user knows it. */
  name: string;
  /** Where the clip is (referenced, never copied or touched). */
  sourcePath: string;
  output: JobOutput;
  /** A keypoint CSV: no video, so no key frames in its PDF. */
  csv: boolean;
  options: AnalyseVideoOptions;
}

export interface FileSessionOptions {
  pdf: boolean;
  paper?: 'A4' | 'LETTER';
  runnerName?: string;
  signal?: AbortSignal;
}

/** The metric rows the library keeps of a result (its left/right means and the interval of left − right). */
export function metricsOf(result: AnalysisResult): MetricRecord[] {
  return Object.entries(result.metrics).map(([metricId, m]) => ({
    metricId: metricId as MetricRecord['metricId'], unit: m.unit, left: m.left, right: m.right, differenceCi95: m.differenceCi95,
  }));
}

export async function fileSession(lib: Library, runnerId: string | null, meta: SessionMeta, clips: readonly AnalysedClip[], opts: FileSessionOptions): Promise<{ session: SessionSummary; result: SessionResult }> {
  const merged = mergeSession(clips.map((c) => ({ name: c.name, result: c.output.result })));
  const sessionId = newId();
  const written: string[] = [];
  try {
    const records = [];
    for (const c of clips) {
      const analysisId = newId();
      const dir = lib.analysisDir(analysisId);
      written.push(dir);
      await mkdir(dir, { recursive: true });
      await writeJobOutputs(dir, c.output, {
        pdf: opts.pdf, ...(opts.signal ? { signal: opts.signal } : {}), ...(c.csv ? {} : { videoPath: c.sourcePath }),
        ...(opts.paper ? { paper: opts.paper } : {}), ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
      });
      await writeJsonAtomic(join(dir, 'track.json'), c.output.track);
      const files = await hashFiles(dir, ANALYSIS_FILES);
      const now = new Date().toISOString();
      const job: JobRecord = {
        schemaVersion: 1, jobId: analysisId, videoId: newId(), videoName: c.name, videoPath: c.sourcePath, createdAtIso: now,
        status: 'done', options: c.options, info: c.output.info, progress: null, error: null,
        exports: EXPORT_KINDS.filter((k) => files.some((f) => f.name === k)), finishedAtIso: now,
      };
      await writeJsonAtomic(join(dir, 'job.json'), job);
      const role = merged.session.clips.find((x) => x.name === c.name)?.role ?? null;
      records.push({ role, analysisId, clipName: c.name, files });
    }
    const sessionDir = lib.sessionDir(sessionId);
    written.push(sessionDir);
    await writeSessionOutputs(sessionDir, merged, {
      pdf: opts.pdf, ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.paper ? { paper: opts.paper } : {}), ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
    });
    const report = (await hashFiles(sessionDir, SESSION_FILES)).find((f) => f.name === 'report.json');
    insertSession(lib.db, { sessionId, runnerId, meta, clips: records, metrics: metricsOf(merged), reportSha256: report?.sha256 ?? null });
    return { session: getSession(lib.db, sessionId), result: merged };
  } catch (e) {
    for (const dir of written) await rm(dir, { recursive: true, force: true }); // nothing filed: nothing left behind
    throw e;
  }
}
