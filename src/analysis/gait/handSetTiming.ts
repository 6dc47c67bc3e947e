// How well hand-set events are timed (issue 13, "events corrected by hand"). A person marking an event frame by frame
// places it to about one frame: the eye-marked demo clip (fixtures/videos/treadmill_side_30fps.events.json,
// "caveats") gives every strike and toe-off as ±1 frame, from motion blur and a toe that rises over two frames.
// The pose-derived evidence of eventReliability.ts (foot-point confidence, agreement with a second rule) describes
// the detector's events, not the ones a person set: the caller measures it on the detector's events that remain
// (analyseWithEvents.ts), it is dropped for a foot's events of a type once all of them were set by hand, and the
// between-feet bound of any event type with a hand-set event is at least one frame.
import type { EventTimingEvidence, GaitEvent, GaitEventType, Side, TimingReliability } from '../types';

const TYPES: readonly GaitEventType[] = ['footStrike', 'toeOff'];
const SIDES: readonly Side[] = ['left', 'right'];

/** Eye-marking resolution of one event: one frame (the eye-marked fixture's ±1 frame). */
export function eyeMarkingSec(fps: number): number {
  return Number.isFinite(fps) && fps > 0 ? 1 / fps : 1 / 30;
}

/**
 * The clip's timing evidence with hand-set events taken into account. Unchanged (the same object) when no event was
 * set by hand, so an analysis without corrections reads exactly as before.
 */
export function handSetTiming(clip: TimingReliability, events: readonly GaitEvent[], fps: number): TimingReliability {
  const count = (side: Side, type: GaitEventType, hand: boolean): number =>
    events.filter((e) => e.side === side && e.type === type && (e.correctedByHand === true) === hand).length;
  if (!events.some((e) => e.correctedByHand === true)) return clip;
  const eyeSec = eyeMarkingSec(fps);
  const evidence = { left: { ...clip.evidence.left }, right: { ...clip.evidence.right } } as Record<Side, Record<GaitEventType, EventTimingEvidence>>;
  const betweenFeetSec = { ...clip.betweenFeetSec };
  let allHand = true;
  for (const type of TYPES) {
    let anyHand = false;
    let anyDetected = false;
    for (const side of SIDES) {
      const hand = count(side, type, true);
      const detected = count(side, type, false);
      if (detected > 0) { allHand = false; anyDetected = true; }
      if (hand === 0) continue;
      anyHand = true;
      evidence[side][type] = detected === 0
        // every event of this foot and type was placed by a person who saw the foot: no pose confidence, no second
        // rule's offset, not hidden, not wandering
        ? { visibility: null, hidden: false, zeniOffsetSec: null, scatterSec: null, wandering: false, handSet: hand }
        // the detector's events that remain still carry the clip's evidence
        : { ...clip.evidence[side][type], handSet: hand };
    }
    // detector events left on either foot: their measured bound still holds beside the eye-marking bound
    if (anyHand) betweenFeetSec[type] = Math.max(anyDetected ? clip.betweenFeetSec[type] : clip.floorSec, eyeSec);
  }
  return { betweenFeetSec, evidence, floorSec: clip.floorSec, basis: allHand ? 'hand' : clip.basis, handSetSec: eyeSec };
}
