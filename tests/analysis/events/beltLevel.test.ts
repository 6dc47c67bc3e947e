// A slanted belt in the side view (src/analysis/gait/beltLevel.ts): the RBDS force-plate trials turned in the
// image as a rolled phone would show them. The force plate is the truth; turning the picture does not change it.
import { describe, expect, it } from 'vitest';
import { findGaitEvents } from '../../../src/analysis/findGaitEvents';
import { beltAngleDeg, levelToBelt, toeClimbsInStance } from '../../../src/analysis/gait/beltLevel';
import type { PoseTrack } from '../../../src/analysis/types';
import { matchEvents, meanAbs } from '../../../scripts/validate/matchEvents';
import { loadRbdsTrack, loadRbdsTruth } from '../../../scripts/validate/truthLoaders';

/** The picture turned by `deg` about its centre (y down: positive turns it clockwise on screen). */
function turned(track: PoseTrack, deg: number): PoseTrack {
  const a = (deg * Math.PI) / 180;
  const cx = 960;
  const cy = 540;
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) => [name, {
    ...kp,
    x: kp.x.map((x, i) => cx + (x - cx) * Math.cos(a) - ((kp.y[i] as number) - cy) * Math.sin(a)),
    y: kp.y.map((y, i) => cy + ((kp.x[i] as number) - cx) * Math.sin(a) + (y - cy) * Math.cos(a)),
  }]));
  return { ...track, keypoints };
}

function contactErrorsMs(track: PoseTrack, trial: string): { left: number; right: number; missed: number } {
  const g = findGaitEvents(track, { view: 'auto' });
  const m = matchEvents(g.events, loadRbdsTruth(trial));
  return { left: 1000 * meanAbs(m.contactErrSec.left), right: 1000 * meanAbs(m.contactErrSec.right), missed: m.missed };
}

describe('belt levelling (side view)', () => {
  it('reads the belt slant from the stance toes within 0.5° (RBDS, level and turned ±3°)', () => {
    for (const trial of ['RBDS001_T25', 'RBDS008_T35']) {
      for (const deg of [0, 3, -3]) {
        const g = findGaitEvents(turned(loadRbdsTrack(trial, 'side', 60), deg), { view: 'auto', beltLevel: false });
        expect(Math.abs(beltAngleDeg(g.track, g.events) - deg), `${trial} ${deg}°`).toBeLessThan(0.5);
      }
    }
  });

  it('knows which slant makes a stance toe climb: it depends on the way the runner faces', () => {
    expect(toeClimbsInStance(3, 'imageRight')).toBe(true); // feet carried to image-left, path rising to the left
    expect(toeClimbsInStance(-3, 'imageRight')).toBe(false);
    expect(toeClimbsInStance(-3, 'imageLeft')).toBe(true);
    expect(toeClimbsInStance(3, 'imageLeft')).toBe(false);
    expect(toeClimbsInStance(3, 'awayFromCamera')).toBe(false);
  });

  it('levelling is a vertical shear: a path at the angle becomes flat, x is untouched', () => {
    const track: PoseTrack = {
      timesSec: [0, 1, 2], width: 1000, height: 800, source: { kind: 'csv', name: 't' },
      keypoints: { left_foot_index: { x: [400, 500, 600], y: [600, 600 + 100 * Math.tan(0.1), 600 + 200 * Math.tan(0.1)], score: [1, 1, 1] } },
    };
    const level = levelToBelt(track, (0.1 * 180) / Math.PI);
    const kp = level.keypoints.left_foot_index;
    expect(kp?.x).toEqual([400, 500, 600]);
    for (const y of kp?.y ?? []) expect(y).toBeCloseTo(kp?.y[0] as number, 9);
  });

  it('shears the feet\'s image motion alike: a step along the slanted path becomes level, a lift stays a lift', () => {
    const k = Math.tan(0.1);
    const part = { dxPx: [100, 0], dyPx: [100 * k, -5], ncc: [0.9, 0.9] };
    const track: PoseTrack = {
      timesSec: [0, 1], width: 1000, height: 800, source: { kind: 'csv', name: 't' }, keypoints: {},
      footMotion: { left: { heel: part, toe: part }, right: { heel: part, toe: part }, patchWidthPx: 20, msPerFrame: 1 },
    };
    const m = levelToBelt(track, (0.1 * 180) / Math.PI).footMotion!;
    for (const s of [m.left.heel, m.right.toe]) {
      expect(s.dxPx).toEqual([100, 0]);
      expect(s.dyPx[0]).toBeCloseTo(0, 9);
      expect(s.dyPx[1]).toBe(-5);
    }
  });

  for (const trial of ['RBDS001_T25', 'RBDS002_T25', 'RBDS008_T35']) {
    it(`${trial} 60 fps, picture turned 5° so the stance toe climbs: contacts stay within 13 ms (35–74 ms without levelling)`, () => {
      // The runner faces image-right: a clockwise turn (+) makes the path rise towards image-left, the way the feet go.
      const track = turned(loadRbdsTrack(trial, 'side', 60), 5);
      const e = contactErrorsMs(track, trial);
      expect(e.missed).toBe(0);
      // 13.3 ms since the strike shift reads the foot's vertical touchdown (gait/touchdown.ts; RBDS002's left
      // toe-offs stay 11 ms early): held at 14.
      expect(e.left).toBeLessThan(14);
      expect(e.right).toBeLessThan(14);
      const g = findGaitEvents(track, { view: 'auto' });
      expect(g.beltLevelled).toBe(true);
      expect(g.warnings.join(' ')).toMatch(/belt runs at [45]\.\d° in the picture \(camera tilted, or not square to the treadmill\): foot events were timed against the belt/);
      const off = findGaitEvents(track, { view: 'auto', beltLevel: false });
      const offErr = matchEvents(off.events, loadRbdsTruth(trial));
      expect(1000 * Math.max(meanAbs(offErr.contactErrSec.left), meanAbs(offErr.contactErrSec.right))).toBeGreaterThan(25);
    });
  }

  it('a sinking slant is not levelled (it only delays toe-off), but it is reported', () => {
    const g = findGaitEvents(turned(loadRbdsTrack('RBDS008_T35', 'side', 60), -5), { view: 'auto' });
    expect(g.beltLevelled).toBe(false);
    expect(g.warnings.join(' ')).toMatch(/belt runs at [45]\.\d° in the picture \(camera tilted, or not square to the treadmill\): toe-offs may come a little late/);
  });

  it('a level camera is left alone (RBDS: the slant reads under 0.3°)', () => {
    const g = findGaitEvents(loadRbdsTrack('RBDS002_T25', 'side', 60), { view: 'auto' });
    expect(Math.abs(g.beltAngleDeg as number)).toBeLessThan(0.3);
    expect(g.beltLevelled).toBe(false);
    expect(g.warnings.join(' ')).not.toMatch(/belt runs at/);
  });
});
