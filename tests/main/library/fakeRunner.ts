// A deterministic stand-in for analyseVideo + writeJobOutputs (src/main/job) used by the job, server and
// e2e tests: it follows the video's real frame times, draws a plausible runner, reports progress per stage,
// honours the AbortSignal, and writes the same files the real runner writes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisResult, GaitEvent, PoseTrack, VideoInfo } from '../../../src/shared/contract';
import type { JobRunContext, JobRunInput, JobRunner, JobRunOutput } from '../../../src/main/library/jobTypes';

const NAMES = ['nose', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle', 'left_heel', 'right_heel',
  'left_foot_index', 'right_foot_index'];

export function fakeTrack(info: VideoInfo): PoseTrack {
  const n = Math.max(2, Math.round(info.durationSec * info.avgFps));
  const timesSec = Array.from({ length: n }, (_, i) => i / info.avgFps);
  const keypoints: PoseTrack['keypoints'] = {};
  const cx = info.width / 2;
  const h = info.height;
  for (const name of NAMES) {
    const side = name.startsWith('left') ? 1 : name.startsWith('right') ? -1 : 0;
    const level = name === 'nose' ? 0.2 : name.includes('shoulder') ? 0.3 : name.includes('elbow') ? 0.42 : name.includes('wrist') ? 0.5
      : name.includes('hip') ? 0.55 : name.includes('knee') ? 0.7 : 0.85;
    const swing = level > 0.6 ? 0.08 * h : level > 0.35 ? 0.03 * h : 0;
    const x = timesSec.map((t) => cx + side * swing * Math.sin(2 * Math.PI * 1.4 * t) + (name.includes('foot') ? 0.03 * h : 0));
    const y = timesSec.map(() => level * h + (name.includes('heel') ? 0.01 * h : 0));
    // a gap, as real tracks have, so consumers must handle NaN
    if (name === 'left_wrist' && n > 3) { x[1] = Number.NaN; y[1] = Number.NaN; }
    keypoints[name] = { x, y, score: timesSec.map(() => 0.9) };
  }
  return { timesSec, width: info.width, height: info.height, keypoints, source: { kind: 'pose-model', model: 'fake', backend: 'none' } };
}

export function fakeResult(info: VideoInfo): AnalysisResult {
  const events: GaitEvent[] = [];
  const stepSec = 1 / 2.8;
  for (let k = 0, t = 0.2; t < info.durationSec - 0.3; k++, t += stepSec) {
    const side = k % 2 === 0 ? 'left' : 'right';
    events.push({ side, type: 'footStrike', timeSec: t, frame: Math.round(t * info.avgFps) });
    events.push({ side, type: 'toeOff', timeSec: t + 0.25, frame: Math.round((t + 0.25) * info.avgFps) });
  }
  const left = [250, 255, 248, 252];
  const right = [270, 268, 275, 272];
  return {
    schemaVersion: 1,
    video: { path: info.path, fps: info.avgFps, durationSec: info.durationSec, width: info.width, height: info.height },
    view: 'side',
    cadenceSpm: 168,
    events,
    metrics: {
      contactTimeMs: { unit: 'ms', left: 251, right: 271, symmetryIndexPct: -7.7, differenceCi95: [-26, -14], perStep: { left, right } },
      kneeFlexionAtStrikeDeg: { unit: 'deg', left: 18, right: 17, symmetryIndexPct: 5.7, differenceCi95: [-1, 3], perStep: { left: [18, 18], right: [17, 17] } },
    },
    flags: [
      { id: 'contactTimeMs', metricId: 'contactTimeMs', level: 'watch', message: 'Right foot stays on the belt 20 ms longer than the left (95% interval 14 to 26 ms).' },
      { id: 'kneeFlexionAtStrikeDeg', metricId: 'kneeFlexionAtStrikeDeg', level: 'normal', message: 'Knee bend at foot strike is similar on both sides.' },
    ],
    quality: { framesWithPose: Math.round(info.durationSec * info.avgFps), framesTotal: Math.round(info.durationSec * info.avgFps), warnings: ['Fake runner: numbers are not measured.'] },
    verdict: ['Right contact is longer than left (fake runner).'],
    app: { name: 'lopsided', version: 'test' },
  };
}

export interface FakeRunnerOptions {
  /** Resolves when the runner may finish (lets a test hold a job in 'running'). */
  gate?: Promise<void>;
  /** Throw this instead of finishing. */
  failWith?: unknown;
  pdf?: boolean;
  calls?: JobRunInput[];
}

export function createFakeRunner(opts: FakeRunnerOptions = {}): JobRunner {
  return async (input: JobRunInput, ctx: JobRunContext): Promise<JobRunOutput> => {
    opts.calls?.push(input);
    const total = Math.max(2, Math.round(input.info.durationSec * input.info.avgFps));
    ctx.onProgress({ stage: 'decode', done: 0, total });
    ctx.onProgress({ stage: 'pose', done: Math.floor(total / 2), total, framesPerSec: 30, etaSec: 1 });
    await Promise.race([
      opts.gate ?? Promise.resolve(),
      new Promise<void>((_, reject) => {
        if (ctx.signal.aborted) reject(abortError());
        ctx.signal.addEventListener('abort', () => reject(abortError()), { once: true });
      }),
    ]);
    if (opts.failWith !== undefined) throw opts.failWith;
    ctx.onProgress({ stage: 'analysis', done: 1, total: 1 });
    const result = fakeResult(input.info);
    const track = fakeTrack(input.info);
    await writeFile(join(input.outDir, 'report.json'), JSON.stringify(result));
    await writeFile(join(input.outDir, 'events.csv'), 'side,type,time_s\n' + result.events.map((e) => `${e.side},${e.type},${e.timeSec}`).join('\n') + '\n');
    await writeFile(join(input.outDir, 'steps.csv'), 'side,strike_time_s\n');
    await writeFile(join(input.outDir, 'keypoints.csv'), 'time_s\n' + track.timesSec.join('\n') + '\n');
    if (opts.pdf === true) await writeFile(join(input.outDir, 'report.pdf'), '%PDF-1.4\n%fake\n');
    return { result, track };
  };
}

function abortError(): Error {
  const e = new Error('Cancelled.');
  e.name = 'AbortError';
  return e;
}

export const FAKE_INFO: VideoInfo = {
  path: '/fake.mp4', durationSec: 4, avgFps: 30, realFps: 30, frameCount: 120, width: 640, height: 360,
  codedWidth: 640, codedHeight: 360, rotationDeg: 0, codec: 'h264', variableFrameRate: false,
};

export function createFakeProbe(info: VideoInfo = FAKE_INFO): (path: string) => Promise<VideoInfo> {
  return async (path: string) => {
    const { open } = await import('node:fs/promises');
    const fh = await open(path, 'r');
    const buf = Buffer.alloc(12);
    await fh.read(buf, 0, 12, 0).finally(() => fh.close());
    const head = buf.toString('latin1');
    // the fake accepts what looks like an MP4 (an 'ftyp' box) and rejects the rest, as ffprobe would
    if (!head.includes('ftyp')) throw Object.assign(new Error('This file is not a video Lopsided can read.'), { code: 'NOT_A_VIDEO' });
    return { ...info, path };
  };
}
