// A runner small in the frames the pose model read is said first (src/analysis/runnerSize.ts): the demo clip's real
// BlazePose track, as filmed and shrunk into a landscape frame as if filmed from three times further away.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../src/analysis/keypointCsv';
import { legInPoseFramesPx, MIN_LEG_PX, smallRunnerWarning } from '../../src/analysis/runnerSize';
import type { PoseTrack } from '../../src/analysis/types';

const demo = (): PoseTrack => ({
  ...parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'utf8'), { name: 'demo', width: 720, height: 1280 }),
  // as the app's pose stage labels it: frames decoded at 640 px on the long side (360×640)
  source: { kind: 'pose-model', model: 'BlazePose heavy', backend: 'test', decodedLongSidePx: 640 },
});

/** The clip shrunk by `scale` into a 1280×720 frame, decoded at 640×360 as the app does. */
function shrunk(track: PoseTrack, scale: number): PoseTrack {
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) => [name, {
    ...kp, x: kp.x.map((x) => 640 - 360 * scale + x * scale), y: kp.y.map((y) => 360 - 640 * scale + y * scale),
  }]));
  return { ...track, width: 1280, height: 720, keypoints };
}

const meta = (t: PoseTrack) => ({ path: 'clip', fps: 30, durationSec: 12, width: t.width, height: t.height });

describe('runner size in the pose frames', () => {
  it('reads hip to ankle in the decoded frames: the demo clip at 640 px, and the same runner three times smaller', () => {
    const t = demo();
    expect(legInPoseFramesPx(t)).toBeGreaterThan(130);
    expect(smallRunnerWarning(t)).toBeNull();
    const small = shrunk(t, 0.3);
    const leg = legInPoseFramesPx(small) as number;
    expect(leg).toBeGreaterThan(0.3 * 0.5 * 260);
    expect(leg).toBeLessThan(MIN_LEG_PX);
    expect(smallRunnerWarning(small)).toMatch(new RegExp(`^The runner is small in the picture: hip to ankle spans about ${Math.round(leg)} px`));
  });

  it('says it before anything else, in the warnings and the verdict', () => {
    const r = analyseTrack(shrunk(demo(), 0.3), { view: 'auto' }, meta(shrunk(demo(), 0.3)));
    expect(r.quality.warnings[0]).toMatch(/^The runner is small in the picture/);
    expect(r.verdict?.[0]).toMatch(/^The runner is small in the picture/);
    expect(r.verdict!.length).toBeLessThanOrEqual(3);
    const full = analyseTrack(demo(), { view: 'auto' }, meta(demo()));
    expect(full.quality.warnings.join(' ')).not.toMatch(/small in the picture/);
  });

  it('says nothing for a keypoint CSV, whose decoding is unknown', () => {
    const csv = { ...shrunk(demo(), 0.3), source: { kind: 'csv' as const, name: 'x.csv' } };
    expect(legInPoseFramesPx(csv)).toBeNull();
    expect(smallRunnerWarning(csv)).toBeNull();
  });
});
