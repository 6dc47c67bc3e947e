// Bounds held on the committed fixtures (issue 3, "How it is checked"), computed from keypoint CSV tracks — the
// pose model is not run here. The same rows are printed by `npx tsx scripts/validate/events.ts`.
// Where the target is not reached yet the test holds the measured bound (a regression guard) and says so.
import { describe, expect, it } from 'vitest';
import type { Case, Row } from '../../../scripts/validate/eventCase';
import { allCases, runCase } from '../../../scripts/validate/events';

const cases = allCases();
const find = (source: string, trial: string, view: string, fps: number): Case | undefined =>
  cases.find((c) => c.source === source && c.trial === trial && c.view === view && c.fps === fps);
const rowCache = new Map<Case, Row>();
function row(c: Case): Row {
  let r = rowCache.get(c);
  if (!r) { r = runCase(c); rowCache.set(c, r); }
  return r;
}

describe('RBDS force-plate trials, side view (clean projected keypoints)', () => {
  for (const trial of ['RBDS001_T25', 'RBDS002_T25', 'RBDS008_T35']) {
    for (const fps of [30, 60, 120]) {
      it(`${trial} ${fps} fps: side view found, every event matched and on the right foot`, () => {
        const c = find('rbds', trial, 'side', fps);
        expect(c).toBeDefined();
        const r = row(c as Case);
        expect(r.detectedView).toBe('side');
        expect(r.wrongFoot).toBe(0);
        expect(r.missed).toBe(0);
        expect(r.extra).toBe(0);
        expect(r.matched).toBeGreaterThan(140);
      });
    }
    // RBDS002 pulls the foot back before touchdown: the belt rule alone fired 19 ms early (right contact 15 ms off);
    // each foot's strikes are moved to its touchdown (gait/impactTiming.ts, gait/touchdown.ts). Measured L / R:
    // RBDS001 3.2 / 6.9, RBDS002 8.2 / 5.8, RBDS008 3.2 / 3.1 ms.
    it(`${trial}: contact time mean |error| per side at 60 fps within 10 ms (issue target)`, () => {
      const r = row(find('rbds', trial, 'side', 60) as Case);
      expect(r.contactMaeMs.left).toBeLessThanOrEqual(10);
      expect(r.contactMaeMs.right).toBeLessThanOrEqual(10);
    });
    // At 120 fps each foot's strikes are moved to its touchdown (gait/touchdown.ts). Measured L / R: RBDS001 3.2 / 6.5
    // ms, RBDS002 7.2 / 4.2 (its left toe-offs are 11 ms early), RBDS008 2.7 / 1.7; the belt rule alone gave 6.5 / 4.7,
    // 7.4 / 15.8, 2.7 / 5.7. Issue target 5 ms: held at 8 ms.
    it(`${trial}: contact time mean |error| per side at 120 fps (issue target 5 ms; measured 1.7–7.2 ms, held at 8 ms)`, () => {
      const r = row(find('rbds', trial, 'side', 120) as Case);
      expect(r.contactMaeMs.left).toBeLessThanOrEqual(8);
      expect(r.contactMaeMs.right).toBeLessThanOrEqual(8);
    });
    // Damaged feet still agree well enough for the touchdown shift (interquartile range ≤ 20 ms): measured 5.4–9.3 ms.
    it(`${trial} 120 fps with noise, dropouts and swapped labels: every event on the right foot, contacts within 16 ms`, () => {
      const r = row(find('rbds+damage', trial, 'side', 120) as Case);
      expect(r.wrongFoot).toBe(0);
      expect(r.missed).toBeLessThanOrEqual(2);
      expect(r.contactMaeMs.left).toBeLessThanOrEqual(16);
      expect(r.contactMaeMs.right).toBeLessThanOrEqual(16);
    });
    it(`${trial} 60 fps with noise, dropouts and 9% swapped labels: right foot, nothing missed or invented`, () => {
      const r = row(find('rbds+damage', trial, 'side', 60) as Case);
      expect(r.wrongFoot).toBe(0);
      expect(r.missed).toBeLessThanOrEqual(2);
      expect(r.extra).toBeLessThanOrEqual(2);
      expect(r.contactMaeMs.left).toBeLessThanOrEqual(16);
      expect(r.contactMaeMs.right).toBeLessThanOrEqual(16);
    });
  }
});

