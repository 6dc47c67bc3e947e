import { describe, expect, it } from 'vitest';
import { applyLegSwaps } from '../../src/analysis/applyLegSwaps';
import type { PoseTrack } from '../../src/shared/contract';

const s = (x: number[]) => ({ x, y: x.map((v) => v + 1), score: x.map(() => 0.9) });
const track: PoseTrack = {
  timesSec: [0, 0.1, 0.2], width: 100, height: 100, source: { kind: 'csv', name: 't' },
  keypoints: { left_knee: s([1, 2, 3]), right_knee: s([7, 8, 9]), left_wrist: s([4, 4, 4]), right_wrist: s([5, 5, 5]) },
};

describe('applyLegSwaps', () => {
  it('exchanges the leg points of the frames the analysis relabelled, and nothing else', () => {
    const out = applyLegSwaps(track, { legSwapFrames: [1, 5] });
    expect(out.keypoints.left_knee!.x).toEqual([1, 8, 3]);
    expect(out.keypoints.right_knee!.x).toEqual([7, 2, 9]);
    expect(out.keypoints.right_knee!.y).toEqual([8, 3, 10]);
    // Arms are not relabelled by the leg repair; the input is not mutated.
    expect(out.keypoints.left_wrist).toBe(track.keypoints.left_wrist);
    expect(track.keypoints.left_knee!.x).toEqual([1, 2, 3]);
  });
  it('returns the stored track untouched when the result names no swaps', () => {
    expect(applyLegSwaps(track, {})).toBe(track);
  });
});
