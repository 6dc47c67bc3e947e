// startSec (the rest of a clip after the view check) through the real worker pool.
import { describe, expect, it } from 'vitest';
import { estimatePoseTrack } from '../../../src/main/pose/estimatePoseTrack';
import { probeVideo, readFrameTimes } from '../../../src/main/video/probeVideo';

describe('estimatePoseTrack startSec', () => {
  it('estimates exactly the frames from startSec on, split over the pool', async () => {
    const clip = 'fixtures/videos/treadmill_side_30fps.mp4';
    const info = await probeVideo(clip);
    const times = (await readFrameTimes(clip)).map((t, _i, all) => t - (all[0] as number));
    const track = await estimatePoseTrack(info, { model: 'lite', workers: 2, longSide: 320, startSec: 9 });
    const want = times.filter((t) => t >= 9 - 1e-6);
    expect(track.timesSec).toHaveLength(want.length);
    track.timesSec.forEach((t, i) => expect(t).toBeCloseTo(want[i] as number, 5));
  });
});
