// Per-foot event bias on the RBDS force-plate trials (issue 11 part 4, "a verdict that never cries wolf"): a
// detector late on one foot and early on the other invents an asymmetry. Side view, 60 and 120 fps, clean and with
// pose-like damage (3 px noise, 3% dropouts, 9% swapped leg labels: the `rbds+damage` cases). Each row holds the
// issue's target where it is met (each foot's mean strike and toe-off bias within ±8 ms at 60 fps, ±5 ms at 120;
// the feet within 5 ms of each other) and otherwise the measured value rounded up plus 1 ms (a regression guard;
// the comment gives the measurement, `npx tsx scripts/validate/events.ts rbds` prints it).
// Not met yet: RBDS002_T45's right strikes (its ball's fall peaks ~8 ms before 50 N at 4.5 m/s), RBDS002_T25's left
// toe-offs (−11 ms; the plate's own 80 N reading moves toe-off by −9 ms), and left − right toe-off differences of
// 5–7 ms on RBDS001_T35 and RBDS002_T25 that the toe-rise rule does not remove: they come from the 0.9 m camera
// looking down on feet that move sideways at push-off (cameraHeight.fixtures.test.ts).
import { describe, expect, it } from 'vitest';
import { allCases, runCase } from '../../../scripts/validate/events';

interface Bound { strikeMs: number; toeOffMs: number; strikeLrMs: number; toeOffLrMs: number; contactLrMs: number }

const BOUNDS: [string, string, number, Bound][] = [
  ['rbds', 'RBDS001_T25', 60, { strikeMs: 8, toeOffMs: 8, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 7 }], // FS -1.8/-5.9, TO -0.8/0.9, L−R FS 4.1 TO -1.6 C -5.7
  ['rbds+damage', 'RBDS001_T25', 60, { strikeMs: 8, toeOffMs: 8, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 8 }], // FS -1.9/-4.4, TO -4.5/-0.1, L−R FS 2.5 TO -4.4 C -6.9
  ['rbds', 'RBDS001_T25', 120, { strikeMs: 7, toeOffMs: 5, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 7 }], // FS -1.5/-5.5, TO -0.6/0.8, L−R FS 4.0 TO -1.3 C -5.3
  ['rbds+damage', 'RBDS001_T25', 120, { strikeMs: 9, toeOffMs: 5, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 5 }], // FS -3.2/-7.4, TO -1.5/-1.2, L−R FS 4.2 TO -0.3 C -4.5
  ['rbds', 'RBDS001_T35', 60, { strikeMs: 8, toeOffMs: 8, strikeLrMs: 5, toeOffLrMs: 7, contactLrMs: 9 }], // FS -2.6/-4.9, TO -0.2/4.8, L−R FS 2.3 TO -5.1 C -7.4
  ['rbds+damage', 'RBDS001_T35', 60, { strikeMs: 8, toeOffMs: 8, strikeLrMs: 5, toeOffLrMs: 8, contactLrMs: 9 }], // FS -2.8/-3.2, TO -3.0/3.9, L−R FS 0.4 TO -6.9 C -7.3
  ['rbds', 'RBDS001_T35', 120, { strikeMs: 5, toeOffMs: 6, strikeLrMs: 5, toeOffLrMs: 7, contactLrMs: 9 }], // FS -2.1/-4.2, TO -0.1/5.0, L−R FS 2.2 TO -5.1 C -7.3
  ['rbds+damage', 'RBDS001_T35', 120, { strikeMs: 5, toeOffMs: 5, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 8 }], // FS -2.4/-4.4, TO -1.7/2.8, L−R FS 2.0 TO -4.5 C -6.5
  ['rbds', 'RBDS002_T25', 60, { strikeMs: 8, toeOffMs: 13, strikeLrMs: 5, toeOffLrMs: 9, contactLrMs: 5 }], // FS -3.5/0.7, TO -11.5/-4.5, L−R FS -4.2 TO -7.1 C -2.9
  ['rbds+damage', 'RBDS002_T25', 60, { strikeMs: 8, toeOffMs: 20, strikeLrMs: 5, toeOffLrMs: 9, contactLrMs: 12 }], // FS -4.4/-7.2, TO -18.9/-11.5, L−R FS 2.8 TO -7.4 C -10.2
  ['rbds', 'RBDS002_T25', 120, { strikeMs: 5, toeOffMs: 13, strikeLrMs: 5, toeOffLrMs: 8, contactLrMs: 5 }], // FS -4.3/-2.1, TO -11.2/-4.2, L−R FS -2.3 TO -6.9 C -4.7
  ['rbds+damage', 'RBDS002_T25', 120, { strikeMs: 8, toeOffMs: 14, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 5 }], // FS -6.8/-4.1, TO -12.6/-8.5, L−R FS -2.7 TO -4.1 C -1.4
  ['rbds', 'RBDS002_T45', 60, { strikeMs: 14, toeOffMs: 8, strikeLrMs: 7, toeOffLrMs: 5, contactLrMs: 8 }], // FS -7.9/-12.9, TO -4.0/-2.7, L−R FS 5.1 TO -1.2 C -6.3
  ['rbds+damage', 'RBDS002_T45', 60, { strikeMs: 16, toeOffMs: 8, strikeLrMs: 8, toeOffLrMs: 5, contactLrMs: 8 }], // FS -8.1/-14.4, TO -5.4/-5.2, L−R FS 6.4 TO -0.2 C -6.6
  ['rbds', 'RBDS002_T45', 120, { strikeMs: 11, toeOffMs: 5, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 7 }], // FS -4.9/-9.5, TO -3.6/-2.2, L−R FS 4.6 TO -1.3 C -5.9
  ['rbds+damage', 'RBDS002_T45', 120, { strikeMs: 11, toeOffMs: 6, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 7 }], // FS -5.4/-9.2, TO -5.0/-3.6, L−R FS 3.8 TO -1.3 C -5.1
  ['rbds', 'RBDS008_T35', 60, { strikeMs: 8, toeOffMs: 8, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 5 }], // FS -3.7/-3.0, TO -1.2/-0.3, L−R FS -0.7 TO -0.9 C -0.1
  ['rbds+damage', 'RBDS008_T35', 60, { strikeMs: 8, toeOffMs: 8, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 5 }], // FS -5.9/-2.7, TO -3.8/-0.5, L−R FS -3.3 TO -3.3 C -0.1
  ['rbds', 'RBDS008_T35', 120, { strikeMs: 5, toeOffMs: 5, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 5 }], // FS -0.6/-0.0, TO -0.9/0.1, L−R FS -0.6 TO -1.0 C -0.4
  ['rbds+damage', 'RBDS008_T35', 120, { strikeMs: 5, toeOffMs: 5, strikeLrMs: 5, toeOffLrMs: 5, contactLrMs: 5 }], // FS -1.7/0.3, TO -3.5/-1.6, L−R FS -1.9 TO -1.9 C 0.0
];

