// Stance read from the video pixels (issue 11): a foot on a treadmill belt moves backwards with the belt
// (docs/references.md, "Treadmill belt rule"), which the image motion of the foot's own region shows
// (src/main/footMotion measures it around the heel and the toe) even where the pose model's far-foot points wander.
//
// The rule, physical and the same for every foot and clip:
// - the belt speed in the image is each foot's own typical backward speed (the near and the far foot are at different
//   distances from the camera, so their belt speeds in pixels differ by the ratio of those distances);
// - a foot part moves with the belt when its velocity relative to the belt (horizontal: backward speed − belt speed;
//   vertical: its rise or fall, against the belt's own slant in the picture) is under half the belt speed. Half: a foot in swing moves relative to the belt at about
//   the belt speed or more (it must catch up with the body), a foot on the belt at 0 plus the match's noise (stance
//   samples scatter by ~5% of the belt speed on the demo and rendered clips), so half splits the two with the same
//   margin each way; the vertical part catches the toe's lift at toe-off, when its horizontal velocity is still near
//   the belt's (it left the belt moving with it);
// - the foot is on the belt while either part (heel or toe) is: the first part to reach the belt starts the stance,
//   the last to leave ends it (issue 11 item 4's definition).
// Each sample is the mean motion between two frames, so an onset or end is placed between sample times by linear
// interpolation of the relative speed across the half-belt-speed level.
import { frameRateOf, median } from '../signal/subFrame';
import type { FootMotion, FootMotionSeries, Side } from '../types';

/** Matches below this normalised cross-correlation are not the foot (occluded, blurred, or the search lost it). */
export const MIN_MATCH_NCC = 0.5;
/** On the belt: velocity relative to the belt under this many belt speeds (see above). */
export const ON_BELT_LEVEL = 0.5;
/** A running contact lasts 160–300 ms (docs/references.md): stances shorter than 0.1 s are noise. */
const MIN_STANCE_SEC = 0.1;
/** One frame spoiled inside a stance (the near leg swinging past the far foot, a blurred frame) spoils the two
 *  samples it belongs to: runs of on-belt samples up to two samples apart are one stance (demo clip, BlazePose heavy:
 *  the far foot's ends came ~4 frames early in most strides when a two-sample gap split its stance).
 *  Still open there: in 5 of the far foot's 17 stances the near leg passes 80–120 ms before toe-off, leaving one
 *  clean sample before the real lift, and the stance ends 96–147 ms early (eye marks). Tried and not kept: leaving
 *  out the samples where the near leg's knee→ankle→heel→toe line comes within one patch width of the far heel or
 *  toe. The covered frames outlast that overlap by a frame, and the mask also took samples at strikes: the far foot's
 *  pixel toe-offs moved from −19.6 to −52.3 ms of the eye marks (BlazePose heavy; the mirrored clip −22 → −29 ms) and
 *  fewer were found (10 → 9 of 17). */
const MAX_GAP_SAMPLES = 2;

export interface PixelStance {
  /** Belt speed of this foot in the image, px per second (backward); NaN when not found. */
  beltPxPerSec: number;
  onsetsSec: number[];
  endsSec: number[];
}

/** Backward velocity (px/s) and vertical velocity of one part, per sample; NaN where the match is not trusted. */
function partVelocity(s: FootMotionSeries, timesSec: readonly number[], backwardSign: number): { back: number[]; vy: number[] } {
  const n = Math.max(0, timesSec.length - 1);
  const back = new Array<number>(n).fill(Number.NaN);
  const vy = new Array<number>(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const dt = (timesSec[i + 1] as number) - (timesSec[i] as number);
    const ncc = s.ncc[i] ?? Number.NaN;
    const dx = s.dxPx[i] ?? Number.NaN;
    const dy = s.dyPx[i] ?? Number.NaN;
    // JSON stores NaN as null: Number.isFinite(null) is false, so stored tracks read the same
    if (!(dt > 0) || !Number.isFinite(ncc) || ncc < MIN_MATCH_NCC || !Number.isFinite(dx) || !Number.isFinite(dy)) continue;
    back[i] = (backwardSign * dx) / dt;
    vy[i] = dy / dt;
  }
  return { back, vy };
}

/**
 * The belt's velocity as a foot shows it: the stance plateau of its backward speed. Stance is ~35–40% of a running
 * stride and the fastest backward motion there is, so the 80th percentile of the backward speeds lies on the plateau;
 * the plateau's median is then taken over the samples within 30% of it that barely move vertically. Its vertical part
 * is the belt's slant in the picture (a rolled camera, or a belt not square to it: the demo clip's sinks ~4–7°,
 * beltLevel.ts), so that a foot carried down a slanted belt is not read as lifting off it. Measured (`npm run
 * validate`, "Foot pixels"): on the demo clip the near foot's pixel toe-offs moved from 8.7 to −1.1 ms of the eye marks
 * (BlazePose heavy's points), the strikes 3 ms earlier, no foot's comparison changed; a belt slanted 15° in the
 * picture, taken as level, left no plateau and so no pixel evidence at all (tests/analysis/events/pixelStance.test.ts).
 */
