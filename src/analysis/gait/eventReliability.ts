// How well this clip times each foot's strikes and toe-offs, from evidence in the clip itself (docs/references.md
// "Asymmetry": a difference is only meaningful beyond the measurement's own noise, "widened by the event detector's
// own per-foot uncertainty on that clip").
//
// What turns into false asymmetry is not an event rule's bias but the *difference* between the two feet's biases:
// a bias both feet share cancels in left − right. Two kinds of evidence bound that difference here:
// - agreement between independent rules: the belt/height rules (sideViewEvents.ts) read the foot's velocity and
//   height, Zeni 2008 reads its position relative to the pelvis. Each foot's median offset between the two is a
//   property of the rules, the same for both feet when both are tracked alike; when the offsets differ between the
//   feet, one foot's events moved and the bound must cover it. Measured (`npx tsx scripts/validate/coverage.ts`
//   prints each clip's evidence): on the demo clip the far foot's toe-offs are 37–51 ms early against the eye marks
//   and the Zeni toe-off offsets differ by 30 ms (BlazePose heavy) and 45 ms (RTMPose) between the feet; on exact
//   RBDS joint centres they differ by 2–8 ms.
// - the pose model's own confidence at the event: a foot hidden behind the near leg is guessed, not seen. Such a
//   foot is not compared at all (its points wander by several frames: a real 60 fps clip's hidden far foot had its
//   toe-offs ~6 frames early).
// The floor: on exact joint centres (lab data, every score 1) max(5 ms, half a frame), the between-feet bias
// difference the rules reach on RBDS at 60 and 120 fps and the sub-frame interpolation's own resolution. On a pose
// model's track max(10 ms, one frame): the near and far foot's bias for the same event differs by up to about a frame
// there even where both feet are seen and the rules agree (rendered RBDS008 clip, BlazePose heavy, 60 fps: strikes
// 14 ms, toe-offs 16 ms; demo clip 30 fps: toe-offs 37 ms), and Young 2023 reports 10–14 ms errors, worse on the far foot.
import { footSignals } from './footSignals';
import { DEFAULT_SIDE_OPTIONS, sideViewFootEvents } from './sideViewEvents';
import { median, timeAtIndex } from '../signal/subFrame';
import type { EventTimingEvidence, GaitEvent, GaitEventType, PoseTrack, Side, TimingReliability } from '../types';

export const FOOT_POINTS = ['heel', 'foot_index', 'ankle'] as const;
/** BlazePose visibility below which a foot point is guessed rather than seen (its documentation: "likelihood of being visible"). */
export const MIN_VISIBILITY = 0.5;

/**
 * A foot's events are not located by this clip when their offset against the independent rule wanders from step to
 * step by more than half a frame (what sub-frame timing should hold) and more than 10 ms (the pose-model floor).
 * Measured (`npx tsx scripts/validate/coverage.ts` evidence lines): the demo clip's toe-offs that are 1.3–1.8
 * frames off against the eye marks wander by 18–22 ms; every foot of the RBDS trials (clean and damaged, 30–120 fps)
 * and of the rendered clip's BlazePose tracks by at most 12 ms at 30 fps and 5 ms at 60–120 fps.
 */
export function wanderLimitSec(fps: number): number {
  return Math.max(0.010, Number.isFinite(fps) && fps > 0 ? 0.5 / fps : 1 / 60);
}

export function timingFloorSec(fps: number, poseModel: boolean): number {
  const frameSec = Number.isFinite(fps) && fps > 0 ? 1 / fps : 1 / 30;
  return poseModel ? Math.max(0.010, frameSec) : Math.max(0.005, 0.5 * frameSec);
}

/** Whether the feet carry a pose model's confidences (lab joint centres come with score 1 throughout). */
export function hasPoseConfidence(track: PoseTrack): boolean {
  if (track.source.kind === 'pose-model') return true;
  for (const side of ['left', 'right']) {
    for (const p of FOOT_POINTS) {
      const scores = track.keypoints[`${side}_${p}`]?.score ?? [];
      if (scores.some((v) => Number.isFinite(v) && v < 0.999)) return true;
    }
  }
  return false;
}

/** Events not found by this clip's detector (force plates, hand corrections): only the resolution floor applies. */
export function givenTimingReliability(fps: number): TimingReliability {
  const floorSec = timingFloorSec(fps, false);
  const ev: EventTimingEvidence = { visibility: null, hidden: false, zeniOffsetSec: null, scatterSec: null, wandering: false };
  return {
    betweenFeetSec: { footStrike: floorSec, toeOff: floorSec },
    evidence: { left: { footStrike: ev, toeOff: ev }, right: { footStrike: ev, toeOff: ev } },
    floorSec, basis: 'given',
  };
}

function visibilityAt(track: PoseTrack, events: readonly GaitEvent[], side: Side, type: GaitEventType): number | null {
  const own = events.filter((e) => e.side === side && e.type === type);
  const perEvent: number[] = [];
  for (const e of own) {
    // the best-seen foot point at the event frame: one visible point is enough to place the foot
    const scores = FOOT_POINTS.map((p) => track.keypoints[`${side}_${p}`]?.score[e.frame] ?? Number.NaN).filter(Number.isFinite);
    if (scores.length > 0) perEvent.push(Math.max(...scores));
  }
  return perEvent.length > 0 ? median(perEvent) : null;
}

