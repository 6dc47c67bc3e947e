import { describe, expect, it } from 'vitest';
import { lineToHorizontalDeg, lineToVerticalDeg, measureValueDeg } from '../../../src/renderer/draw/measureGeometry';

describe('measuring tools geometry', () => {
  it('measures the angle at the middle point', () => {
    expect(measureValueDeg({ kind: 'angle', points: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }] })).toBeCloseTo(90, 9);
    expect(measureValueDeg({ kind: 'angle', points: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 20, y: 0 }] })).toBeCloseTo(180, 9);
    expect(measureValueDeg({ kind: 'angle', points: [{ x: 0, y: 0 }, { x: 10, y: 0 }] })).toBeNaN();
  });
  it('measures a line against the vertical and the horizontal, whichever way it is drawn', () => {
    expect(lineToVerticalDeg({ x: 0, y: 0 }, { x: 10, y: 10 })).toBeCloseTo(45, 9);
    expect(lineToVerticalDeg({ x: 5, y: 20 }, { x: 5, y: 0 })).toBeCloseTo(0, 9);
    expect(lineToHorizontalDeg({ x: 0, y: 0 }, { x: 10, y: Math.tan(Math.PI / 6) * 10 })).toBeCloseTo(30, 9);
    expect(lineToHorizontalDeg({ x: 10, y: 0 }, { x: 0, y: Math.tan(Math.PI / 6) * 10 })).toBeCloseTo(30, 9);
    expect(lineToVerticalDeg({ x: 1, y: 1 }, { x: 1, y: 1 })).toBeNaN();
  });
});
