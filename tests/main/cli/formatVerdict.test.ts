import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { formatSideTable, formatVerdict } from '../../../src/main/cli/formatVerdict';
import { shownMetricIds } from '../../../src/shared/formatMetric';

// A real result: the committed BlazePose track of the treadmill fixture through the analysis.
const track = parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', 'utf8'), { name: 'treadmill.csv', width: 720, height: 1280 });
const result = analyseTrack(track, { view: 'auto', beltSpeedMps: 12 / 3.6 }, { path: 'treadmill.mp4', fps: 30, durationSec: 12, width: 720, height: 1280 });

describe('formatVerdict', () => {
  it('starts with view, cadence and strike counts, then the analysis verdict', () => {
    const text = formatVerdict(result);
    const strikes = result.events.filter((e) => e.type === 'footStrike');
    expect(text.split('\n')[0]).toBe(
      `Side view · cadence ${Math.round(result.cadenceSpm!)} steps/min · ${strikes.filter((e) => e.side === 'left').length} left and ${strikes.filter((e) => e.side === 'right').length} right foot strikes`,
    );
    for (const v of result.verdict ?? []) expect(text).toContain(v);
    for (const w of result.quality.warnings) expect(text).toContain(`warning: ${w}`);
  });

  it('the table has a row per metric with left, right, interval and SI, columns aligned', () => {
    const table = formatSideTable(result);
    expect(table[0]).toMatch(/^metric\s+left\s+right\s+L−R 95% interval\s+SI\s+level$/);
    // a row per measure with a value on at least one side; a measure this clip cannot time on either foot (demo
    // clip, BlazePose full: both toe-offs wander) is no row of dashes but a warning naming the foot and why
    expect(table.length - 1).toBe(shownMetricIds(result).length);
    const m = result.metrics.contactTimeMs!;
    expect(m.left === null && m.right === null).toBe(true);
    expect(table.some((l) => l.startsWith('Ground contact time (ms)'))).toBe(false);
    expect(result.quality.warnings.join(' ')).toMatch(/toe-offs cannot be timed from this clip/);
    const flight = result.metrics.flightTimeMs!;
    expect(flight.left === null && flight.right === null).toBe(true);
    const step = table.find((l) => l.startsWith('Step time (ms)'))!;
    expect(step).toContain(String(Math.round(result.metrics.stepTimeMs!.left!)));
    expect(table.find((l) => l.startsWith('Step length (cm)'))).toBeDefined();
    // every column padded to its width: the numbers end, and the level starts, at the same place on every line
    const levelAt = table[0]!.indexOf('level');
    expect(new Set(table.map((l) => l.slice(0, levelAt).length)).size).toBe(1);
    expect(new Set(table.map((l) => l.slice(0, levelAt).trimEnd().length)).size).toBe(1);
    // each row's level: its flag's, "not compared" where only one side was measured (the far arm unseen), else a dash
    const levelOf = (label: string): string => table.find((l) => l.startsWith(label))!.slice(levelAt).trim();
    const arm = result.metrics.armSwingDeg!;
    expect(arm.left !== null && arm.right === null).toBe(true);
    expect(levelOf('Arm swing range (°)')).toBe('not compared');
    expect(levelOf('Step length (cm)')).toBe('–');
    expect(levelOf('Step time (ms)')).toBe(result.flags.find((f) => f.metricId === 'stepTimeMs')!.level);
  });
});
