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
// - the foot's own pixels (issue 11, side clips from a video): a foot on the belt moves backwards with it, which the
//   image motion around its heel and toe shows (src/main/footMotion measures it, gait/pixelStance.ts reads stance
//   from it) even where the pose model's far-foot points wander. Each foot's median offset of its events against its
//   pixel stance enters the between-feet bound like the Zeni offset; a foot whose events sit off its pixels by more
//   than both can be off together (pixelLimitSec), or wander against them by more than both can wander
//   (pixelWanderLimitSec), is not compared. Measured (`npm run validate`, "Foot pixels"): on
//   the demo clip the strikes of both feet sit alike against their pixels (left / right 6.1 / 3.3 ms BlazePose
//   heavy, 12.2 / 9.4 ms full: a bias both feet share, which cancels in left − right); the toe-offs not compared sit
//   up to 50 ms off their pixels or wander by 19–49 ms, the compared ones sit 8–15 ms off and wander by 5 ms. The
//   limits take out feet the other evidence kept: a fresh BlazePose heavy run of the demo clip (ONNX) has its far
//   foot's toe-offs 96 ms after its pixels (the offset limit), a fresh full run's wandered by 31 ms (the wander limit).
// - the pose model's own confidence at the event: a foot hidden behind the near leg is guessed, not seen. Such a
//   foot is not compared at all (its points wander by several frames: a real 60 fps clip's hidden far foot had its
//   toe-offs ~6 frames early).
// The floor: on exact joint centres (lab data, every score 1) max(5 ms, half a frame), the between-feet bias
// difference the rules reach on RBDS at 60 and 120 fps and the sub-frame interpolation's own resolution. On a pose
// model's track max(10 ms, one frame): the near and far foot's bias for the same event differs by up to about a frame
// there even where both feet are seen and the rules agree (rendered RBDS008 clip, BlazePose heavy, 60 fps: strikes
// 14 ms, toe-offs 16 ms; demo clip 30 fps: toe-offs 37 ms), and Young 2023 reports 10–14 ms errors, worse on the far foot.
import { footSignals } from './footSignals';
import { pixelStance } from './pixelStance';
import { commonestEdge, outsideEdgeAt } from './pointVisibility';
import { DEFAULT_SIDE_OPTIONS, sideViewFootEvents } from './sideViewEvents';
import { median, timeAtIndex } from '../signal/subFrame';
import type { EventTimingEvidence, GaitEvent, GaitEventType, PictureEdge, PoseTrack, Side, TimingReliability } from '../types';

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

/**
 * A foot's pose events are not located by this clip when they sit off the foot's own pixel stance (gait/pixelStance.ts)
 * by more than both can be off together: the pose model's floor (timingFloorSec) plus the pixel rule's own bound,
 * the larger of one frame (each motion sample is a whole frame's mean motion) and 40 ms (its median error per foot:
 * ≤ 39 ms = 1.2 frames against the demo clip's eye marks, ≤ 38 ms against the force plates on the rendered RBDS008
 * clips at 60 fps, whose belt texture does not move and drags the toe's match at toe-off; `npm run validate`, "Foot
 * pixels"). 73 ms at 30 fps, 57 ms at 60 fps: a foot that disagrees with its pixels by that much has events several
 * frames off, not noise.
 */
export function pixelLimitSec(fps: number): number {
  const frameSec = Number.isFinite(fps) && fps > 0 ? 1 / fps : 1 / 30;
  return timingFloorSec(fps, true) + Math.max(0.040, frameSec);
}

/**
 * Nor are they located when their offset against the pixel stance wanders from step to step (median absolute
 * deviation) by more than both can wander together: the pose events by wanderLimitSec (what sub-frame timing holds,
 * as against the Zeni rule), the pixel stance by half a frame (each sample is one frame's mean motion, its crossing
 * placed between samples), added in quadrature as independent: 24 ms at 30 fps, 13 ms at 60 fps. Measured (`npm run
 * validate`, "Foot pixels"): compared feet of the demo clip 4–8 ms, of the rendered clips 2–7 ms; the demo clip's
 * far-foot toe-offs 48–49 ms (BlazePose heavy, RTMPose), a fresh BlazePose full run's 31 ms (1.1 frames off the eye
 * marks).
 */