/** Median and median absolute deviation of (alternative − detected) over a foot's events; null with fewer than 3 pairs. */
function offsetStats(events: readonly GaitEvent[], alt: readonly number[], side: Side, type: GaitEventType, windowSec: number): { median: number; madSec: number } | null {
  const d: number[] = [];
  for (const e of events) {
    if (e.side !== side || e.type !== type) continue;
    let best = Number.POSITIVE_INFINITY;
    let off = Number.NaN;
    for (const t of alt) if (Math.abs(t - e.timeSec) < best) { best = Math.abs(t - e.timeSec); off = t - e.timeSec; }
    if (best <= windowSec) d.push(off);
  }
  // fewer than three pairs say nothing about a foot's typical offset
  if (d.length < 3) return null;
  const m = median(d);
  return { median: m, madSec: median(d.map((x) => Math.abs(x - m))) };
}

export interface ReliabilityInput {
  /** The track the events were timed on (filtered, levelled to the belt where that was done). */
  track: PoseTrack;
  events: readonly GaitEvent[];
  fps: number;
  view: 'side' | 'rear';
  facing: string;
  legLengthPx: number;
}

export function measureTimingReliability(input: ReliabilityInput): TimingReliability {
  const { track, events, fps } = input;
  const floorSec = timingFloorSec(fps, hasPoseConfidence(track));
  const sideView = input.view === 'side' && (input.facing === 'imageLeft' || input.facing === 'imageRight');
  const zeni: Record<Side, { footStrike: number[]; toeOff: number[] }> = { left: { footStrike: [], toeOff: [] }, right: { footStrike: [], toeOff: [] } };
  if (sideView) {
    const sign = input.facing === 'imageLeft' ? -1 : 1;
    for (const side of ['left', 'right'] as const) {
      const idx = sideViewFootEvents(footSignals(track, side, sign), fps, input.legLengthPx,
        { ...DEFAULT_SIDE_OPTIONS, strikeMethod: 'zeni', toeOffMethod: 'zeni' });
      zeni[side] = { footStrike: idx.strikes.map((i) => timeAtIndex(track.timesSec, i)), toeOff: idx.toeOffs.map((i) => timeAtIndex(track.timesSec, i)) };
    }
  }
  // Zeni's toe-off lags the toe's lift by ~0.1 s on a treadmill (the toe is carried on behind the pelvis): a
  // window of 0.25 s pairs each event with its own foot's Zeni event (a foot's events are a stride, ≥ 0.6 s, apart).
  const windowSec = 0.25;
  const evidence = {} as Record<Side, Record<GaitEventType, EventTimingEvidence>>;
  for (const side of ['left', 'right'] as const) {
    const per = {} as Record<GaitEventType, EventTimingEvidence>;
    for (const type of ['footStrike', 'toeOff'] as const) {
      const visibility = visibilityAt(track, events, side, type);
      const stats = sideView ? offsetStats(events, zeni[side][type], side, type, windowSec) : null;
      per[type] = {
        visibility, hidden: visibility !== null && visibility < MIN_VISIBILITY,
        zeniOffsetSec: stats?.median ?? null,
        scatterSec: stats?.madSec ?? null,
        wandering: stats !== null && stats.madSec > wanderLimitSec(fps),
      };
    }
    evidence[side] = per;
  }
  const between = (type: GaitEventType): number => {
    const l = evidence.left[type].zeniOffsetSec;
    const r = evidence.right[type].zeniOffsetSec;
    // No second opinion on a side view (Zeni found too few on a foot): one frame, the bias measured on real pose
    // tracks (near vs far foot, ~1 frame) when the two rules cannot be compared.
    if (sideView && (l === null || r === null)) return Math.max(floorSec, 1 / fps);
    return Math.max(floorSec, l !== null && r !== null ? Math.abs(l - r) : 0);
  };
  return { betweenFeetSec: { footStrike: between('footStrike'), toeOff: between('toeOff') }, evidence, floorSec, basis: 'clip' };
}

/** Sentences naming each foot whose events this clip cannot time (hidden, or wandering), and how to film so that it can. */
export function hiddenFootReasons(r: TimingReliability, facing: string): { side: Side; type: GaitEventType; reason: string }[] {
  const out: { side: Side; type: GaitEventType; reason: string }[] = [];
  const nearSide: Side | null = facing === 'imageLeft' ? 'left' : facing === 'imageRight' ? 'right' : null;
  for (const side of ['left', 'right'] as const) {
    for (const type of ['footStrike', 'toeOff'] as const) {
      const e = r.evidence[side][type];
      if (!e.hidden && !e.wandering) continue;
      const what = type === 'footStrike' ? 'foot strike' : 'toe-off';
      const far = nearSide !== null && nearSide !== side;
      const behind = far ? ' behind the near leg' : '';
      const film = far ? ` Film a second clip from the runner's ${side} so that this foot is the near one.` : ' Keep both feet in view, at the highest frame rate the phone offers.';
      const why = e.hidden
        ? `is hidden${behind} at ${what} (pose confidence ${(e.visibility ?? 0).toFixed(2)})`
        : `is not located at ${what}: its ${what}s wander by ${Math.round((e.scatterSec ?? 0) * 1000)} ms from step to step against a second, independent rule`;
      out.push({ side, type, reason: `The ${side} foot ${why}, so its ${what}s cannot be timed from this clip.${film}` });
    }
  }
  return out;
}
