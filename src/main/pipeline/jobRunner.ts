// The production JobRunner for the job manager (src/main/library, server and Electron doors):
// analyseVideo + writeJobOutputs into the job's folder, PDF included.
import type { JobRunner } from '../library/jobTypes';
import { analyseVideo } from './analyseVideo';
import { writeJobOutputs } from './writeJobOutputs';

export const runAnalysisJob: JobRunner = async (input, ctx) => {
  const out = await analyseVideo(input.videoPath, input.options, { signal: ctx.signal, onProgress: ctx.onProgress, info: input.info });
  ctx.onProgress({ stage: 'report', done: 0, total: 1 });
  await writeJobOutputs(input.outDir, out, { pdf: true, videoPath: input.videoPath, signal: ctx.signal });
  ctx.onProgress({ stage: 'report', done: 1, total: 1 });
  return { result: out.result, track: out.track };
};
