// analyseVideo's orchestration with the pose and pelvis stations replaced by stand-ins
// (real ones are exercised in analyseVideo.test.ts and the CLI tests): rear view runs the
// pelvis tracker; its failure becomes a warning; 'off' and side view skip it. Side view runs the foot-motion stage
// (issue 11); its failure is a warning too, and the rear view skips it.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import type { JobProgress, PoseTrack, VideoInfo } from '../../../src/shared/contract';

const rearTrack = (): PoseTrack => parseKeypointCsv(readFileSync('fixtures/rbds/RBDS008_T35/keypoints_rear_60fps.csv', 'utf8'), { name: 'rear.csv', width: 1920, height: 1080 });
const sideTrack = (): PoseTrack => parseKeypointCsv(readFileSync('fixtures/rbds/RBDS008_T35/keypoints_side_60fps.csv', 'utf8'), { name: 'side.csv', width: 1920, height: 1080 });

const pose = vi.hoisted(() => ({ track: null as PoseTrack | null, models: [] as string[], decoderDeaths: 0 }));
const pelvis = vi.hoisted(() => ({ calls: 0, mode: 'marks' as 'marks' | 'fail' }));
const feet = vi.hoisted(() => ({ calls: 0, mode: 'ok' as 'ok' | 'fail' }));

vi.mock('../../../src/main/pose/estimatePoseTrack', () => ({
  estimatePoseTrack: async (_info: VideoInfo, opts: { model: string; onProgress?: (p: JobProgress) => void }) => {
    pose.models.push(opts.model);
    if (pose.decoderDeaths > 0) {
      pose.decoderDeaths--;
      throw Object.assign(new Error('Decoding clip.mp4 failed: ffmpeg was killed (signal 9).'), { code: 'DECODE_FAILED' });
    }
    opts.onProgress?.({ stage: 'pose', done: 1, total: 1 });
    return pose.track;
  },
}));
vi.mock('../../../src/main/pelvis/trackPelvis', () => ({
  trackPelvis: async (_info: VideoInfo, track: PoseTrack) => {
    pelvis.calls++;
    if (pelvis.mode === 'fail') throw Object.assign(new Error('no marks found'), { code: 'PELVIS_NOT_FOUND' });
    return { ...track, keypoints: { ...track.keypoints, left_pelvis_mark: track.keypoints.left_hip!, right_pelvis_mark: track.keypoints.right_hip! } };
  },
}));

vi.mock('../../../src/main/footMotion/trackFootMotion', () => ({
  trackFootMotion: async (_info: VideoInfo, track: PoseTrack) => {
    feet.calls++;
    if (feet.mode === 'fail') throw Object.assign(new Error('the pixel worker crashed: boom'), { code: 'PIXEL_WORKER_CRASHED' });
    const none = () => ({ dxPx: track.timesSec.map(() => NaN), dyPx: track.timesSec.map(() => NaN), ncc: track.timesSec.map(() => NaN) });
    return { ...track, footMotion: { left: { heel: none(), toe: none() }, right: { heel: none(), toe: none() }, patchWidthPx: 30, msPerFrame: 1 } };
  },
}));

const { analyseVideo } = await import('../../../src/main/pipeline/analyseVideo');

function infoFor(track: PoseTrack): VideoInfo {
  const n = track.timesSec.length;
  return {
    path: '/virtual/clip.mp4', durationSec: n / 60, avgFps: 60, realFps: 60, frameCount: n, width: 1920, height: 1080,
    codedWidth: 1920, codedHeight: 1080, rotationDeg: 0, codec: 'h264', variableFrameRate: false,
  };
}

beforeEach(() => {
  pelvis.calls = 0;
  feet.calls = 0;
  feet.mode = 'ok';
  pose.models = [];
});

