// The rear view's pictures say what the numbers say (issue 13): the hip-drop chart's lines, its per-step marks, the
// table and the drawn pelvis line all share one sign convention, checked on the real analysis of the rendered rear
// clip's exact joint tracks (fixtures/synthetic).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { stanceDropSeries, stepDropPoints } from '../../../src/shared/hipDropSeries';
import { normalBandMs, plottedFeet } from '../../../src/renderer/charts/ContactTimeChart';
import { uncomparedFeet } from '../../../src/renderer/charts/comparedFeet';
import { pelvisAtFrame, pelvisReference } from '../../../src/renderer/format/pelvisAtFrame';
import { parseTrackCsv } from '../fakeSession';

const csv = readFileSync('fixtures/synthetic/RBDS008_T35_rear_truth.csv', 'utf8');
const track = parseTrackCsv(csv, 1280, 720, 'RBDS008_T35_rear_truth.csv');
const result = analyseTrack(track, { view: 'rear' }, { path: 'rear.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 });
const curve = result.curves!.hipLineDeg!;

describe('hip-drop chart convention', () => {
  it('draws each stance so that its value at the step’s mark is the table’s hip drop for that step', () => {
    for (const side of ['left', 'right'] as const) {
      const series = stanceDropSeries(curve, result.events, side);
      const marks = stepDropPoints(result.steps ?? [], side);
      expect(marks.length).toBeGreaterThan(6);
      const gaps = marks.map((m) => {
        const nearest = series.reduce((best, p) => (Math.abs(p.x - m.x) < Math.abs(best.x - m.x) ? p : best));
        return nearest.y === null ? Number.NaN : Math.abs(nearest.y - m.y);
      }).filter(Number.isFinite);
      gaps.sort((a, b) => a - b);
      // The mark sits where the analysis read that step (its mid-stance: `midStanceTimeSec`), so it lies on the drawn
      // line up to the nearest frame (the pelvis line turns by up to ~0.7° within one 60 fps frame here).
      expect(gaps[gaps.length >> 1]).toBeLessThan(0.5);
      expect(gaps[gaps.length - 1]).toBeLessThan(1);
      const meanMark = marks.reduce((a, m) => a + m.y, 0) / marks.length;
      expect(Math.sign(meanMark)).toBe(Math.sign(result.metrics.hipDropDeg![side]!));
      expect(meanMark).toBeCloseTo(result.metrics.hipDropDeg![side]!, 6);
    }
  });
});

describe('drawn pelvis line', () => {
  it('makes the analysis’s angle against the drawn level reference, right side lower when positive', () => {
    const ref = pelvisReference(result, track)!;
    expect(ref).not.toBeNull();
    const errors: number[] = [];
    for (let f = 0; f < track.timesSec.length; f += 7) {
      const p = pelvisAtFrame(ref, result, track, f);
      if (!p) continue;
      const imageDeg = (Math.atan2(p.right.y - p.left.y, p.right.x - p.left.x) * 180) / Math.PI; // + = image-right end lower
      const rightOnImageRight = p.right.x > p.left.x;
      const againstReference = (rightOnImageRight ? 1 : -1) * (imageDeg - p.referenceTiltDeg);
      errors.push(Math.abs(againstReference - p.rightLowDeg));
    }
    expect(errors.length).toBeGreaterThan(50);
    errors.sort((a, b) => a - b);
    expect(errors[errors.length >> 1]).toBeLessThan(0.5);
  });
  it('is absent in a side view', () => {
    expect(pelvisReference({ ...result, view: 'side' }, track)).toBeNull();
  });
});

describe('contact-time chart', () => {
  it('shades where both feet lie within 5% of each other', () => {
    const band = normalBandMs({ unit: 'ms', left: 240, right: 260, symmetryIndexPct: null, differenceCi95: null, perStep: { left: [], right: [] } })!;
    expect(band[0]).toBeCloseTo(243.75, 9);
    expect(band[1]).toBeCloseTo(256.25, 9);
    expect((band[1] - band[0]) / 250 * 100).toBeCloseTo(5, 9);
  });
  it('is not drawn from behind: rear-view contact times are not measured, so neither foot is plotted', () => {
    const contact = result.metrics.contactTimeMs!;
    // not measured from behind: no means and no per-step values (the steps' contact times are null too)
    expect(contact.perStep.left).toEqual([]);
    expect((result.steps ?? []).every((s) => s.contactMs === null && s.flightMs === null && s.stepMs === null)).toBe(true);
    expect((result.steps ?? []).filter((s) => s.hipDropDeg !== null).length).toBeGreaterThan(6);
    // the method says so for the measures the result has, and keeps no how-it-would-be-read text for the bounce
    expect(result.method?.contactTimeMs).toMatch(/^Not measured: foot contacts seen from behind/);
    expect(result.method?.verticalOscillation).toBeUndefined();
    expect(result.method?.stepLengthCm).toBeUndefined();
    expect(plottedFeet(contact)).toEqual([]);
    expect(plottedFeet({ ...contact, left: 250, right: 252 })).toEqual(['left', 'right']);
  });
  it('leaves out a foot the clip could not time', () => {
    const timing = structuredClone(result.timing!);
    expect(uncomparedFeet({ timing, facing: result.facing }).size).toBe(0);
    timing.evidence.right.toeOff.hidden = true;
    const left = uncomparedFeet({ timing, facing: 'imageLeft' });
    expect([...left.keys()]).toEqual(['right']);
    expect(left.get('right')).toMatch(/right foot is hidden/);
  });
});