export function pixelWanderLimitSec(fps: number): number {
  const frameSec = Number.isFinite(fps) && fps > 0 ? 1 / fps : 1 / 30;
  return Math.hypot(wanderLimitSec(fps), 0.5 * frameSec);
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
  /** The same in the picture's own coordinates (not levelled), for whether a foot lies outside the picture; the
   *  events' track when absent. */
  pictureTrack?: PoseTrack;
  events: readonly GaitEvent[];
  fps: number;
  view: 'side' | 'rear';
  facing: string;
  legLengthPx: number;
}

/**
 * The edge a foot lies beyond at most of its events of a type (pointVisibility.ts outsideEdgeAt). Measured: the demo
 * clip cropped just above the belt had its feet's points below the frame in 66–91% of frames, and one foot's strikes
 * still counted as timed.
 */
function outOfPictureAt(track: PoseTrack, events: readonly GaitEvent[], side: Side, type: GaitEventType): PictureEdge | undefined {
  const own = events.filter((e) => e.side === side && e.type === type);
  const { edge, count } = commonestEdge(own.map((e) => outsideEdgeAt(track, FOOT_POINTS.map((p) => `${side}_${p}`), e.frame)));
  return own.length > 0 && count > own.length / 2 ? edge : undefined;
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
  // The foot's own pixels (issue 11): stance onsets and ends where the foot region moves with the belt.
  const motion = sideView ? track.footMotion : undefined;
  const pixels = motion ? {
    left: pixelStance(motion, 'left', track.timesSec, input.facing as 'imageLeft' | 'imageRight'),
    right: pixelStance(motion, 'right', track.timesSec, input.facing as 'imageLeft' | 'imageRight'),
  } : null;
  const evidence = {} as Record<Side, Record<GaitEventType, EventTimingEvidence>>;
  for (const side of ['left', 'right'] as const) {
    const per = {} as Record<GaitEventType, EventTimingEvidence>;
    for (const type of ['footStrike', 'toeOff'] as const) {
      const visibility = visibilityAt(track, events, side, type);
      const stats = sideView ? offsetStats(events, zeni[side][type], side, type, windowSec) : null;
      const outside = outOfPictureAt(input.pictureTrack ?? track, events, side, type);
      per[type] = {
        visibility, hidden: (visibility !== null && visibility < MIN_VISIBILITY) || outside !== undefined,
        zeniOffsetSec: stats?.median ?? null,
        scatterSec: stats?.madSec ?? null,
        wandering: stats !== null && stats.madSec > wanderLimitSec(fps),
        ...(outside ? { outOfPicture: outside } : {}),
      };
      if (pixels) {
        const px = offsetStats(events, type === 'footStrike' ? pixels[side].onsetsSec : pixels[side].endsSec, side, type, windowSec);
        per[type] = {
          ...per[type], pixelOffsetSec: px?.median ?? null, pixelScatterSec: px?.madSec ?? null,
          pixelDisagrees: px !== null && (Math.abs(px.median) > pixelLimitSec(fps) || px.madSec > pixelWanderLimitSec(fps)),
        };
      }
    }
    evidence[side] = per;
  }
  const between = (type: GaitEventType): number => {
    const l = evidence.left[type].zeniOffsetSec;
    const r = evidence.right[type].zeniOffsetSec;
    // The pixels are a third opinion of the same kind (issue 11): when the feet's events sit differently against
    // their own pixel stance, one foot's events moved (or its pixels did), and the bound covers it.
    const pl = evidence.left[type].pixelOffsetSec ?? null;
    const pr = evidence.right[type].pixelOffsetSec ?? null;
    const pixelSec = pl !== null && pr !== null ? Math.abs(pl - pr) : 0;
    // No second opinion on a side view (Zeni found too few on a foot): one frame, the bias measured on real pose
    // tracks (near vs far foot, ~1 frame) when the two rules cannot be compared.
    if (sideView && (l === null || r === null)) return Math.max(floorSec, 1 / fps, pixelSec);
    return Math.max(floorSec, l !== null && r !== null ? Math.abs(l - r) : 0, pixelSec);
  };
  return { betweenFeetSec: { footStrike: between('footStrike'), toeOff: between('toeOff') }, evidence, floorSec, basis: 'clip' };
}

