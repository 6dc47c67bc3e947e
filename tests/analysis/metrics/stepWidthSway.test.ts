// Issue 16, rear view: step width, crossover and lateral pelvis sway on a synthetic rear-view runner with known
// foot placement, sway amplitude per side and a steady drift across the belt (which must not read as sway or width).
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/analysis/computeMetrics';
import { lateralSwayPx } from '../../../src/analysis/lateralSway';
import { raiseFlags } from '../../../src/analysis/raiseFlags';
import { compareSides } from '../../../src/analysis/compareSides';
import type { GaitEvent, PoseTrack, Side } from '../../../src/analysis/types';

const FPS = 60;
const STRIDE_SEC = 0.7;
const CONTACT_SEC = 0.25;
const CX = 640;
const HIP_HALF_PX = 40;

interface RunnerSpec {
  /** Ankle distance outward from the belt's centre line per side, px. */
  leftOutPx: number; rightOutPx: number;
  /** Pelvis excursion amplitude towards each side, px. */
  swayLeftPx: number; swayRightPx: number;
  driftPxPerSec: number;
  /** Left stances (by index) whose ankle lands this far across the centre line instead. */
  crossLeft?: { every: number; acrossPx: number };
}

/**
 * Camera behind the runner (right on image right). Left stance starts at k·T, right stance at k·T + T/2. The
 * pelvis centre moves towards the left foot with −A_L·sin(2πt/T) in the first half of each stride and towards the
 * right foot (+A_R·|sin|) in the second; everything drifts sideways at driftPxPerSec.
 */
function rearRunner(spec: RunnerSpec, strides = 14): { track: PoseTrack; events: GaitEvent[] } {
  const n = Math.round(strides * STRIDE_SEC * FPS);
  const timesSec = Array.from({ length: n }, (_, i) => i / FPS);
  const phase = (t: number): number => (t % STRIDE_SEC) / STRIDE_SEC;
  const pelvisX = timesSec.map((t) => {
    const p = phase(t); const s = Math.sin(2 * Math.PI * p);
    return CX + spec.driftPxPerSec * t + (p < 0.5 ? -spec.swayLeftPx * s : -spec.swayRightPx * s);
  });
  const stride = (t: number): number => Math.floor(t / STRIDE_SEC);
  const leftAnkleX = timesSec.map((t) => {
    const k = stride(t);
    const across = spec.crossLeft && k % spec.crossLeft.every === 0;
    return CX + spec.driftPxPerSec * t + (across ? spec.crossLeft!.acrossPx : -spec.leftOutPx);
  });
  const rightAnkleX = timesSec.map((t) => CX + spec.driftPxPerSec * t + spec.rightOutPx);
  const series = (xs: number[], y: number) => ({ x: xs, y: xs.map(() => y), score: xs.map(() => 1) });
  const track: PoseTrack = {
    timesSec, width: 1280, height: 720, source: { kind: 'csv', name: 'synthetic-rear' },
    keypoints: {
      left_hip: series(pelvisX.map((x) => x - HIP_HALF_PX), 300), right_hip: series(pelvisX.map((x) => x + HIP_HALF_PX), 300),
      left_ankle: series(leftAnkleX, 650), right_ankle: series(rightAnkleX, 650),
    },
  };
  const events: GaitEvent[] = [];
  const ev = (side: Side, type: GaitEvent['type'], t: number): void => { events.push({ side, type, timeSec: t, frame: Math.round(t * FPS) }); };
  for (let k = 0; k < strides; k++) {
    const t0 = k * STRIDE_SEC + 0.05;
    ev('left', 'footStrike', t0); ev('left', 'toeOff', t0 + CONTACT_SEC);
    ev('right', 'footStrike', t0 + STRIDE_SEC / 2); ev('right', 'toeOff', t0 + STRIDE_SEC / 2 + CONTACT_SEC);
  }
  return { track, events: events.filter((e) => e.timeSec < (timesSec[n - 1] as number) - 0.05) };
}

const metricsOf = (spec: RunnerSpec, pxPerCm?: number) => {
  const { track, events } = rearRunner(spec);
  return computeMetrics({ track, events, view: 'rear', facing: 'awayFromCamera', options: { view: 'rear', ...(pxPerCm ? { pxPerCm } : {}) } });
};

describe('step width from the rear view', () => {
  const base: RunnerSpec = { leftOutPx: 20, rightOutPx: 25, swayLeftPx: 8, swayRightPx: 8, driftPxPerSec: 30 };

  it('reads the sideways distance between consecutive stance ankles in cm with a scale, although the runner drifts', () => {
    const m = metricsOf(base, 5);
    const w = m.perStep.stepWidthCm!;
    expect(w.left.length).toBeGreaterThan(10);
    expect(w.right.length).toBeGreaterThan(10);
    // 45 px apart at 5 px/cm; the shift a 30 px/s drift would give between two stances (~5 px) must cancel
    for (const v of [...w.left, ...w.right]) expect(v).toBeCloseTo(9, 1);
    expect(m.perStep.stepWidthPctHip).toBeUndefined();
  });

  it('as a share of hip width without a scale', () => {
    const m = metricsOf(base);
    expect(m.hipWidthPx).toBeCloseTo(80, 6);
    for (const v of m.perStep.stepWidthPctHip!.left) expect(v).toBeCloseTo((100 * 45) / 80, 1);
  });

  it('counts a left foot landing across the midline as a crossover and gives that step a narrower width', () => {
    const m = metricsOf({ ...base, crossLeft: { every: 3, acrossPx: 6 } }, 5);
    expect(m.crossover!.right.count).toBe(0);
    const crossed = m.steps.filter((s) => s.side === 'left' && s.crossover === true);
    expect(m.crossover!.left.count).toBe(crossed.length);
    expect(crossed.length).toBeGreaterThanOrEqual(4);
    // 6 px across the centre line, the right foot 25 px out: 19 px = 3.8 cm
    for (const s of crossed) expect(s.stepWidthCm).toBeCloseTo(19 / 5, 1);
    for (const s of m.steps.filter((r) => r.side === 'left' && r.crossover === false)) expect(s.stepWidthCm).toBeCloseTo(9, 1);
  });
});