describe('analyseVideo flow', () => {
  it('rear view (auto-detected) runs the pelvis tracker', async () => {
    pose.track = rearTrack();
    pelvis.mode = 'marks';
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'auto' }, { info: infoFor(pose.track) });
    expect(pelvis.calls).toBe(1);
    expect(out.result.view).toBe('rear');
    expect(out.track.keypoints.right_pelvis_mark).toBeDefined();
  });

  it('pelvis marks returned are in the track handed to analysis', async () => {
    pose.track = rearTrack();
    pelvis.mode = 'marks';
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'rear', pelvisMarks: 'auto' }, { info: infoFor(pose.track) });
    expect(pelvis.calls).toBe(1);
    expect(out.track.keypoints.left_pelvis_mark).toBeDefined();
    expect(out.result.quality.warnings.some((w) => /could not be tracked/.test(w))).toBe(false);
  });

  it('a failing tracker is a warning naming why', async () => {
    pose.track = rearTrack();
    pelvis.mode = 'fail';
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'rear' }, { info: infoFor(pose.track) });
    expect(out.result.quality.warnings.some((w) => /could not be tracked \(no marks found\)/.test(w))).toBe(true);
  });

  it('side view and pelvisMarks off skip it', async () => {
    pose.track = sideTrack();
    await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'auto' }, { info: infoFor(pose.track) });
    pose.track = rearTrack();
    await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'rear', pelvisMarks: 'off' }, { info: infoFor(pose.track) });
    expect(pelvis.calls).toBe(0);
  });

  it('side view runs the foot-motion stage and hands its series to analysis; its failure is a warning; rear view skips it', async () => {
    pose.track = sideTrack();
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'auto' }, { info: infoFor(pose.track) });
    expect(feet.calls).toBe(1);
    expect(out.track.footMotion).toBeDefined();
    // measured but empty (no match): the evidence fields are there, with too few pixel events to say anything
    expect(out.result.timing?.evidence.left.footStrike.pixelOffsetSec).toBeNull();
    feet.mode = 'fail';
    const failed = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side' }, { info: infoFor(pose.track) });
    expect(failed.result.quality.warnings).toContain('The feet\'s own motion could not be read from the video (the pixel worker crashed: boom): each foot\'s timing was checked without it.');
    expect(failed.result.timing?.evidence.left.footStrike.pixelOffsetSec).toBeUndefined();
    feet.calls = 0;
    pose.track = rearTrack();
    await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'auto' }, { info: infoFor(pose.track) });
    expect(feet.calls).toBe(0);
  });

  it('model auto: a look with full, then heavy for a side clip and full for a rear clip, named in the progress', async () => {
    // rear: the look's frames are kept and only the parts before and after it are estimated, with the same model
    for (const [make, want, says] of [[sideTrack, ['heavy'], /Side view: BlazePose heavy/], [rearTrack, ['full', 'full'], /Rear view: BlazePose full/]] as const) {
      pose.track = make();
      pose.models = [];
      const progress: JobProgress[] = [];
      await analyseVideo('/virtual/clip.mp4', { model: 'auto', view: 'auto', pelvisMarks: 'off' }, { info: infoFor(pose.track), onProgress: (p) => progress.push(p) });
      expect(pose.models).toEqual(['full', ...want]);
      expect(progress.filter((p) => p.stage === 'pose').at(-1)?.message).toMatch(says);
    }
    pose.models = [];
    pose.track = sideTrack();
    await analyseVideo('/virtual/clip.mp4', { model: 'auto', view: 'side' }, { info: infoFor(pose.track) });
    expect(pose.models).toEqual(['heavy']); // a view the user set needs no look
  });

  it('passes the belt speed through: step length appears', async () => {
    pose.track = sideTrack();
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side', beltSpeedMps: 3.5 }, { info: infoFor(pose.track) });
    expect(out.result.metrics.stepLengthCm).toBeDefined();
    const noBelt = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side' }, { info: infoFor(pose.track) });
    expect(noBelt.result.metrics.stepLengthCm).toBeUndefined();
  });
});