/** Why a foot's events disagree with its own pixels, in words: where they sit against them, and how they wander. */
function pixelReason(e: EventTimingEvidence, type: GaitEventType): string {
  const what = type === 'footStrike' ? 'foot strike' : 'toe-off';
  const moment = type === 'footStrike' ? 'starting to move with the belt' : 'leaving the belt';
  const off = e.pixelOffsetSec ?? 0;
  return `its ${what}s sit ${Math.round(Math.abs(off) * 1000)} ms ${off > 0 ? 'before' : 'after'} the moment the video shows the foot ${moment}, wandering by ${Math.round((e.pixelScatterSec ?? 0) * 1000)} ms from step to step`;
}

/** Sentences naming each foot whose events this clip cannot time (hidden, or wandering), and how to film so that it can. */
export function hiddenFootReasons(r: TimingReliability, facing: string): { side: Side; type: GaitEventType; reason: string }[] {
  const out: { side: Side; type: GaitEventType; reason: string }[] = [];
  const nearSide: Side | null = facing === 'imageLeft' ? 'left' : facing === 'imageRight' ? 'right' : null;
  const outside = outOfPictureReason(r);
  for (const side of ['left', 'right'] as const) {
    for (const type of ['footStrike', 'toeOff'] as const) {
      const e = r.evidence[side][type];
      if (!e.hidden && !e.wandering && e.pixelDisagrees !== true) continue;
      if (e.outOfPicture && outside) {
        out.push({ side, type, reason: outside });
        continue;
      }
      const what = type === 'footStrike' ? 'foot strike' : 'toe-off';
      const far = nearSide !== null && nearSide !== side;
      const behind = far ? ' behind the near leg' : '';
      const film = far ? ` Film a second clip from the runner's ${side} so that this foot is the near one.` : ' Keep both feet in view, at the highest frame rate the phone offers.';
      const why = e.hidden
        ? `is hidden${behind} at ${what} (pose confidence ${(e.visibility ?? 0).toFixed(2)})`
        : e.wandering
          ? `is not located at ${what}: its ${what}s wander by ${Math.round((e.scatterSec ?? 0) * 1000)} ms from step to step against a second, independent rule`
          : `is not located at ${what}: ${pixelReason(e, type)}`;
      out.push({ side, type, reason: `The ${side} foot ${why}, so its ${what}s cannot be timed from this clip.${film}` });
    }
  }
  return out;
}

/**
 * One sentence for every foot event out of the picture (a framing fault, the same for all of them), or null when none
 * is: e.g. "Both feet are out of the picture at foot strike and toe-off (past its bottom edge), …".
 */
function outOfPictureReason(r: TimingReliability): string | null {
  const types = (side: Side): GaitEventType[] => (['footStrike', 'toeOff'] as const).filter((t) => r.evidence[side][t].outOfPicture !== undefined);
  const sides = (['left', 'right'] as const).filter((side) => types(side).length > 0);
  if (sides.length === 0) return null;
  const all = [...new Set(sides.flatMap(types))];
  const edges = [...new Set(sides.flatMap((side) => types(side).map((t) => r.evidence[side][t].outOfPicture as PictureEdge)))];
  const moments = all.map((t) => (t === 'footStrike' ? 'foot strike' : 'toe-off')).join(' and ');
  const events = all.map((t) => (t === 'footStrike' ? 'foot strikes' : 'toe-offs')).join(' and ');
  const who = sides.length === 2 ? 'Both feet are' : `The ${sides[0]} foot is`;
  const whose = sides.length === 2 ? 'their' : 'its';
  return `${who} out of the picture at ${moments} (past its ${edges.join(' or ')} edge), so ${whose} ${events} cannot be timed from this clip. Frame the whole runner, feet included, with a little of the belt around them in the picture.`;
}
