// The 'auto' pose model: heavy for a side view, full for a rear view (MODEL_FOR_VIEW); a view the user set decides
// without any pose run, otherwise a few seconds from the clip's middle are looked at with the fast model. The pose run is a stand-in
// returning the RBDS projected keypoints of each view (the real pose worker is exercised in tests/main/pose).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { choosePoseModel, estimateAfterLook, VIEW_LOOK_SEC, viewLookWindow } from '../../../src/main/pipeline/choosePoseModel';
import type { EstimatePoseOptions } from '../../../src/main/pose/estimatePoseTrack';
import type { JobProgress, PoseTrack, VideoInfo } from '../../../src/shared/contract';

const track = (view: 'side' | 'rear'): PoseTrack =>
  parseKeypointCsv(readFileSync(`fixtures/rbds/RBDS008_T35/keypoints_${view}_60fps.csv`, 'utf8'), { name: `${view}.csv`, width: 1920, height: 1080 });

const info: VideoInfo = {
  path: '/virtual/clip.mp4', durationSec: 20, avgFps: 60, realFps: 60, frameCount: 1200, width: 1920, height: 1080,
  codedWidth: 1920, codedHeight: 1080, rotationDeg: 0, codec: 'h264', variableFrameRate: false,
};

function standIn(view: 'side' | 'rear') {
  const calls: EstimatePoseOptions[] = [];
  const estimate = async (_info: VideoInfo, opts: EstimatePoseOptions): Promise<PoseTrack> => {
    calls.push(opts);
    opts.onProgress?.({ stage: 'pose', done: 1, total: 1 });
    const full = track(view);
    const n = full.timesSec.findIndex((t) => t >= (opts.endSec ?? Infinity));
    const end = n < 0 ? full.timesSec.length : n;
    const begin = Math.max(0, full.timesSec.findIndex((t) => t >= (opts.startSec ?? 0)));
    const keypoints = Object.fromEntries(Object.entries(full.keypoints).map(([k, s]) =>
      [k, { x: s.x.slice(begin, end), y: s.y.slice(begin, end), score: s.score.slice(begin, end) }]));
    return { ...full, timesSec: full.timesSec.slice(begin, end), keypoints };
  };
  return { calls, estimate };
}

describe('choosePoseModel', () => {
  it('keeps a model the user chose, with no pose run', async () => {
    const s = standIn('rear');
    expect(await choosePoseModel(info, 'lite', 'auto', { estimate: s.estimate })).toBe('lite');
    expect(await choosePoseModel(info, 'heavy', 'rear', { estimate: s.estimate })).toBe('heavy');
    expect(s.calls).toHaveLength(0);
  });

  it('takes the model of a view the user set, with no pose run', async () => {
    const s = standIn('side');
    expect(await choosePoseModel(info, 'auto', 'side', { estimate: s.estimate })).toBe('heavy');
    expect(await choosePoseModel(info, 'auto', 'rear', { estimate: s.estimate })).toBe('full');
    expect(s.calls).toHaveLength(0);
  });

  it('looks at a few seconds from the middle of the clip (not its start, where the runner may still be getting on) with the fast model and picks heavy for a side view, full for a rear view', async () => {
    for (const [view, want] of [['side', 'heavy'], ['rear', 'full']] as const) {
      const s = standIn(view);
      const progress: JobProgress[] = [];
      const model = await choosePoseModel(info, 'auto', 'auto', { estimate: s.estimate, workers: 1, onProgress: (p) => progress.push(p) });
      expect(model, view).toBe(want);
      expect(s.calls).toHaveLength(1);
      expect(s.calls[0]).toMatchObject({ model: 'full', startSec: 8.5, endSec: 8.5 + VIEW_LOOK_SEC, workers: 1 });
      expect(progress[0]?.message).toMatch(/side view from a rear view/);
    }
  });
});

describe('estimateAfterLook', () => {
  it('keeps the view check\'s frames when the chosen model is the one it ran (rear: full) and estimates only the rest', async () => {
    const s = standIn('rear');
    let look: PoseTrack | undefined;
    const model = await choosePoseModel(info, 'auto', 'auto', { estimate: s.estimate, onLook: (t) => (look = t) });
    expect(model).toBe('full');
    const whole = await estimateAfterLook(info, look, { model }, s.estimate);
    // the look (8.5–11.5 s of the 20 s clip), then the part before it, then the part after it
    expect(s.calls.map((c) => [c.startSec, c.endSec])).toEqual([[8.5, 11.5], [undefined, 8.5], [11.5, undefined]]);
    const truth = track('rear');
    expect(whole.timesSec).toEqual(truth.timesSec); // every frame once, in order
    expect(whole.keypoints.left_ankle?.y).toEqual(truth.keypoints.left_ankle?.y);
  });

  it('reports the two runs around the look as one on the progress line', async () => {
    const s = standIn('rear');
    let look: PoseTrack | undefined;
    await choosePoseModel(info, 'auto', 'auto', { estimate: s.estimate, onLook: (t) => (look = t) });
    const progress: JobProgress[] = [];
    await estimateAfterLook(info, look, { model: 'full', onProgress: (p) => progress.push(p) }, s.estimate);
    // the stand-in reports done 1 of total 1 per run: before the look 1 of 1 + the 510 frames after it, after it 510 + 1 of 510 + 1
    expect(progress.map((p) => [p.done, p.total])).toEqual([[1, 1 + 510], [510 + 1, 510 + 1]]);
  });

  it('runs the parts around the look by the clip\'s times, also where the container states no frame count', async () => {
    const noCount: VideoInfo = { ...info, frameCount: 0 };
    const s = standIn('rear');
    let look: PoseTrack | undefined;
    await choosePoseModel(noCount, 'auto', 'auto', { estimate: s.estimate, onLook: (t) => (look = t) });
    const whole = await estimateAfterLook(noCount, look, { model: 'full' }, s.estimate);
    expect(s.calls.map((c) => [c.startSec, c.endSec])).toEqual([[8.5, 11.5], [undefined, 8.5], [11.5, undefined]]);
    expect(whole.timesSec).toEqual(track('rear').timesSec);
  });

  it('looks at the whole of a clip shorter than the look, and estimates nothing more', async () => {
    const short: VideoInfo = { ...info, durationSec: 2, frameCount: 120 };
    expect(viewLookWindow(short)).toEqual({ startSec: 0, endSec: VIEW_LOOK_SEC });
    const s = standIn('rear');
    let look: PoseTrack | undefined;
    await choosePoseModel(short, 'auto', 'auto', { estimate: s.estimate, onLook: (t) => (look = t) });
    expect(s.calls[0]?.startSec).toBeUndefined();
    expect(await estimateAfterLook(short, look, { model: 'full' }, s.estimate)).toBe(look);
    expect(s.calls).toHaveLength(1);
  });

  it('runs the whole clip again when the chosen model differs from the view check\'s (side: heavy)', async () => {
    const s = standIn('side');
    let look: PoseTrack | undefined;
    const model = await choosePoseModel(info, 'auto', 'auto', { estimate: s.estimate, onLook: (t) => (look = t) });
    expect(model).toBe('heavy');
    await estimateAfterLook(info, look, { model }, s.estimate);
    expect(s.calls[1]).toMatchObject({ model: 'heavy' });
    expect(s.calls[1]?.startSec).toBeUndefined();
  });
});
