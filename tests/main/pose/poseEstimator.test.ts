// In-process estimator checks: no tensor leak, NaN without a pose, display scaling, MoveNet.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoseEstimator, type PoseEstimator } from '../../../src/main/pose/createPoseEstimator';
import { BLAZEPOSE_KEYPOINT_NAMES, MOVENET_KEYPOINT_NAMES } from '../../../src/main/pose/keypointNames';
import { decodeFrames } from '../../../src/main/video/decodeFrames';
import { probeVideo } from '../../../src/main/video/probeVideo';
import type { RgbFrame } from '../../../src/shared/contract';

const CLIP = 'fixtures/videos/treadmill_side_30fps.mp4';
let frames: RgbFrame[] = [];
let blaze: PoseEstimator;

beforeAll(async () => {
  const info = await probeVideo(CLIP);
  for await (const f of decodeFrames(info, { longSide: 320, maxFrames: 40 })) frames.push(f);
  blaze = await createPoseEstimator({ model: 'full' });
});
afterAll(() => {
  blaze?.dispose();
  frames = [];
});

describe('PoseEstimator (BlazePose full, in process)', () => {
  it('runs on the WASM (or tfjs-node) backend, never the plain CPU backend', () => {
    expect(['wasm', 'tensorflow']).toContain(tf.getBackend());
    expect(blaze.backend).toBe(tf.getBackend());
  });

  it('returns 33 named keypoints in displayed-video pixels', async () => {
    const f = frames[0] as RgbFrame;
    const pose = await blaze.estimate(f);
    expect(pose.keypoints.map((k) => k.name)).toEqual([...BLAZEPOSE_KEYPOINT_NAMES]);
    expect(pose.timeSec).toBe(f.timeSec);
    const hip = pose.keypoints.find((k) => k.name === 'left_hip');
    // 720x1280 clip decoded at 180x320: coordinates must be scaled back to the 720x1280 display.
    expect(f.scaleToDisplay).toBeCloseTo(4, 5);
    expect(hip?.x).toBeGreaterThan(180);
    expect(hip?.x).toBeLessThan(720);
    expect(hip?.y).toBeGreaterThan(320);
    expect(hip?.y).toBeLessThan(1280);
  });

  it('does not leak tensors over many frames', async () => {
    blaze.reset();
    await blaze.estimate(frames[0] as RgbFrame); // first call may allocate lasting state
    const before = tf.memory().numTensors;
    for (const f of frames.slice(1)) await blaze.estimate(f);
    expect(frames.length).toBe(40);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives NaN keypoints for a frame without a person', async () => {
    blaze.reset();
    const gray: RgbFrame = { index: 0, timeSec: 0, width: 320, height: 180, data: new Uint8Array(320 * 180 * 3).fill(128), scaleToDisplay: 1 };
    const pose = await blaze.estimate(gray);
    expect(pose.keypoints).toHaveLength(33);
    for (const k of pose.keypoints) {
      expect(k.x).toBeNaN();
      expect(k.y).toBeNaN();
      expect(k.score).toBeNaN();
    }
  });
});

describe('PoseEstimator (MoveNet lightning)', () => {
  it('returns the 17 COCO keypoints with scores, without leaking tensors', async () => {
    const movenet = await createPoseEstimator({ model: 'movenet-lightning' });
    try {
      await movenet.estimate(frames[0] as RgbFrame);
      const before = tf.memory().numTensors;
      let pose = await movenet.estimate(frames[1] as RgbFrame);
      for (const f of frames.slice(2, 12)) pose = await movenet.estimate(f);
      expect(tf.memory().numTensors).toBe(before);
      expect(pose.keypoints.map((k) => k.name)).toEqual([...MOVENET_KEYPOINT_NAMES]);
      const knee = pose.keypoints.find((k) => k.name === 'left_knee');
      expect(knee?.score).toBeGreaterThan(0.2);
      expect(knee?.y).toBeGreaterThan(640); // knees are in the lower half of the portrait frame
    } finally {
      movenet.dispose();
    }
  });
});
