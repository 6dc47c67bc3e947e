// Hand corrections of gait events in the review screen (issue 13), as pure functions over the event list. An event
// moves by whole frames and keeps its sub-frame offset, so moving a strike one frame changes its contact time by
// exactly that frame's duration; an added event sits on a frame. Every event touched is marked correctedByHand.
import type { GaitEvent, GaitEventType, Side } from '../../shared/contract';

/** The frame an event moved by deltaFrames lands on, kept inside the clip. */
function targetFrame(frame: number, deltaFrames: number, frameCount: number): number {
  return Math.max(0, Math.min(frameCount - 1, frame + deltaFrames));
}

/** The event moved by whole frames: its time shifts by the frame times' own difference (variable frame rate too). */
export function movedEvent(ev: GaitEvent, deltaFrames: number, timesSec: readonly number[]): GaitEvent {
  const to = targetFrame(ev.frame, deltaFrames, timesSec.length);
  const shift = (timesSec[to] as number) - (timesSec[ev.frame] as number);
  return { ...ev, frame: to, timeSec: ev.timeSec + shift, correctedByHand: true };
}

/** Events sorted by time (the timeline's and the analysis's order). */
export function sortEvents(events: readonly GaitEvent[]): GaitEvent[] {
  return [...events].sort((a, b) => a.timeSec - b.timeSec);
}

export function replaceEvent(events: readonly GaitEvent[], old: GaitEvent, next: GaitEvent): GaitEvent[] {
  return sortEvents(events.map((e) => (e === old ? next : e)));
}

export function deleteEvent(events: readonly GaitEvent[], ev: GaitEvent): GaitEvent[] {
  return events.filter((e) => e !== ev);
}

/** A new event on a frame; null when that foot already has an event of that type on that frame. */
export function addEvent(events: readonly GaitEvent[], side: Side, type: GaitEventType, frame: number, timesSec: readonly number[]): { events: GaitEvent[]; added: GaitEvent } | null {
  if (events.some((e) => e.side === side && e.type === type && e.frame === frame)) return null;
  const added: GaitEvent = { side, type, frame, timeSec: timesSec[frame] as number, correctedByHand: true };
  return { events: sortEvents([...events, added]), added };
}

/** The same event after a list changed (by side, type and time), or null when it is gone. */
export function findSame(events: readonly GaitEvent[], ev: GaitEvent | null): GaitEvent | null {
  if (ev === null) return null;
  return events.find((e) => e === ev) ?? events.find((e) => e.side === ev.side && e.type === ev.type && e.timeSec === ev.timeSec) ?? null;
}
