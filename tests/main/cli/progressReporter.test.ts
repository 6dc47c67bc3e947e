import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../../src/main/cli/progressReporter';

function fakeStream(isTTY: boolean, columns?: number): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, columns, write: (s: string) => { written.push(s); return true; } } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('createProgressReporter', () => {
  it('TTY: redraws one line with a bar, clears it when done; a size-less pty counts as 80 columns', () => {
    const { stream, written } = fakeStream(true, 0);
    const r = createProgressReporter({ quiet: false, stream });
    r.update({ stage: 'pose', done: 180, total: 360, framesPerSec: 30, etaSec: 6 });
    expect(written[0]!.startsWith('\r\u001b[2K')).toBe(true);
    expect(written[0]!.slice(5)).toMatch(/^pose\s+\[█+░+\] {2}180\/360 {2}30\.0 fps {2}ETA 0:06$/);
    expect(written[0]!.length - '\r\x1b[2K'.length).toBeLessThanOrEqual(79);
    r.done();
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('not a TTY: a plain line at each stage change, throttled within a stage, always the last frame', () => {
    const { stream, written } = fakeStream(false);
    const r = createProgressReporter({ quiet: false, stream, plainEverySec: 60 });
    r.update({ stage: 'probe', done: 0, total: 1 });
    r.update({ stage: 'pose', done: 1, total: 360 });
    r.update({ stage: 'pose', done: 2, total: 360 });
    r.update({ stage: 'pose', done: 360, total: 360 });
    expect(written).toEqual(['probe 0/1 (0%)\n', 'pose 1/360 (0%)\n', 'pose 360/360 (100%)\n']);
  });

  it('--quiet writes nothing', () => {
    const { stream, written } = fakeStream(true, 80);
    const r = createProgressReporter({ quiet: true, stream });
    r.update({ stage: 'pose', done: 1, total: 2 });
    r.done();
    expect(written).toEqual([]);
  });
});
