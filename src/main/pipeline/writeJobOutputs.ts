// The job's files (issue 3/5): report.json (NaN → null), keypoints.csv, events.csv,
// steps.csv and report.pdf, all staged and renamed together (stagedFiles.ts).
import { join } from 'node:path';
import type { FrameMeasurement } from '../../shared/api';
import { keypointCsvLines } from '../../analysis/keypointCsv';
import { formatEventsCsv, formatStepsCsv } from '../../analysis/resultCsv';
import { renderReportPdf } from '../report/writeReportPdf';
import type { JobOutput } from './analyseVideo';
import { ensureWritableDir } from './outputDir';
import { StagedFiles } from './stagedFiles';

/** Every file a job may write into its folder. */
export const JOB_OUTPUT_FILES = ['report.json', 'keypoints.csv', 'events.csv', 'steps.csv', 'report.pdf'] as const;

export interface WriteOutputsOptions {
  pdf: boolean;
  paper?: 'A4' | 'LETTER';
  runnerName?: string;
  sessionName?: string;
  /** The clip's name as the user knows it (the app stores a copy named clip.mp4). */
  clipName?: string;
  /** The analysed video for the PDF's key frames; absent (CSV input) → no key frames. */
  videoPath?: string;
  /** The measuring tools' drawings; the pinned ones become extra key frames in the PDF (issue 13). */
  measurements?: readonly FrameMeasurement[];
  signal?: AbortSignal;
}

/** JSON with NaN/±Infinity as null (JSON.stringify does this too; explicit so the intent is visible). */
export function toReportJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

export async function writeJobOutputs(dir: string, output: JobOutput, opts: WriteOutputsOptions): Promise<string[]> {
  const abs = await ensureWritableDir(dir);
  const files = new StagedFiles(opts.signal);
  try {
    await files.add(join(abs, 'report.json'), toReportJson(output.result));
    await files.add(join(abs, 'keypoints.csv'), keypointCsvLines(output.track));
    await files.add(join(abs, 'events.csv'), formatEventsCsv(output.result));
    await files.add(join(abs, 'steps.csv'), formatStepsCsv(output.result));
    if (opts.pdf) {
      const bytes = await renderReportPdf(output.result, {
        track: output.track,
        ...(opts.videoPath ? { videoPath: opts.videoPath } : {}),
        ...(opts.paper ? { paper: opts.paper } : {}),
        ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
        ...(opts.sessionName ? { sessionName: opts.sessionName } : {}),
        ...(opts.clipName ? { clipName: opts.clipName } : {}),
        ...(opts.measurements ? { measurements: opts.measurements } : {}),
      });
      await files.add(join(abs, 'report.pdf'), bytes);
    } else {
      // a PDF of an earlier run would no longer match the new report.json
      files.removeOnCommit(join(abs, 'report.pdf'));
    }
    return await files.commit();
  } finally {
    await files.discard();
  }
}
