// The pose station's entry point (design.md station 2): a pool of pose workers, one contiguous
// time chunk each, results merged in time order into a PoseTrack.
import { availableParallelism } from 'node:os';
import type { JobProgress, PoseModelName, PoseTrack, VideoInfo } from '../../shared/contract';
import { computeScaledSize } from '../video/ffmpegArgs';
import { buildPoseTrack } from './buildPoseTrack';
import { modelFilesFor, modelsDir } from './modelFiles';
import { poseWorkerPath } from './packagePaths';
import { planChunks } from './planChunks';
import { poseAbortError } from './poseErrors';
import { runPoseWorker, type WorkerRun } from './runPoseWorker';
import type { PoseRuntimePreference } from './createPoseEstimator';
import type { BackendPreference } from './tfBackend';

export interface EstimatePoseOptions {
  model: PoseModelName;
  /** Worker threads; default: available cores. Short clips use fewer (planChunks). */
  workers?: number;
  longSide?: number;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** Frames decoded before each chunk and discarded so the ROI tracker settles (default 5). */
  warmupFrames?: number;
  backend?: BackendPreference;
  /** Landmark model runtime (issue 12): 'auto' (default) = ONNX Runtime when it loads, else TF.js. */
  runtime?: PoseRuntimePreference;
  modelsDir?: string;
  /** Only frames before this presentation time (tests and previews); default: the whole clip. */
  endSec?: number;
  /** Only frames from this presentation time on (the rest of a clip whose start was already estimated); default 0. */
  startSec?: number;
  /** Override of the worker bundle (tests use a crashing stand-in). */
  workerPath?: string;
}

const MODEL_LABEL: Record<PoseModelName, string> = {
  lite: 'BlazePose lite',
  full: 'BlazePose full',
  heavy: 'BlazePose heavy',
  'movenet-lightning': 'MoveNet SinglePose Lightning',
  'movenet-thunder': 'MoveNet SinglePose Thunder',
};

export async function estimatePoseTrack(info: VideoInfo, opts: EstimatePoseOptions): Promise<PoseTrack> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw poseAbortError();
  const dir = opts.modelsDir ?? modelsDir();
  modelFilesFor(opts.model, dir); // MODELS_MISSING before any thread starts
  const workerPath = opts.workerPath ?? poseWorkerPath();
  const fps = info.avgFps > 0 ? info.avgFps : info.realFps;
  const endSec = opts.endSec !== undefined && opts.endSec > 0 ? opts.endSec : Infinity;
  const startSec = opts.startSec !== undefined && opts.startSec > 0 && fps > 0 ? opts.startSec : 0;
  const skipped = Math.min(info.frameCount, Math.round(startSec * fps));
  const total = (Number.isFinite(endSec) && fps > 0 ? Math.min(info.frameCount, Math.ceil(endSec * fps)) : info.frameCount) - skipped;
  const chunks = planChunks(total, fps, opts.workers ?? availableParallelism()).map((c) => ({
    startSec: startSec + c.startSec,
    endSec: Math.min(startSec + c.endSec, endSec),
  }));
  const warmupSec = (opts.warmupFrames ?? 5) / (fps > 0 ? fps : 30);
  const longSide = opts.longSide ?? 640;

  let done = 0;
  let lastReport = 0;
  // The rate is counted from the first finished frame, not from the start: worker start-up and
  // model loading (1–3 s, more under load) would otherwise make the first ETAs far too long and
  // then shrink faster than real time (issue 12: "the ETA steady from the first seconds").
  let firstFrameAt = 0;
  let runtimeLabel: string | undefined;
  const report = (force: boolean) => {
    if (!onProgress) return;
    const now = Date.now();
    if (done > 0 && firstFrameAt === 0) firstFrameAt = now;
    if (!force && now - lastReport < 200) return;
    lastReport = now;
    const secs = (now - firstFrameAt) / 1000;
    const p: JobProgress = { stage: 'pose', done, total, ...(runtimeLabel ? { message: runtimeLabel } : {}) };
    if (done > 1 && secs > 0.5) {
      p.framesPerSec = (done - 1) / secs; // frames after the first, over the time since it
      p.etaSec = Math.max(0, (total - done) / p.framesPerSec);
    }
    onProgress(p);
  };
  report(true);

  const runs: WorkerRun[] = chunks.map((c) => {
    let framesThisTry = 0;
    const start = (): WorkerRun =>
      runPoseWorker(
        workerPath,
        { type: 'init', model: opts.model, modelsDir: dir, backend: opts.backend ?? 'auto', runtime: opts.runtime ?? 'auto' },
        { type: 'chunk', info, longSide, startSec: c.startSec, endSec: c.endSec, warmupSec: c.startSec > 0 ? warmupSec : 0 },
        () => {
          framesThisTry++;
          done++;
          report(false);
        },
        (label) => {
          runtimeLabel ??= label;
        },
      );
    return withOneRetry(start, () => {
      done -= framesThisTry;
      framesThisTry = 0;
    });
  });
  const cancelAll = () => runs.forEach((r) => r.cancel());
  signal?.addEventListener('abort', cancelAll, { once: true });
  try {
    // The first failure cancels the others; allSettled then waits until every thread has ended.
    runs.forEach((r) => r.result.catch(cancelAll));
    const settled = await Promise.allSettled(runs.map((r) => r.result));
    if (signal?.aborted) throw poseAbortError();
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && s.reason?.code !== 'ABORTED');
    if (failed) throw failed.reason;
    const aborted = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (aborted) throw aborted.reason;
    const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<WorkerRun['result']>>).value);
    const first = results[0];
    if (!first) throw poseAbortError();
    report(true);
    return buildPoseTrack(first.keypointNames, results.flatMap((r) => r.frames), {
      width: info.width,
      height: info.height,
      model: MODEL_LABEL[opts.model],
      backend: first.backendDescription,
      decodedLongSidePx: decodedLongSidePx(info, longSide),
    });
  } finally {
    signal?.removeEventListener('abort', cancelAll);
  }
}

/** Long side (px) of the frames the workers decode (computeScaledSize: never upscaled). */
function decodedLongSidePx(info: VideoInfo, longSide: number): number {
  const size = computeScaledSize(info.width, info.height, longSide);
  return Math.max(size.width, size.height);
}

/**
 * A chunk whose worker dies mid-way gets one fresh worker before the job fails: once, under heavy load
 * (load average 16 on 2 cores), a worker exited with code 0 before finishing and the cause was not found.
 * A second crash is reported as POSE_WORKER_CRASHED, so a worker that always crashes still fails clearly.
 */
function withOneRetry(start: () => WorkerRun, beforeRetry: () => void): WorkerRun {
  let current = start();
  let cancelled = false;
  const result = current.result.catch((err: unknown) => {
    if (cancelled || (err as { code?: unknown })?.code !== 'POSE_WORKER_CRASHED') throw err;
    beforeRetry();
    current = start();
    return current.result;
  });
  return {
    result,
    cancel(): void {
      cancelled = true;
      current.cancel();
    },
  };
}

/** How many frames of a track have a pose at all (for "no person in view" messages). */
export function countFramesWithPose(track: PoseTrack): number {
  const series = Object.values(track.keypoints);
  return track.timesSec.filter((_, i) => series.some((s) => Number.isFinite(s.x[i]))).length;
}