export function beltVelocityOf(parts: readonly { back: number[]; vy: number[] }[]): { backPxPerSec: number; vyPxPerSec: number } {
  const none = { backPxPerSec: Number.NaN, vyPxPerSec: Number.NaN };
  const all = parts.flatMap((p) => p.back.filter(Number.isFinite)).sort((a, b) => a - b);
  if (all.length < 10) return none;
  const p80 = all[Math.floor(0.8 * (all.length - 1))] as number;
  if (!(p80 > 0)) return none;
  // The slant first (the median vertical speed of the samples near the plateau), then the plateau itself: samples
  // that move with that slant, not those rising or falling off it.
  const near = parts.flatMap((p) => p.back.flatMap((b, i) => (Math.abs(b - p80) < 0.3 * p80 && Number.isFinite(p.vy[i]) ? [{ b, v: p.vy[i] as number }] : [])));
  if (near.length < 5) return none;
  const slantVy = median(near.map((x) => x.v));
  const plateau = near.filter((x) => Math.abs(x.v - slantVy) < 0.2 * p80);
  return plateau.length >= 5 ? { backPxPerSec: median(plateau.map((x) => x.b)), vyPxPerSec: median(plateau.map((x) => x.v)) } : none;
}

/** Velocity relative to the belt in belt speeds, the smaller of the two parts, median of three against single wild matches. */
function relativeSpeed(parts: readonly { back: number[]; vy: number[] }[], belt: { backPxPerSec: number; vyPxPerSec: number }, n: number): number[] {
  const speed = Math.hypot(belt.backPxPerSec, belt.vyPxPerSec);
  const raw = new Array<number>(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    for (const p of parts) {
      const r = Math.hypot((p.back[i] as number) - belt.backPxPerSec, (p.vy[i] as number) - belt.vyPxPerSec) / speed;
      if (Number.isFinite(r) && !(r >= (raw[i] as number))) raw[i] = r;
    }
  }
  return raw.map((_v, i) => {
    const w = raw.slice(Math.max(0, i - 1), i + 2).filter(Number.isFinite);
    return w.length >= 2 ? median(w) : Number.NaN;
  });
}

/** Stance onsets and ends of one foot from its image motion; `facing` decides which way is backward. */
export function pixelStance(motion: FootMotion, side: Side, timesSec: readonly number[], facing: 'imageLeft' | 'imageRight'): PixelStance {
  const backwardSign = facing === 'imageRight' ? -1 : 1;
  const n = Math.max(0, timesSec.length - 1);
  const parts = [partVelocity(motion[side].heel, timesSec, backwardSign), partVelocity(motion[side].toe, timesSec, backwardSign)];
  const belt = beltVelocityOf(parts);
  if (!(belt.backPxPerSec > 0)) return { beltPxPerSec: Number.NaN, onsetsSec: [], endsSec: [] };
  const rel = relativeSpeed(parts, belt, n);
  const mid = (i: number): number => 0.5 * ((timesSec[i] as number) + (timesSec[i + 1] as number));
  // Runs of samples on the belt, with the interpolated crossing times at their ends (NaN at a gap or the clip's end).
  const runs: { onSec: number; endSec: number; firstSec: number; lastSec: number }[] = [];
  let open: { onSec: number; firstSec: number; lastSec: number; lastI: number } | null = null;
  const cross = (i: number): number => {
    const a = rel[i] as number, b = rel[i + 1] as number;
    return mid(i) + ((ON_BELT_LEVEL - a) / (b - a)) * (mid(i + 1) - mid(i));
  };
  for (let i = 0; i < n; i++) {
    const r = rel[i] as number;
    if (!Number.isFinite(r)) continue;
    if (r <= ON_BELT_LEVEL) {
      if (open === null) {
        const prev = i > 0 ? (rel[i - 1] as number) : Number.NaN;
        open = { onSec: Number.isFinite(prev) ? cross(i - 1) : Number.NaN, firstSec: mid(i), lastSec: mid(i), lastI: i };
      } else { open.lastSec = mid(i); open.lastI = i; }
    } else if (open !== null) {
      const prev = rel[i - 1] as number;
      runs.push({ onSec: open.onSec, firstSec: open.firstSec, lastSec: open.lastSec, endSec: open.lastI === i - 1 && Number.isFinite(prev) ? cross(i - 1) : Number.NaN });
      open = null;
    }
  }
  if (open !== null) runs.push({ onSec: open.onSec, firstSec: open.firstSec, lastSec: open.lastSec, endSec: Number.NaN });
  // Join runs split by a lost match, then keep those long enough to be a contact.
  const joined: typeof runs = [];
  const maxGapSec = (MAX_GAP_SAMPLES + 1.5) / frameRateOf(timesSec);
  for (const r of runs) {
    const last = joined[joined.length - 1];
    if (last && r.firstSec - last.lastSec <= maxGapSec) { last.lastSec = r.lastSec; last.endSec = r.endSec; } else joined.push({ ...r });
  }
  // A run of exactly MIN_STANCE_SEC (three samples at 30 fps) must not be decided by how the frame times were rounded:
  // a keypoint CSV keeps them to the µs, and its stance once came out one longer than the same clip's own analysis.
  const stances = joined.filter((r) => r.lastSec - r.firstSec >= MIN_STANCE_SEC - 1e-4);
  return {
    beltPxPerSec: belt.backPxPerSec,
    onsetsSec: stances.map((r) => r.onSec).filter(Number.isFinite),
    endsSec: stances.map((r) => r.endSec).filter(Number.isFinite),
  };
}
