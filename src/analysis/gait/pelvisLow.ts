// Mid-stance for rear-view hip drop (issue 6 + issue 3). In running the body behaves as a spring-mass system: the
// centre of mass — and the pelvis that carries it — is lowest at mid-stance, when the leg spring is most compressed
// (Blickhan 1989; McMahon & Cheng 1990), and rises through flight. From behind the pelvis stays at one depth, so its
// image y is a clean vertical signal the pose model's hips follow well even where its feet are poor. Truth (force-
// plate events, hip joint centres of RBDS001/002/008): the pelvis low sits 3–8% of contact before the contact
// midpoint. The detected foot events are therefore trusted when, over the clip, the pelvis low falls in the middle of
// their contact windows (median within ±15% of contact: RBDS rear keypoints −3..−8%), and mid-stance stays "the
// midpoint of contact" (docs/references.md). When it does not, the feet were mistimed — BlazePose places the toe badly
// from behind: strikes 70–130 ms early on the rendered RBDS008 clip, pelvis low at +29% of the detected contact —
// and the pelvis low itself is mid-stance (there −6 ± 2 ms left, −8 ± 2 ms right of the force-plate midpoint).
import { parabolicOffset } from '../signal/subFrame';
import type { PoseTrack, Side } from '../types';
import { labelLowSides, ownLow } from './pelvisLowSides';

/** Half-width of the local-maximum test, seconds: below half the shortest running step (≈ 0.28 s at 215 spm). */
const LOW_HALF_WINDOW_SEC = 0.12;

/** Image y of the pelvis centre per frame (mean of the two hip keypoints), NaN where either is missing. */
function pelvisY(track: PoseTrack): number[] {
  const l = track.keypoints.left_hip;
  const r = track.keypoints.right_hip;
  return track.timesSec.map((_, i) => {
    const a = l?.y[i] ?? Number.NaN;
    const b = r?.y[i] ?? Number.NaN;
    return Number.isFinite(a) && Number.isFinite(b) ? (a + b) / 2 : Number.NaN;
  });
}

/** Vertex time of the least-squares parabola through pelvis y over ±halfWidthSec of `centreSec`; NaN if no trough. */
function troughVertexSec(timesSec: readonly number[], y: readonly number[], centreSec: number, halfWidthSec: number): number {
  // Normal equations of y = a·x² + b·x + c, x = t − centre (centred, so the sums stay well scaled).
  const s = [0, 0, 0, 0, 0];
  const r = [0, 0, 0];
  timesSec.forEach((t, i) => {
    const x = t - centreSec;
    const v = y[i] as number;
    if (Math.abs(x) > halfWidthSec || !Number.isFinite(v)) return;
    for (let k = 0; k < 5; k++) s[k] = (s[k] as number) + x ** k;
    for (let k = 0; k < 3; k++) r[k] = (r[k] as number) + v * x ** k;
  });
  const [s0, s1, s2, s3, s4] = s as [number, number, number, number, number];
  const [r0, r1, r2] = r as [number, number, number];
  if (s0 < 5) return Number.NaN;
  // Cramer's rule on [[s4 s3 s2][s3 s2 s1][s2 s1 s0]]·[a b c] = [r2 r1 r0].
  const det3 = (m: number[]): number => m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) - m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) + m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const d = det3([s4, s3, s2, s3, s2, s1, s2, s1, s0]);
  if (!(Math.abs(d) > 1e-18)) return Number.NaN;
  const a = det3([r2, s3, s2, r1, s2, s1, r0, s1, s0]) / d;
  const b = det3([s4, r2, s2, s3, r1, s1, s2, r0, s0]) / d;
  // y grows downwards: the pelvis's low is a maximum of y, a parabola opening downwards (a < 0).
  if (!(a < 0)) return Number.NaN;
  const x = -b / (2 * a);
  return Math.abs(x) <= halfWidthSec ? centreSec + x : Number.NaN;
}

/**
 * Sub-frame times of the pelvis's lowest points (largest image y, y down): local maxima over ±0.12 s, each refined
 * to the vertex of a parabola fitted over ±fitHalfWidthSec (a third of a step): the axis of the whole trough, not
 * its noisiest frame. Measured on the BlazePose track of the RBDS008 rear clip against force-plate mid-stance:
 * 3-point peak −3 ± 6 ms (left) / −10 ± 4 ms (right), trough vertex over ±0.12 s −6 ± 2 / −8 ± 2 ms.
 * One low per step in running; the caller matches each to its stance.
 */
export function pelvisLowTimesSec(track: PoseTrack, fitHalfWidthSec = LOW_HALF_WINDOW_SEC): number[] {
  const t = track.timesSec;
  const y = pelvisY(track);
  const out: number[] = [];
  for (let i = 1; i < y.length - 1; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) continue;
    const ti = t[i] as number;
    let isMax = true;
    for (let k = i - 1; k >= 0 && (t[k] as number) >= ti - LOW_HALF_WINDOW_SEC && isMax; k--) {
      if (!Number.isFinite(y[k] as number) || (y[k] as number) > v) isMax = false;
    }
    for (let k = i + 1; k < y.length && (t[k] as number) <= ti + LOW_HALF_WINDOW_SEC && isMax; k++) {
      // A flat top is counted once (at its last frame).
      if (!Number.isFinite(y[k] as number) || (y[k] as number) >= v) isMax = false;
    }
    if (!isMax) continue;
    const vertex = troughVertexSec(t, y, ti, fitHalfWidthSec);
    if (Number.isFinite(vertex)) { out.push(vertex); continue; }
    const off = parabolicOffset(y[i - 1] as number, v, y[i + 1] as number);
    const dt = off >= 0 ? (t[i + 1] as number) - ti : ti - (t[i - 1] as number);
    out.push(ti + off * dt);
  }
  return out;
}

