// The ONNX landmark stage gives the TF.js path's keypoints (issue 12). Both get the same region of
// interest before every frame: with each tracking its own ROI, float-level differences grow through
// the tracking loop (scripts/compare-pose-runtimes.ts prints both; README of src/main/pose explains).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoseEstimator } from '../../../src/main/pose/createPoseEstimator';
import { keypointAgreement } from '../../../src/main/pose/keypointAgreement';
import { decodeFrames } from '../../../src/main/video/decodeFrames';
import { probeVideo } from '../../../src/main/video/probeVideo';
import type { PoseFrame, PoseModelName, RgbFrame } from '../../../src/shared/contract';

const CLIPS = ['fixtures/videos/treadmill_side_30fps.mp4', 'fixtures/videos/overground_run_side_30fps.mp4'];
const frames = new Map<string, RgbFrame[]>();

beforeAll(async () => {
  for (const clip of CLIPS) {
    const list: RgbFrame[] = [];
    for await (const f of decodeFrames(await probeVideo(clip), { longSide: 640, maxFrames: 12 })) list.push(f);
    frames.set(clip, list);
  }
});

async function both(model: PoseModelName, clip: string): Promise<{ onnx: PoseFrame[]; tfjs: PoseFrame[] }> {
  const onnxEst = await createPoseEstimator({ model, runtime: 'onnx' });
  const tfjsEst = await createPoseEstimator({ model, runtime: 'tfjs' });
  const onnx: PoseFrame[] = [];
  const tfjs: PoseFrame[] = [];
  try {
    for (const f of frames.get(clip) ?? []) {
      onnxEst.roi?.set(tfjsEst.roi?.get() ?? null);
      onnx.push(await onnxEst.estimate(f));
      tfjs.push(await tfjsEst.estimate(f));
    }
  } finally {
    onnxEst.dispose();
    tfjsEst.dispose();
  }
  return { onnx, tfjs };
}

describe.each(['full', 'heavy'] as PoseModelName[])('ONNX vs TF.js landmarks, BlazePose %s, same ROI', (model) => {
  it.each(CLIPS)('%s: per joint median ≤ 0.05 px, max < 1 px, visibility within 0.01, pose in the same frames', async (clip) => {
    const { onnx, tfjs } = await both(model, clip);
    const r = keypointAgreement(onnx, tfjs);
    expect(r.presenceMismatches).toBe(0);
    expect(r.joints.length).toBe(33);
    for (const j of r.joints) {
      expect(j.medianPx, j.name).toBeLessThanOrEqual(0.05);
      expect(j.maxPx, j.name).toBeLessThan(1);
      expect(j.maxScoreDiff, j.name).toBeLessThan(0.01);
    }
  });
});

afterAll(() => frames.clear());

