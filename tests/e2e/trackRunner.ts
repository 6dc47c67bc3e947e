// A job runner for the e2e tests that runs the REAL analysis and writes the REAL report files, on a stored BlazePose
// heavy track of the clip instead of a pose run (fixtures/posetracks: minutes of pose on 2 shared cores saved): what
// the event-correction test needs is a true analysis of the true clip, fast.
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { analysisOptionsOf } from '../../src/shared/analysisOptions';
import type { JobRunner } from '../../src/main/library/jobTypes';
import { readKeypointCsv } from '../../src/main/pipeline/analyseKeypointCsv';
import { appInfo } from '../../src/main/pipeline/appInfo';
import { writeJobOutputs } from '../../src/main/pipeline/writeJobOutputs';

export function createTrackRunner(trackCsv: string): JobRunner {
  return async (input, ctx) => {
    ctx.onProgress({ stage: 'analysis', done: 0, total: 1 });
    const { info } = input;
    const track = await readKeypointCsv(trackCsv, trackCsv, { name: input.videoPath, width: info.width, height: info.height });
    const result = analyseTrack(track, analysisOptionsOf(input.options),
      { path: input.videoPath, fps: info.avgFps, durationSec: info.durationSec, width: info.width, height: info.height }, appInfo());
    ctx.onProgress({ stage: 'report', done: 0, total: 1 });
    await writeJobOutputs(input.outDir, { info, track, result }, { pdf: true, videoPath: input.videoPath, signal: ctx.signal });
    return { result, track };
  };
}