describe('frames the decoder could not read (issue 15)', () => {
  const FIXTURE_CLIP = 'fixtures/videos/treadmill_side_30fps.mp4';
  const realTrack = (): PoseTrack => parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', 'utf8'), { name: 'side.csv', width: 720, height: 1280 });
  const realInfo = (n: number): VideoInfo => ({
    path: FIXTURE_CLIP, durationSec: n / 30, avgFps: 30, realFps: 30, frameCount: n, width: 720, height: 1280,
    codedWidth: 720, codedHeight: 1280, rotationDeg: 0, codec: 'h264', variableFrameRate: false,
  });

  it('are counted and placed in a quality warning', async () => {
    const full = realTrack();
    const drop = (i: number) => i >= 100 && i < 110; // 3.33–3.63 s lost
    const keep = full.timesSec.map((_, i) => !drop(i));
    const pick = <T>(a: T[]) => a.filter((_, i) => keep[i]);
    pose.track = {
      ...full,
      timesSec: pick(full.timesSec),
      keypoints: Object.fromEntries(Object.entries(full.keypoints).map(([k, s]) => [k, { x: pick(s.x), y: pick(s.y), score: pick(s.score) }])),
    };
    const out = await analyseVideo(FIXTURE_CLIP, { model: 'full', view: 'side' }, { info: realInfo(full.timesSec.length) });
    expect(out.result.quality.warnings).toContain(
      '10 frames of 360 (2.8%) could not be decoded and were left out, at 3.33–3.63 s: events there are missing or interpolated. Re-export or re-record the clip if that matters.');
    // the hole stays a hole: the track and the report count every frame of the clip, 10 of them without a pose,
    // and no event is placed inside it
    expect(out.track.timesSec).toHaveLength(360);
    expect(out.result.quality.framesTotal).toBe(360);
    expect(out.result.quality.framesWithPose).toBeLessThanOrEqual(350);
    expect(out.result.events.filter((e) => e.timeSec > 3.34 && e.timeSec < 3.62)).toEqual([]);
  });

  it('say nothing when every frame was decoded', async () => {
    pose.track = realTrack();
    const out = await analyseVideo(FIXTURE_CLIP, { model: 'full', view: 'side' }, { info: realInfo(pose.track.timesSec.length) });
    expect(out.result.quality.warnings.some((w) => /could not be decoded/.test(w))).toBe(false);
  });
});

describe('two people in view (issue 15)', () => {
  it('a track whose hips jump to a second place for a while carries a quality warning; one runner does not', async () => {
    const one = sideTrack();
    pose.track = one;
    const alone = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side' }, { info: infoFor(one) });
    expect(alone.result.quality.warnings.some((w) => /Two people/.test(w))).toBe(false);
    const away = (i: number) => i >= 300 && i < 420; // 5.00–6.98 s at 60 fps: the model followed someone else
    pose.track = {
      ...one,
      keypoints: Object.fromEntries(Object.entries(one.keypoints).map(([k, s]) => [k, { ...s, x: s.x.map((x, i) => (away(i) ? x + 700 : x)) }])),
    };
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side' }, { info: infoFor(pose.track) });
    const warning = out.result.quality.warnings.find((w) => /Two people/.test(w));
    expect(warning).toMatch(/jumped 2 times to a second place and stayed there for 120 of \d+ frames .*at 5\.00–6\.98 s\. Measures from those frames may be someone else's/);
  });
});

describe('a decoder that dies (issue 15)', () => {
  it('is retried once, and the result says it happened', async () => {
    pose.track = sideTrack();
    pose.decoderDeaths = 1;
    const out = await analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side' }, { info: infoFor(pose.track) });
    expect(pose.models).toEqual(['full', 'full']);
    expect(out.result.quality.warnings).toContain('The video decoder (ffmpeg) stopped once and the pose stage was run again (Decoding clip.mp4 failed: ffmpeg was killed (signal 9)).');
  });

  it('failing twice is the error, naming the decoder', async () => {
    pose.track = sideTrack();
    pose.decoderDeaths = 2;
    await expect(analyseVideo('/virtual/clip.mp4', { model: 'full', view: 'side' }, { info: infoFor(pose.track) })).rejects.toMatchObject({
      code: 'DECODE_FAILED', message: expect.stringMatching(/^The video decoder \(ffmpeg\) failed twice, so the pose stage could not finish: Decoding clip\.mp4 failed/),
    });
    expect(pose.models).toEqual(['full', 'full']);
  });
});