describe('RBDS rear view', () => {
  for (const trial of ['RBDS001_T25', 'RBDS002_T25', 'RBDS008_T35']) {
    // RBDS002's toe-offs come 17 ms early (a slow force fall-off at 50 N; unchanged rule): held at 18 ms.
    it(`${trial} 60 fps: rear view found, toe-offs within 1 frame (RBDS002: 18 ms), every event on the right foot`, () => {
      const r = row(find('rbds', trial, 'rear', 60) as Case);
      expect(r.detectedView).toBe('rear');
      expect(r.wrongFoot).toBe(0);
      expect(r.toMedMs).toBeLessThanOrEqual(trial === 'RBDS002_T25' ? 18 : 1000 / 60);
    });
    // Strike = peak downward image speed of the ball of the foot (rearViewEvents.ts). Before it: strikes 37–43 ms
    // median with runner-dependent sign, contacts 52–60 ms, RBDS001 missing 94 strikes at 30 fps. Measured now at
    // 60 fps: strike median 7–16 ms, contact 16–25 ms per side (toe-offs 2–17 ms early), nothing missed at any rate.
    it(`${trial} rear: strike median |error| ≤ 1 frame at 60 fps, contact per side ≤ 27 ms, nothing missed at 30 fps`, () => {
      const r = row(find('rbds', trial, 'rear', 60) as Case);
      expect(r.fsMedMs).toBeLessThanOrEqual(1000 / 60);
      expect(r.contactMaeMs.left).toBeLessThanOrEqual(27);
      expect(r.contactMaeMs.right).toBeLessThanOrEqual(27);
      expect(r.missed).toBe(0);
      const r30 = row(find('rbds', trial, 'rear', 30) as Case);
      expect(r30.missed).toBe(0);
      expect(r30.wrongFoot).toBe(0);
    });
    // Same damage as the side view (3 px noise, 3% dropouts, 9% swapped labels). Measured: strike median 7–14 ms,
    // contact 15–26 ms per side, RBDS001 misses 24 of 154 (its toe-offs in swapped runs); the old rule: 34–49 ms.
    it(`${trial} rear 60 fps with noise, dropouts and swapped labels: right foot, strike median ≤ 1 frame`, () => {
      const r = row(find('rbds+damage', trial, 'rear', 60) as Case);
      expect(r.wrongFoot).toBe(0);
      expect(r.fsMedMs).toBeLessThanOrEqual(1000 / 60);
      expect(r.contactMaeMs.left).toBeLessThanOrEqual(28);
      expect(r.contactMaeMs.right).toBeLessThanOrEqual(28);
      expect(r.missed).toBeLessThanOrEqual(30);
    });
  }
});

describe('rendered clip RBDS008_T35_side through real BlazePose keypoints', () => {
  it('heavy (the default model): every event on the right foot; strike and toe-off median |error| ≤ 1 frame at 60 fps; contact per side within 10 ms', () => {
    const r = row(find('synthetic-bp-heavy', 'RBDS008_T35', 'side', 60) as Case);
    expect(r.wrongFoot).toBe(0);
    expect(r.missed).toBe(0);
    expect(r.fsMedMs).toBeLessThanOrEqual(1000 / 60);
    expect(r.toMedMs).toBeLessThanOrEqual(1000 / 60);
    expect(r.matched).toBeGreaterThanOrEqual(50);
    expect(r.contactMaeMs.left).toBeLessThanOrEqual(10);
    expect(r.contactMaeMs.right).toBeLessThanOrEqual(10);
  });
  it('full (the faster option): every event on the right foot, events ≤ 1 frame; contact per side held at its measured 13 ms', () => {
    const r = row(find('synthetic-bp-full', 'RBDS008_T35', 'side', 60) as Case);
    expect(r.wrongFoot).toBe(0);
    expect(r.fsMedMs).toBeLessThanOrEqual(1000 / 60);
    expect(r.toMedMs).toBeLessThanOrEqual(1000 / 60);
    expect(r.matched).toBeGreaterThanOrEqual(44);
    // Full's near foot brakes late: with the belt rule alone left 9 ms, right 17 ms (bias −7 / −17: a 10 ms false
    // asymmetry); with the vertical touchdown shift (gait/touchdown.ts) left 13.2, right 11.6 (bias −12.8 / −11.6:
    // 1 ms between the feet). Held at 14 ms each.
    expect(r.contactMaeMs.left).toBeLessThanOrEqual(14);
    expect(r.contactMaeMs.right).toBeLessThanOrEqual(14);
  });
});

describe('real treadmill clip against eye-marked events', () => {
  it('heavy (the default model): every event on the right foot, strike and toe-off median |error| ≤ 1 frame', () => {
    const r = row(find('video-bp-heavy', 'treadmill_side', 'side', 30) as Case);
    expect(r.wrongFoot).toBe(0);
    expect(r.missed).toBe(0);
    expect(r.matched).toBeGreaterThanOrEqual(64);
    expect(r.fsMedMs).toBeLessThanOrEqual(1000 / 30);
    expect(r.toMedMs).toBeLessThanOrEqual(1000 / 30);
  });
  it('full (the faster option): every event on the right foot; strike median held at 1.1 frames, toe-off at 2 (its near toe rises early)', () => {
    const r = row(find('video-bp-full', 'treadmill_side', 'side', 30) as Case);
    expect(r.wrongFoot).toBe(0);
    expect(r.missed).toBeLessThanOrEqual(2);
    expect(r.fsMedMs).toBeLessThanOrEqual(1.1 * 1000 / 30);
    expect(r.toMedMs).toBeLessThanOrEqual(2000 / 30);
  });
  it('third-party RTMPose track: every event on the right foot, event median |error| ≤ 1 frame', () => {
    const r = row(find('video-rtmpose', 'treadmill_side', 'side', 30) as Case);
    expect(r.wrongFoot).toBe(0);
    expect(r.missed).toBe(0);
    expect(r.fsMedMs).toBeLessThanOrEqual(1000 / 30);
    expect(r.toMedMs).toBeLessThanOrEqual(1000 / 30);
  });
});
