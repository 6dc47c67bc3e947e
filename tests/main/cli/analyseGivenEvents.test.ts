// `lopsided analyse track.csv --events events.csv` (issue 13): the built CLI recomputes everything from the events it
// is given. Fed the force plate's own events for an RBDS keypoint CSV, it must give back the force plate's per-side
// contact, flight and step times (the truth computes them from the same events: any gap is our pairing's fault).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../video/makeTestMedia';
import { assertBuilt, runCli } from './runBuiltCli';

interface TruthContact { side: 'left' | 'right'; foot_strike_s: number; toe_off_s: number; contact_time_s: number | null; flight_time_s: number | null; step_time_s: number | null }

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('lopsided-cli-events-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describe('lopsided analyse --events', () => {
  it.each(['RBDS001_T35', 'RBDS008_T35'])('%s, side view 60 fps: the truth\'s own events give the truth\'s contact, flight and step times within 0.5 ms', async (trial) => {
    const truth = JSON.parse(await readFile(`fixtures/rbds/${trial}/truth.json`, 'utf8')) as { events: TruthContact[] };
    // events.csv as the app writes it, without the corrected_by_hand column: events from outside the clip
    const rows = truth.events.flatMap((c) => [`${c.side},footStrike,${c.foot_strike_s},`, `${c.side},toeOff,${c.toe_off_s},`]);
    const eventsFile = join(dir, `${trial}-events.csv`);
    await writeFile(eventsFile, ['side,type,time_s,frame', ...rows].join('\n') + '\n');
    const out = join(dir, trial);
    const r = await runCli(['analyse', `fixtures/rbds/${trial}/keypoints_side_60fps.csv`, '--events', eventsFile, '--out', out, '--no-pdf', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      metrics: Record<string, { left: number; right: number; perStep: { left: number[]; right: number[] } }>;
      events: { correctedByHand?: boolean }[]; timing: { basis: string; handSetSec: number };
    };
    expect(report.events).toHaveLength(rows.length);
    expect(report.events.every((e) => e.correctedByHand === true)).toBe(true);
    expect(report.timing.basis).toBe('hand');
    for (const side of ['left', 'right'] as const) {
      for (const [id, key] of [['contactTimeMs', 'contact_time_s'], ['flightTimeMs', 'flight_time_s'], ['stepTimeMs', 'step_time_s']] as const) {
        const truthMs = truth.events.filter((c) => c.side === side && c[key] !== null).map((c) => (c[key] as number) * 1000);
        const got = report.metrics[id]!;
        console.info(`${trial} ${side} ${id}: ${got[side].toFixed(2)} ms vs truth ${mean(truthMs).toFixed(2)} ms (${got.perStep[side].length} / ${truthMs.length} steps)`);
        expect(Math.abs(got[side] - mean(truthMs))).toBeLessThan(0.5);
      }
    }
    // steps.csv says which events were set by hand
    const steps = (await readFile(join(out, 'steps.csv'), 'utf8')).trim().split('\n');
    expect(steps[0]).toMatch(/,corrected_by_hand,not_timed$/);
    // given events are not the clip's to time: no foot is "not timed"
    expect(steps[1]).toMatch(/,strike\+toe_off,$/);
  }, 60_000);

  it('refuses a bad events file with exit 2 and the line at fault, before writing anything', async () => {
    const bad = join(dir, 'bad-events.csv');
    await writeFile(bad, 'side,type,time_s,frame,corrected_by_hand\nleft,footStrike,1.0,60,0\nleft,toeOf,1.2,72,1\n');
    const out = join(dir, 'bad-out');
    const r = await runCli(['analyse', 'fixtures/rbds/RBDS001_T35/keypoints_side_60fps.csv', '--events', bad, '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-events\.csv line 3: type must be footStrike or toeOff \(got "toeOf"\)/);
    await expect(readFile(join(out, 'report.json'))).rejects.toThrow();

    await writeFile(bad, 'side,kind,time_s\nleft,footStrike,1.0\n');
    const r2 = await runCli(['analyse', 'fixtures/rbds/RBDS001_T35/keypoints_side_60fps.csv', '--events', bad, '--out', out, '--quiet']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/line 1: the header has no type column/);

    await writeFile(bad, 'side,type,time_s\nleft,footStrike,95.5\n');
    const r3 = await runCli(['analyse', 'fixtures/rbds/RBDS001_T35/keypoints_side_60fps.csv', '--events', bad, '--out', out, '--quiet']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/left foot strike at 95\.5 s lies outside the clip/);

    const session = await runCli(['analyse', 'fixtures/rbds/RBDS001_T35/keypoints_side_60fps.csv', 'fixtures/rbds/RBDS008_T35/keypoints_side_60fps.csv', '--events', bad, '--out', out, '--quiet']);
    expect(session.code).toBe(2);
    expect(session.stderr).toMatch(/--events is for one clip/);

    const r4 = await runCli(['analyse', 'fixtures/rbds/RBDS001_T35/keypoints_side_60fps.csv', '--events', join(dir, 'missing.csv'), '--out', out, '--quiet']);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/File not found: .*missing\.csv/);
  }, 60_000);
});
