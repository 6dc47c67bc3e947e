// A long clip (issue 15): 2 h at 60 fps is 432,000 frames. Nothing in the pipeline may spread or recurse over a
// whole series (`push(...x)` and `Math.min(...x)` overflow the call stack near 125,000 values). Speed and memory
// are measured by scripts/bench-long-track.ts, never here.
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { filtfilt, butterworthLowPass } from '../../src/analysis/signal/butterworth';
import { generateRun } from './synthetic/generateRun';

const FRAMES = 200_000;

describe('long series', () => {
  it('filtfilt keeps every sample of a 200,000-sample series', () => {
    const x = Array.from({ length: FRAMES }, (_, i) => Math.sin(i / 50));
    const y = filtfilt(x, butterworthLowPass(6, 60));
    expect(y.length).toBe(FRAMES);
    expect(Math.abs((y[FRAMES / 2] as number) - (x[FRAMES / 2] as number))).toBeLessThan(0.05);
  });

  it('analyseTrack runs a 37-minute 60 fps track (133,200 frames) end to end', () => {
    const run = generateRun({ fps: 60, durationSec: 2220, view: 'side' });
    const track = run.track;
    expect(track.timesSec.length).toBeGreaterThan(130_000);
    const result = analyseTrack(track, { view: 'auto' }, {
      path: 'long', fps: 60, durationSec: track.timesSec.at(-1) as number, width: track.width, height: track.height,
    });
    expect(result.view).toBe('side');
    // one strike per foot per stride: the whole clip is found, not a prefix
    const strikes = result.events.filter((e) => e.type === 'footStrike').length;
    expect(strikes).toBeGreaterThan(0.9 * (2220 / (run.stepTimeSec)));
  }, 300_000);
});
