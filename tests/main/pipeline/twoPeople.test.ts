// Two people in view (issue 15): the pose model follows one person per frame, so a second person shows up as the
// tracked hips jumping to another place for a while. Built on a real treadmill track with stretches moved aside.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { findSecondPerson, secondPersonWarning } from '../../../src/main/pipeline/twoPeople';
import type { PoseTrack } from '../../../src/shared/contract';

const WIDTH = 720;
const real = (): PoseTrack => parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', 'utf8'), { name: 'side.csv', width: WIDTH, height: 1280 });

/** Every keypoint of the frames `moved(i)` says, shifted by dx(i) pixels: the model following someone else there. */
function shifted(track: PoseTrack, dx: (i: number) => number): PoseTrack {
  return {
    ...track,
    keypoints: Object.fromEntries(Object.entries(track.keypoints).map(([k, s]) => [k, { ...s, x: s.x.map((x, i) => x + dx(i)) }])),
  };
}

describe('a second person in view', () => {
  it('one runner (real treadmill clips) gives no warning', () => {
    expect(findSecondPerson(real())).toBeNull();
    expect(secondPersonWarning(real())).toBeNull();
  });

  it('hips that jump to another place for two stretches are found, counted and placed in a warning', () => {
    const other = (i: number) => (i >= 100 && i < 140) || (i >= 220 && i < 260);
    const track = shifted(real(), (i) => (other(i) ? 0.35 * WIDTH : 0));
    const found = findSecondPerson(track);
    expect(found).toMatchObject({ frames: 80, switches: 4 });
    expect(found!.ranges.map(([a, b]) => [a.toFixed(2), b.toFixed(2)])).toEqual([['3.33', '4.63'], ['7.33', '8.63']]);
    expect(secondPersonWarning(track)).toBe(
      "Two people seem to be in view: the pose model's hips jumped 4 times to a second place and stayed there for 80 of "
      + `${found!.framesWithHips} frames (${((100 * 80) / found!.framesWithHips).toFixed(0)}%), at 3.33–4.63 s, 7.33–8.63 s. `
      + "Measures from those frames may be someone else's; film with only the runner in view.");
  });

  it('a glitch of a few frames is not a second person', () => {
    expect(findSecondPerson(shifted(real(), (i) => (i >= 100 && i < 104 ? 0.35 * WIDTH : 0)))).toBeNull();
  });

  it('a runner who walks off the belt (a gradual move, no jump) is not a second person', () => {
    expect(findSecondPerson(shifted(real(), (i) => (i >= 280 ? (i - 280) * 4 : 0)))).toBeNull();
  });
});