/** Median pelvis-low lead beyond which, as a fraction of contact, the foot events are judged mistimed. */
const MAX_LOW_OFFSET_OF_CONTACT = 0.15;

/** A stance as computeMetrics's step timings give it (their side, when present, calibrates each foot apart). */
export interface StanceWindow { strikeTimeSec: number; toeOffTimeSec: number | null; side?: Side }

export interface MidStanceRule {
  rule: 'contactMidpoint' | 'pelvisLow';
  /** Median of (pelvis low − contact midpoint) / contact time over the clip; NaN when no low matched. */
  medianLowOffsetOfContact: number;
  /** The same median per stance side (stances whose side is known); absent for a side without one. */
  offsetBySide?: Partial<Record<Side, number>>;
  /** The side of each stance by its contact midpoint (to find a stance's own foot again in midStanceSec). */
  stanceSides?: { midSec: number; side: Side }[];
  /** Whose stance each pelvis low is (gait/pelvisLowSides.ts), index for index with the lows; null when unsettled. */
  lowSides?: (Side | null)[];
}

/** Decides, once per clip, whether the foot events place mid-stance (see the header). */
export function chooseMidStanceRule(stances: readonly StanceWindow[], lowsSec: readonly number[], toleranceSec: number): MidStanceRule {
  const lowSides = labelLowSides(stances, lowsSec, 2 * toleranceSec);
  const offsets: number[] = [];
  const bySide: Record<Side, number[]> = { left: [], right: [] };
  const stanceSides: { midSec: number; side: Side }[] = [];
  for (const s of stances) {
    if (s.toeOffTimeSec === null || !(s.toeOffTimeSec > s.strikeTimeSec)) continue;
    const mid = (s.strikeTimeSec + s.toeOffTimeSec) / 2;
    if (s.side) stanceSides.push({ midSec: mid, side: s.side });
    const low = ownLow(mid, s.side, lowsSec, lowSides, 2 * toleranceSec);
    if (!Number.isFinite(low)) continue;
    const off = (low - mid) / (s.toeOffTimeSec - s.strikeTimeSec);
    offsets.push(off);
    if (s.side) bySide[s.side].push(off);
  }
  const med = medianOf(offsets);
  // Two or more stances of a side give it its own median (else the clip's serves).
  const offsetBySide: Partial<Record<Side, number>> = {};
  for (const side of ['left', 'right'] as const) if (bySide[side].length >= 2) offsetBySide[side] = medianOf(bySide[side]);
  return { rule: Math.abs(med) > MAX_LOW_OFFSET_OF_CONTACT ? 'pelvisLow' : 'contactMidpoint', medianLowOffsetOfContact: med, offsetBySide, stanceSides, lowSides };
}

function medianOf(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n === 0 ? Number.NaN : n % 2 === 1 ? (v[(n - 1) / 2] as number) : ((v[n / 2 - 1] as number) + (v[n / 2] as number)) / 2;
}

/**
 * The pelvis low's offset from the contact midpoint expected for the stance at `midSec`: its own foot's median over
 * the clip (a runner's two sides lead by different amounts: one common offset moved RBDS001_T25's left−right drop by
 * 0.4°), else the clip's.
 */
function offsetFor(side: Side | undefined, rule: MidStanceRule): number {
  return (side ? rule.offsetBySide?.[side] : undefined) ?? rule.medianLowOffsetOfContact;
}

/** The side of the stance whose contact midpoint is `midSec` (as chooseMidStanceRule saw it). */
function sideOf(midSec: number, rule: MidStanceRule): Side | undefined {
  return rule.stanceSides?.find((s) => Math.abs(s.midSec - midSec) < 1e-9)?.side;
}

/**
 * Mid-stance of one stance. Under the 'contactMidpoint' rule the feet are right on average but each contact's
 * midpoint carries its own strike's and toe-off's noise, while the pelvis low of that stance is timed by a whole
 * trough: mid-stance is that low moved by its foot's median offset over the clip (the feet's calibration, the
 * pelvis's step-to-step timing). Measured on RBDS rear keypoints with 2 cm pose-like foot noise
 * (scripts/validate/rear.ts): per-step hip-drop mean |error| 0.7–1.4° at the contact midpoints, 0.2–0.65° so.
 * Without a low of its own the stance keeps its midpoint. Under the 'pelvisLow' rule (the feet mistimed) it is the
 * low itself; a stance without a low of its own (a gap in the hips) is moved by the clip's median offset, the feet's
 * error being steady. Either way only lows of the stance's own foot are read (gait/pelvisLowSides.ts).
 */
export function midStanceSec(strikeSec: number, toeOffSec: number, rule: MidStanceRule, lowsSec: readonly number[], toleranceSec: number): number {
  const mid = (strikeSec + toeOffSec) / 2;
  const side = sideOf(mid, rule);
  const low = ownLow(mid, side, lowsSec, rule.lowSides, 2 * toleranceSec);
  if (rule.rule === 'pelvisLow') return Number.isFinite(low) ? low : mid + rule.medianLowOffsetOfContact * (toeOffSec - strikeSec);
  const off = offsetFor(side, rule) * (toeOffSec - strikeSec);
  return Number.isFinite(low) && Number.isFinite(off) ? low - off : mid;
}
