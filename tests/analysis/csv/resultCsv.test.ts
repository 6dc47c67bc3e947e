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
    const rows = formatStepsCsv(edited).trim().split('\n').map((l) => l.split(',').at(-1));
    expect(rows).toEqual(['corrected_by_hand', 'toe_off', 'strike+toe_off']);
  });
  it('steps.csv: stable columns, empty cells where the view or data give no value', () => {
    const lines = formatStepsCsv(result).trim().split('\n');
    expect(lines[0]).toBe('side,strike_time_s,toe_off_time_s,contact_ms,flight_ms,step_ms,knee_flexion_at_strike_deg,overstride_deg,hip_drop_deg,corrected_by_hand');
    expect(lines[1]).toBe('left,0.48621,0.735,248.8,,368.5,,,7.9,');
    expect(formatStepsCsv({ ...result, steps: undefined })).toBe(`${lines[0]}\n`);
  });
});
