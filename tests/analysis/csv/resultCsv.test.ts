import { describe, expect, it } from 'vitest';
import { formatEventsCsv, formatStepsCsv } from '../../../src/analysis/resultCsv';
import type { AnalysisResult } from '../../../src/analysis/types';

const result: AnalysisResult = {
  schemaVersion: 1,
  video: { path: 'a.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 },
  view: 'rear',
  cadenceSpm: 162,
  events: [
    { side: 'left', type: 'toeOff', timeSec: 0.735, frame: 44 },
    { side: 'left', type: 'footStrike', timeSec: 0.486213, frame: 29 },
  ],
  metrics: {},
  flags: [],
  quality: { framesWithPose: 600, framesTotal: 600, warnings: [] },
  steps: [
    { side: 'left', strikeTimeSec: 0.486213, toeOffTimeSec: 0.735, contactMs: 248.787, flightMs: null, stepMs: 368.5, kneeFlexionAtStrikeDeg: null, overstrideDeg: null, hipDropDeg: 7.8959 },
    { side: 'right', strikeTimeSec: 0.8, toeOffTimeSec: 1.05, contactMs: 250, flightMs: null, stepMs: 313.8, kneeFlexionAtStrikeDeg: null, overstrideDeg: null, hipDropDeg: 6.1, stepWidthCm: -1.234, crossover: true, lateralSwayPx: 8.26 },
  ],
};

describe('result CSVs', () => {
  it('events.csv: one row per event in time order with side, type, sub-frame time and nearest frame', () => {
    expect(formatEventsCsv(result)).toBe('side,type,time_s,frame,corrected_by_hand\nleft,footStrike,0.486213,29,0\nleft,toeOff,0.735,44,0\n');
  });
  it('events.csv and steps.csv say which events a person set', () => {
    const edited: AnalysisResult = {
      ...result,
      events: [{ ...result.events[0]!, correctedByHand: true }, result.events[1]!],
      steps: [{ ...result.steps![0]!, correctedByHand: ['toeOff'] }, { ...result.steps![0]!, strikeTimeSec: 1.2, correctedByHand: ['footStrike', 'toeOff'] }],
    };
    expect(formatEventsCsv(edited).split('\n').slice(1, 3)).toEqual(['left,footStrike,0.486213,29,0', 'left,toeOff,0.735,44,1']);
    const rows = formatStepsCsv(edited).trim().split('\n').map((l) => l.split(',').at(-2));
    expect(rows).toEqual(['corrected_by_hand', 'toe_off', 'strike+toe_off']);
  });
  it('steps.csv: stable columns, empty cells where the view or data give no value', () => {
    const lines = formatStepsCsv(result).trim().split('\n');
    expect(lines[0]).toBe('side,strike_time_s,toe_off_time_s,contact_ms,flight_ms,step_ms,knee_flexion_at_strike_deg,overstride_deg,hip_drop_deg,step_width_cm,step_width_pct_hip,crossover,lateral_sway_px'
      + ',hip_extension_at_toe_off_deg,knee_drive_deg,foot_strike_angle_deg,knee_flexion_midstance_deg,trunk_lean_deg,arm_swing_deg,corrected_by_hand,not_timed');
    expect(lines[1]).toBe('left,0.48621,0.735,248.8,,368.5,,,7.9,,,,,,,,,,,,');
    expect(lines[2]).toBe('right,0.8,1.05,250,,313.8,,,6.1,-1.23,,1,8.3,,,,,,,,');
    expect(formatStepsCsv({ ...result, steps: undefined })).toBe(`${lines[0]}\n`);
  });
  it('steps.csv: the side-view angles (issue 16) fill the last six columns in their order (after the four rear-view columns, empty here)', () => {
    const side: AnalysisResult = { ...result, view: 'side', steps: [{ ...result.steps![0]!, hipDropDeg: null, hipExtensionAtToeOffDeg: 12.34, kneeDriveDeg: 40.06, footStrikeAngleDeg: -3.21, kneeFlexionMidstanceDeg: 38.9, trunkLeanDeg: 9.04, armSwingDeg: null }] };
    expect(formatStepsCsv(side).trim().split('\n')[1]).toBe('left,0.48621,0.735,248.8,,368.5,,,,,,,,12.3,40.1,-3.2,38.9,9,,,');
  });
  it('steps.csv: not_timed names the events of a foot this clip could not time, on that foot\'s rows only', () => {
    const seen = { visibility: 0.9, hidden: false, zeniOffsetSec: 0.01, scatterSec: 0.002, wandering: false };
    const untimed: AnalysisResult = {
      ...result, view: 'side', facing: 'imageRight',
      timing: { betweenFeetSec: { footStrike: 0.02, toeOff: 0.02 }, floorSec: 0.01, basis: 'clip', evidence: {
        left: { footStrike: seen, toeOff: seen },
        right: { footStrike: { ...seen, visibility: 0.2, hidden: true }, toeOff: { ...seen, pixelOffsetSec: 0.09, pixelScatterSec: 0.01, pixelDisagrees: true } },
      } },
    };
    const last = formatStepsCsv(untimed).trim().split('\n').map((l) => l.split(',').at(-1));
    expect(last).toEqual(['not_timed', '', 'strike+toe_off']);
  });
});
