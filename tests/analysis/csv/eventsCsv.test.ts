// events.csv read back for `--events` (issue 13): what formatEventsCsv writes is what parseEventsCsv reads, and every
// bad line is named.
import { describe, expect, it } from 'vitest';
import { parseEventsCsv } from '../../../src/analysis/eventsCsv';
import { formatEventsCsv } from '../../../src/analysis/resultCsv';
import type { AnalysisResult, GaitEvent } from '../../../src/analysis/types';

const events: GaitEvent[] = [
  { side: 'left', type: 'footStrike', timeSec: 0.486213, frame: 15 },
  { side: 'left', type: 'toeOff', timeSec: 0.735, frame: 22, correctedByHand: true },
  { side: 'right', type: 'footStrike', timeSec: 0.8123456, frame: 24 },
];
const result = { events } as unknown as AnalysisResult;

describe('parseEventsCsv', () => {
  it('reads back what formatEventsCsv writes, to the microsecond, with the hand marks', () => {
    const back = parseEventsCsv(formatEventsCsv(result));
    expect(back).toEqual([events[0], events[1], { ...events[2], timeSec: 0.812346 }]);
  });
  it('a file without corrected_by_hand counts every event as set from outside (by hand); frame may be empty', () => {
    expect(parseEventsCsv('side,type,time_s,frame\nright,toeOff,1.5,\n')).toEqual([{ side: 'right', type: 'toeOff', timeSec: 1.5, frame: 0, correctedByHand: true }]);
  });
  it.each([
    ['', /events\.csv is empty/],
    ['side,time_s\nleft,1', /line 1: the header has no type column/],
    ['side,type,time_s\nleft,footStrike,1\nmiddle,footStrike,2', /events\.csv line 3: side must be left or right \(got "middle"\)/],
    ['side,type,time_s\nleft,heelStrike,1', /line 2: type must be footStrike or toeOff \(got "heelStrike"\)/],
    ['side,type,time_s\nleft,footStrike,abc', /line 2: time_s must be a time in seconds ≥ 0 \(got "abc"\)/],
    ['side,type,time_s,frame\nleft,footStrike,1,1.5', /line 2: frame must be a whole number/],
    ['side,type,time_s,frame,corrected_by_hand\nleft,footStrike,1,3,maybe', /line 2: corrected_by_hand must be 1 or 0 \(got "maybe"\)/],
    ['side,type,time_s,frame\nleft,footStrike', /line 2: 2 values for 4 columns/],
    ['side,type,time_s\n\n', /has a header but no events/],
  ])('refuses %j', (text, message) => {
    expect(() => parseEventsCsv(text)).toThrow(message);
  });
});
