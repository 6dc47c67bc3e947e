import { describe, expect, it } from 'vitest';
import { buildPoseTrack, type FrameValues } from '../../../src/main/pose/buildPoseTrack';

const names = ['left_hip', 'right_hip'];
const meta = { width: 720, height: 1280, model: 'BlazePose full', backend: 'test' };
const frame = (index: number, timeSec: number, v: number): FrameValues => ({
  index,
  timeSec,
  values: Float32Array.from([v, v + 1, 0.5, v + 2, v + 3, 0.25]),
});

describe('buildPoseTrack', () => {
  it('merges chunks given out of order into one time-ordered track, per keypoint series', () => {
    const track = buildPoseTrack(names, [frame(2, 0.2, 20), frame(0, 0, 0), frame(1, 0.1, 10)], meta);
    expect(track.timesSec).toEqual([0, 0.1, 0.2]);
    expect(track.keypoints.left_hip).toEqual({ x: [0, 10, 20], y: [1, 11, 21], score: [0.5, 0.5, 0.5] });
    expect(track.keypoints.right_hip?.x).toEqual([2, 12, 22]);
    expect(track.source).toEqual({ kind: 'pose-model', model: 'BlazePose full', backend: 'test' });
    expect([track.width, track.height]).toEqual([720, 1280]);
    // the size of the frames the model read travels with the track (src/analysis/runnerSize.ts)
    expect(buildPoseTrack(names, [frame(0, 0, 0)], { ...meta, decodedLongSidePx: 640 }).source).toEqual({ kind: 'pose-model', model: 'BlazePose full', backend: 'test', decodedLongSidePx: 640 });
  });

  it('keeps NaN for frames without a pose', () => {
    const none: FrameValues = { index: 1, timeSec: 0.1, values: new Float32Array(6).fill(NaN) };
    const track = buildPoseTrack(names, [frame(0, 0, 0), none], meta);
    expect(track.keypoints.left_hip?.x[1]).toBeNaN();
    expect(track.keypoints.right_hip?.score[1]).toBeNaN();
  });

  it('drops a frame reported twice by overlapping chunks', () => {
    const track = buildPoseTrack(names, [frame(0, 0, 0), frame(1, 0.1, 10), frame(1, 0.1, 10)], meta);
    expect(track.timesSec).toEqual([0, 0.1]);
  });

  it('refuses two different frames with the same time', () => {
    expect(() => buildPoseTrack(names, [frame(0, 0.1, 0), frame(1, 0.1, 10)], meta)).toThrow(/strictly increasing/);
  });
});
