// `--px-per-cm` (issue 16): with the image scale known, a rear keypoint CSV gives step width in cm, within 1 cm of the
// width between the exact ankle centres at the force-plate mid-stances (RBDS rear camera: 500 px per metre at the
// runner); without it, the same width as a share of hip width. The truth is read by scripts/validate/stepWidth.ts.
import { describe, expect, it } from 'vitest';
import { analyseKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';
import { formatStepsCsv } from '../../../src/analysis/resultCsv';
import { truthPlacements } from '../../../scripts/validate/stepWidth';
import { rbdsContacts } from '../../../scripts/validate/rearCases';
import { loadRbdsTrack } from '../../../scripts/validate/truthLoaders';

const TRIAL = 'RBDS001_T35';
const CSV = `fixtures/rbds/${TRIAL}/keypoints_rear_60fps.csv`;

describe('analyseKeypointCsv with a known scale (rear view, RBDS001 at 3.5 m/s: a crossing runner)', () => {
  const truth = truthPlacements(loadRbdsTrack(TRIAL, 'rear', 120), rbdsContacts(TRIAL), 5);
  const truthMean = (side: 'left' | 'right'): number => {
    const v = truth.filter((k) => k.side === side && k.widthCm !== null).map((k) => k.widthCm as number);
    return v.reduce((a, b) => a + b, 0) / v.length;
  };

  it('step width per side in cm within 1 cm of the exact ankle centres, crossovers counted per side', async () => {
    const out = await analyseKeypointCsv(CSV, { view: 'auto', pxPerCm: 5 });
    const w = out.result.metrics.stepWidthCm;
    expect(out.result.metrics.stepWidthPctHip).toBeUndefined();
    expect(truthMean('left')).toBeLessThan(0); // the feet cross: a negative width
    expect(Math.abs((w?.left ?? NaN) - truthMean('left'))).toBeLessThan(1);
    expect(Math.abs((w?.right ?? NaN) - truthMean('right'))).toBeLessThan(1);
    expect(w?.differenceCi95).not.toBeNull();
    const truthCross = truth.filter((k) => k.side === 'left' && k.crossover === true).length;
    expect(out.result.crossover?.left.count).toBeGreaterThanOrEqual(truthCross - 2);
    const rows = formatStepsCsv(out.result).trim().split('\n');
    expect(rows.slice(1).filter((r) => /,-?\d+(\.\d+)?,,[01],/.test(r)).length).toBeGreaterThan(60);
  });

  it('without a scale, the same width as a share of hip width', async () => {
    const out = await analyseKeypointCsv(CSV, { view: 'auto' });
    expect(out.result.metrics.stepWidthCm).toBeUndefined();
    expect(out.result.metrics.stepWidthPctHip?.left).toBeLessThan(0);
    expect(out.result.method?.stepWidthPctHip).toMatch(/% of the hip width/);
  });
});
