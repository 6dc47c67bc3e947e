// A session's own files beside its clips' folders: report.json (the merged result), steps.csv (each side's steps
// from the clip where it was near) and report.pdf, staged and renamed together like a single clip's.
import { join } from 'node:path';
import type { AnalysisResult } from '../../shared/contract';
import { formatStepsCsv } from '../../analysis/resultCsv';
import { renderReportPdf } from '../report/writeReportPdf';
import { ensureWritableDir } from './outputDir';
import { StagedFiles } from './stagedFiles';
import { toReportJson, type WriteOutputsOptions } from './writeJobOutputs';

export async function writeSessionOutputs(dir: string, result: AnalysisResult, opts: Omit<WriteOutputsOptions, 'videoPath'>): Promise<string[]> {
  const abs = await ensureWritableDir(dir);
  const files = new StagedFiles(opts.signal);
  try {
    await files.add(join(abs, 'report.json'), toReportJson(result));
    await files.add(join(abs, 'steps.csv'), formatStepsCsv(result));
    if (opts.pdf) {
      // key frames belong to one video each: they are in each clip's own report.pdf
      const bytes = await renderReportPdf(result, {
        ...(opts.paper ? { paper: opts.paper } : {}),
        ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
      });
      await files.add(join(abs, 'report.pdf'), bytes);
    }
    return await files.commit();
  } finally {
    await files.discard();
  }
}
