import { describe, expect, it } from 'vitest';
import { detectView } from '../../../src/analysis/detectView';
import { generateRun } from '../synthetic/generateRun';

describe('detectView', () => {
  it('tells a side view and which way the runner faces', () => {
    for (const facing of ['imageLeft', 'imageRight'] as const) {
      const v = detectView(generateRun({ fps: 60, durationSec: 3, view: 'side', facing }).track);
      expect(v.view).toBe('side');
      expect(v.facing).toBe(facing);
      expect(v.warnings).toEqual([]);
    }
  });

  it('tells a rear view seen from behind', () => {
    const v = detectView(generateRun({ fps: 60, durationSec: 3, view: 'rear' }).track);
    expect(v.view).toBe('rear');
    expect(v.facing).toBe('awayFromCamera');
    expect(v.sweepLegLengths).toBeLessThan(0.5);
  });

  it('follows a forced view but warns when the feet disagree', () => {
    const v = detectView(generateRun({ fps: 60, durationSec: 3, view: 'side' }).track, 'rear');
    expect(v.view).toBe('rear');
    expect(v.warnings.join(' ')).toMatch(/side view/);
  });
});
