// Events corrected by hand, saved with the analysis (issue 13). The first save keeps the detected result as
// report.detected.json beside report.json; each save recomputes the analysis from the given events (the same pure
// function the page runs: analyseWithEvents.ts) and rewrites report.json, events.csv, steps.csv and report.pdf, so
// every export carries the corrections. Revert puts the detected result back and forgets report.detected.json.
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareRecompute } from '../../analysis/analyseWithEvents';
import { reviveTrackNaN } from '../../shared/api';
import { analysisOptionsOf } from '../../shared/analysisOptions';
import type { AnalysisResult, GaitEvent, PoseTrack } from '../../shared/contract';
import { pdfNames } from '../pipeline/pdfNames';
import { writeJobOutputs } from '../pipeline/writeJobOutputs';
import { namesOf } from './jobManager';
import { readMeasurements } from './measurementsFile';
import type { JobRecord } from './jobTypes';
import { writeFileAtomic } from './writeFileAtomic';

export const DETECTED_REPORT = 'report.detected.json';

type Recompute = (events: readonly GaitEvent[]) => AnalysisResult;

export interface EventEditor {
  /** Saves the given events (null: back to the detected ones); resolves with the result now on disk. */
  save(job: JobRecord, dir: string, events: readonly GaitEvent[] | null): Promise<AnalysisResult>;
  forget(jobId: string): void;
}

const exists = (path: string): Promise<boolean> => stat(path).then((s) => s.isFile(), () => false);

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

export function createEventEditor(): EventEditor {
  // the track is prepared once per job (findGaitEvents), then each save only assembles the result; the few jobs
  // edited last are kept (a prepared 2-hour track is large), the oldest dropped first
  const prepared = new Map<string, Recompute>();
  const keepPrepared = 3;
  // saves of one job run one after another: the last one the page sent is the one on disk
  const queue = new Map<string, Promise<unknown>>();

  async function saveNow(job: JobRecord, dir: string, events: readonly GaitEvent[] | null): Promise<AnalysisResult> {
    const detectedPath = join(dir, DETECTED_REPORT);
    const reportPath = join(dir, 'report.json');
    const hasDetected = await exists(detectedPath);
    if (events === null && !hasDetected) return readJson<AnalysisResult>(reportPath); // nothing to revert
    const track = reviveTrackNaN(await readJson<PoseTrack>(join(dir, 'track.json')));
    const detected = await readJson<AnalysisResult>(hasDetected ? detectedPath : reportPath);
    let result: AnalysisResult;
    if (events === null) {
      result = detected;
    } else {
      let recompute = prepared.get(job.jobId);
      if (recompute === undefined) recompute = prepareRecompute(track, analysisOptionsOf(job.options), detected);
      prepared.delete(job.jobId);
      prepared.set(job.jobId, recompute); // now the most recent
      for (const id of prepared.keys()) if (prepared.size > keepPrepared) prepared.delete(id);
      result = recompute(events); // bad events throw here, before any file changes
      if (!hasDetected) await writeFileAtomic(detectedPath, await readFile(reportPath));
    }
    // the PDF keeps its names and the clinician's pinned measurements (as a rename's re-render does)
    const measurements = await readMeasurements(dir);
    await writeJobOutputs(dir, { info: job.info, track, result }, { pdf: true, videoPath: job.videoPath, measurements, ...pdfNames(job.videoName, namesOf(job)) });
    if (events === null) await rm(detectedPath, { force: true });
    return result;
  }

  return {
    save(job, dir, events) {
      const before = queue.get(job.jobId) ?? Promise.resolve();
      const run = before.catch(() => undefined).then(() => saveNow(job, dir, events));
      queue.set(job.jobId, run);
      void run.finally(() => { if (queue.get(job.jobId) === run) queue.delete(job.jobId); }).catch(() => undefined);
      return run;
    },
    forget(jobId) {
      prepared.delete(jobId);
    },
  };
}
