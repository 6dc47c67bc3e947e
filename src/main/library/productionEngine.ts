// Production wiring of the injected engine: the real probe and job runner (src/main/video, src/main/pipeline).
// Loaded lazily by the doors so tests that inject fakes never load tfjs.
// A clip may also be a keypoint CSV (as `lopsided analyse` takes, issue 14: sessions filed from lab or other pose
// tools' keypoints in the app too): ffprobe refuses it, so the probe looks at its first line, and the runner
// analyses the series instead of running pose.
import { open } from 'node:fs/promises';
import { analyseKeypointCsv } from '../pipeline/analyseKeypointCsv';
import { retitleJobReport, runAnalysisJob } from '../pipeline/jobRunner';
import { writeJobOutputs } from '../pipeline/writeJobOutputs';
import { probeVideo } from '../video/probeVideo';
import type { JobRunner, ProbeFn, ReportRetitler } from './jobTypes';

/** A keypoint CSV's header starts with time_s or a keypoint's _x column (keypointCsv.ts). */
async function looksLikeKeypointCsv(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => null);
  if (fh === null) return false;
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    return /^\uFEFF?(time_s|[a-z_]+_x),/.test(buf.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await fh.close();
  }
}

export const productionProbe: ProbeFn = async (path) => {
  if (await looksLikeKeypointCsv(path)) return (await analyseKeypointCsv(path, { view: 'auto' })).info;
  return probeVideo(path);
};

export const productionRunner: JobRunner = async (input, ctx) => {
  if (input.info.codec !== 'keypoint-csv') return runAnalysisJob(input, ctx);
  ctx.onProgress({ stage: 'analysis', done: 0, total: 1 });
  const out = await analyseKeypointCsv(input.videoPath, {
    view: input.options.view,
    ...(input.options.beltSpeedMps !== undefined ? { beltSpeedMps: input.options.beltSpeedMps } : {}),
    ...(input.options.horizonDeg !== undefined ? { horizonDeg: input.options.horizonDeg } : {}),
    ...(input.options.pxPerCm !== undefined ? { pxPerCm: input.options.pxPerCm } : {}),
  });
  ctx.onProgress({ stage: 'report', done: 0, total: 1 });
  await writeJobOutputs(input.outDir, out, { pdf: true, signal: ctx.signal });
  return { result: out.result, track: out.track };
};

export const productionRetitler: ReportRetitler = retitleJobReport;