describe('lateral pelvis sway per stride', () => {
  it('equals the known amplitude per side when the sway is symmetric, drift removed', () => {
    const m = metricsOf({ leftOutPx: 20, rightOutPx: 20, swayLeftPx: 10, swayRightPx: 10, driftPxPerSec: 40 });
    const s = m.perStep.lateralSwayPx!;
    expect(s.left.length).toBeGreaterThan(8);
    for (const v of [...s.left, ...s.right]) expect(v).toBeCloseTo(10, 0);
  });

  it('a larger excursion towards the left reads larger on the left, the two summing to the peak-to-peak sway', () => {
    const m = metricsOf({ leftOutPx: 20, rightOutPx: 20, swayLeftPx: 12, swayRightPx: 6, driftPxPerSec: -25 });
    const s = m.perStep.lateralSwayPx!;
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    // centred on the stride mean (A_R − A_L)/π: left = A_L + that, right = A_R − that
    const centre = (6 - 12) / Math.PI;
    expect(mean(s.left)).toBeCloseTo(12 + centre, 0);
    expect(mean(s.right)).toBeCloseTo(6 - centre, 0);
    expect(mean(s.left) + mean(s.right)).toBeCloseTo(18, 0);
  });

  it('reads the pelvis between the image-tracked pelvis marks when the track has them, not the hips', () => {
    const { track, events } = rearRunner({ leftOutPx: 20, rightOutPx: 20, swayLeftPx: 10, swayRightPx: 10, driftPxPerSec: 0 });
    // marks swaying twice as far as the hip keypoints (which barely follow the pelvis in the frontal plane)
    const hipMid = track.keypoints.left_hip!.x.map((x, i) => (x + track.keypoints.right_hip!.x[i]!) / 2);
    const mark = (dx: number) => ({ x: hipMid.map((x) => CX + 2 * (x - CX) + dx), y: hipMid.map(() => 310), score: hipMid.map(() => 1) });
    const withMarks = { ...track, keypoints: { ...track.keypoints, left_pelvis_mark: mark(-30), right_pelvis_mark: mark(30) } };
    const m = computeMetrics({ track: withMarks, events, view: 'rear', facing: 'awayFromCamera', options: { view: 'rear' } });
    for (const v of [...m.perStep.lateralSwayPx!.left, ...m.perStep.lateralSwayPx!.right]) expect(v).toBeCloseTo(20, 0);
  });

  it('a pure drift with no sway reads no sway (not whole-clip drift)', () => {
    const times = Array.from({ length: 600 }, (_, i) => i / 60);
    const x = times.map((t) => 500 + 50 * t);
    const sway = lateralSwayPx(times, x, [{ side: 'left', strikeTimeSec: 1, nextOtherStrikeSec: 1.35, strideMs: 700 }]);
    expect(sway[0]).toBeCloseTo(0, 6);
  });

  it('an incomplete stride gives no value', () => {
    const times = Array.from({ length: 60 }, (_, i) => i / 60);
    expect(lateralSwayPx(times, times.map(() => 1), [{ side: 'right', strikeTimeSec: 0.2, nextOtherStrikeSec: null, strideMs: 700 }])).toEqual([null]);
  });
});

describe('flags for the rear measures', () => {
  it('step width differences are banded in cm (normal within ±2 cm), with a "what this may mean" only for watch/marked', () => {
    const same = compareSides({ left: [6.1, 5.9, 6.0, 6.2, 5.8, 6.0, 6.1, 5.9], right: [6.0, 6.1, 5.9, 6.0, 6.2, 5.8, 6.0, 6.0] }, 'cm');
    const apart = compareSides({ left: [11, 11.2, 10.8, 11.1, 10.9, 11, 11.1, 10.9], right: [6.0, 6.1, 5.9, 6.0, 6.2, 5.8, 6.0, 6.0] }, 'cm');
    const [normal] = raiseFlags({ stepWidthCm: same }, { refuse: false });
    const [marked] = raiseFlags({ stepWidthCm: apart }, { refuse: false });
    expect(normal!.level).toBe('normal');
    expect(normal!.meaning).toBeUndefined();
    expect(normal!.message).toContain('±2.0 cm');
    expect(marked!.level).toBe('marked');
    expect(marked!.message).toMatch(/^Steps onto the left foot land 5\.0 cm wider than steps onto the right/);
    expect(marked!.meaning).toMatch(/midline/);
    expect(marked!.meaning).not.toMatch(/risk/i);
    // a crossing runner's widths are negative: no symmetry index of them
    expect(compareSides({ left: [-2.1, -2.0, -2.2], right: [-2.2, -2.1, -2.3] }, 'cm').symmetryIndexPct).toBeNull();
    expect(apart.symmetryIndexPct).not.toBeNull();
  });

  it("lateral sway is reported with its interval but never levelled: no published band, and a symmetry index inflates on its millimetres", () => {
    const sway = compareSides({ left: [1.8, 1.7, 1.9, 1.8, 1.8, 1.7, 1.9, 1.8], right: [1.2, 1.3, 1.1, 1.2, 1.2, 1.3, 1.1, 1.2] }, "px");
    expect(sway.differenceCi95).not.toBeNull();
    expect(raiseFlags({ lateralSwayPx: sway }, { refuse: false })).toEqual([]);
  });
});