describe('per-foot event bias, RBDS side view (issue 11 part 4)', () => {
  const cases = allCases();
  for (const [source, trial, fps, bound] of BOUNDS) {
    it(`${source} ${trial} ${fps} fps: each foot's strike/toe-off bias and the left − right differences within the held bounds`, () => {
      const c = cases.find((x) => x.source === source && x.trial === trial && x.fps === fps && x.view === 'side');
      expect(c).toBeDefined();
      const r = runCase(c as NonNullable<typeof c>);
      expect(r.wrongFoot).toBe(0);
      expect(Math.abs(r.strikeBiasMs.left), 'strike left').toBeLessThanOrEqual(bound.strikeMs);
      expect(Math.abs(r.strikeBiasMs.right), 'strike right').toBeLessThanOrEqual(bound.strikeMs);
      expect(Math.abs(r.toeOffBiasMs.left), 'toe-off left').toBeLessThanOrEqual(bound.toeOffMs);
      expect(Math.abs(r.toeOffBiasMs.right), 'toe-off right').toBeLessThanOrEqual(bound.toeOffMs);
      expect(Math.abs(r.strikeBiasMs.left - r.strikeBiasMs.right), 'strike L−R').toBeLessThanOrEqual(bound.strikeLrMs);
      expect(Math.abs(r.toeOffBiasMs.left - r.toeOffBiasMs.right), 'toe-off L−R').toBeLessThanOrEqual(bound.toeOffLrMs);
      expect(Math.abs(r.contactBiasMs.left - r.contactBiasMs.right), 'contact L−R').toBeLessThanOrEqual(bound.contactLrMs);
    });
  }
});
