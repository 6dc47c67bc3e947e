// Pure event edits (issue 13): a move shifts by the clip's own frame times (variable frame rate too), keeps the
// sub-frame offset, stays inside the clip and marks the event; an add refuses a second event of a kind on a frame.
import { describe, expect, it } from 'vitest';
import { addEvent, deleteEvent, findSame, movedEvent, replaceEvent } from '../../../src/renderer/format/eventEdits';
import type { GaitEvent } from '../../../src/shared/contract';

const times = [0, 0.033, 0.070, 0.100, 0.141]; // a phone's uneven frame times
const strike: GaitEvent = { side: 'left', type: 'footStrike', timeSec: 0.045, frame: 1 };

describe('event edits', () => {
  it('moves by the frame times between the frames, keeping the offset within the frame', () => {
    expect(movedEvent(strike, 1, times)).toEqual({ ...strike, frame: 2, timeSec: expect.closeTo(0.045 + 0.037, 12), correctedByHand: true });
    expect(movedEvent(strike, 2, times).timeSec).toBeCloseTo(0.045 + 0.067, 12);
    expect(movedEvent(strike, -1, times)).toEqual({ ...strike, frame: 0, timeSec: expect.closeTo(0.045 - 0.033, 12), correctedByHand: true });
    expect(movedEvent(strike, 10, times).frame).toBe(4);
    expect(movedEvent(strike, -10, times).frame).toBe(0);
  });
  it('replaces, deletes and adds, keeping time order', () => {
    const toe: GaitEvent = { side: 'left', type: 'toeOff', timeSec: 0.12, frame: 4 };
    const events = [strike, toe];
    const moved = movedEvent(toe, -3, times);
    expect(replaceEvent(events, toe, moved).map((e) => e.type)).toEqual(['toeOff', 'footStrike']);
    expect(deleteEvent(events, strike)).toEqual([toe]);
    const added = addEvent(events, 'right', 'footStrike', 3, times)!;
    expect(added.added).toEqual({ side: 'right', type: 'footStrike', frame: 3, timeSec: 0.1, correctedByHand: true });
    expect(added.events.map((e) => e.side)).toEqual(['left', 'right', 'left']);
    expect(addEvent(events, 'left', 'footStrike', 1, times)).toBeNull();
    expect(findSame([{ ...strike }], strike)).toEqual(strike);
    expect(findSame([toe], strike)).toBeNull();
  });
});
