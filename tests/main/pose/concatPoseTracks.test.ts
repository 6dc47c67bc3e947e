import { describe, expect, it } from 'vitest';
import { concatPoseTracks } from '../../../src/main/pose/concatPoseTracks';
import type { PoseTrack } from '../../../src/shared/contract';

const track = (times: number[], backend: string): PoseTrack => ({
  timesSec: times,
  width: 10,
  height: 20,
  keypoints: { hip: { x: times.map((t) => t * 10), y: times.map(() => 1), score: times.map(() => 0.5) } },
  source: { kind: 'pose-model', model: 'BlazePose full', backend },
});

describe('concatPoseTracks', () => {
  it('appends the second track after the first, a boundary frame only once, series aligned with the times', () => {
    const joined = concatPoseTracks(track([0, 0.1, 0.2], 'a'), track([0.2, 0.3, 0.4], 'b'));
    expect(joined.timesSec).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(joined.keypoints.hip?.x).toEqual([0, 1, 2, 3, 4]);
    expect(joined.keypoints.hip?.score).toHaveLength(5);
    expect(joined.source).toMatchObject({ backend: 'b' });
  });
});
