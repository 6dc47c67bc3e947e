// Frame-by-frame pelvis tracker (issue 6), free of I/O so tests can feed it painted or warped frames.
// One rigid template over the gluteal/waistband region, seeded on the first frame that has seeds (explicit marks,
// tape marks, or the pose model's hips), aligned to every later frame (alignRigid). When the alignment is poor
// (a hand over the pelvis, a fast jump) it is re-acquired around the pose hips of that frame — the same
// template, so the angle zero never jumps. The marks are the seed points carried by the tracked rigid motion.
// With pose-hip seeds the reference frame's own tilt is unknown; the median mirror-symmetry offset
// (symmetryAngle.ts) sets it. With explicit or tape seeds the seed line is the zero (the clinician put them there).
import { alignRigid, warpedNcc, type AlignResult, type GradientImage, type RigidPose, type RigidTemplate } from './alignRigid';
import { sampleBilinear, type Rect } from '../pixels/grayImage';
import { refineTapeMark } from './findTapeMarks';
import type { PelvisSeeds, Point } from './pelvisSeeds';
import { symmetryAngle } from './symmetryAngle';


export type ZeroReference = 'body-symmetry' | 'seed-line';

export interface TrackerOptions {
  /** Explicit seeds (decoded-frame pixels) on the first frame: their line is the zero. Else the pose hips seed. */
  seeds?: PelvisSeeds;
  /** The seeds are tape marks: re-centre each carried mark on its blob every frame. */
  refineTape?: boolean;
  /** Run a symmetry estimate every this many frames (pose-hip seeds only). */
  symmetryEvery?: number;
}

export interface FrameMarks {
  left: Point;
  right: Point;
  /** 0..1 from the alignment NCC; 0 when the frame was not tracked. */
  score: number;
}

export interface TrackerResult {
  marks: FrameMarks[];
  zeroReference: ZeroReference;
  /** Rotation applied to every frame's mark line from the symmetry estimate, degrees. */
  zeroOffsetDeg: number;
  symmetrySamples: number;
  /** Each symmetry estimate minus the tracked line angle, degrees (diagnostics). */
  zeroSamplesDeg: number[];
  reacquired: number;
}

/** Below this NCC the pose is re-acquired around the pose hips; below LOST_NCC the frame gets no marks. */
const REACQUIRE_NCC = 0.8;
const LOST_NCC = 0.5;
/** Symmetry estimates from frames tracked worse than this are not used. */
const SYMMETRY_MIN_NCC = 0.85;

// Region sizes as fractions of the seed separation W (hip width): the template spans the seeds plus 0.17 W each
// side, from 0.35 W above to 0.17 W below the seed line — waistband and upper buttocks, which move with the
// pelvis; below that the shorts follow the thighs, above it the shirt follows the trunk (hem gain 0.76 measured).
const TPL_SIDE = 0.17, TPL_ABOVE = 0.35, TPL_BELOW = 0.17;
// The mirror band: the buttocks from just above the line to 0.35 W below it.
const SYM_SIDE = 0.09, SYM_ABOVE = 0.09, SYM_BELOW = 0.35, SYM_SHIFT = 0.15;

const MAX_STEP_RAD = (8 * Math.PI) / 180;

/** Alignment quality: the robust NCC, discounted when less than 60% of the region agrees (occluded or lost). */
function quality(r: AlignResult): number {
  return r.ncc * Math.min(1, r.inlierFraction / 0.6);
}

const NAN_MARKS: FrameMarks = { left: { x: NaN, y: NaN }, right: { x: NaN, y: NaN }, score: 0 };

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : 0.5 * ((s[m - 1] as number) + (s[m] as number));
}

export class PelvisTracker {
  private tpl: RigidTemplate | null = null;
  private seeds: PelvisSeeds | null = null;
  private pose: RigidPose = { tx: 0, ty: 0, thetaRad: 0 };
  private velocity: RigidPose = { tx: 0, ty: 0, thetaRad: 0 };
  private tracked = false;
  private readonly marks: FrameMarks[] = [];
  private readonly zeroSamples: number[] = [];
  private reacquired = 0;
  private readonly zero: ZeroReference;

  constructor(private readonly opts: TrackerOptions = {}) {
    this.zero = opts.seeds ? 'seed-line' : 'body-symmetry';
  }

  private regionWidth = 0;
  private hipOffset: Point = { x: 0, y: 0 };

  private get width(): number {
    return this.regionWidth;
  }

  private buildTemplate(img: GradientImage, seeds: PelvisSeeds, hips: PelvisSeeds | null): boolean {
    const seedW = Math.hypot(seeds.right.x - seeds.left.x, seeds.right.y - seeds.left.y);
    // Tape on the PSIS sits closer together than the hip joints: size the region by whichever is wider.
    const W = Math.max(seedW, hips ? Math.hypot(hips.right.x - hips.left.x, hips.right.y - hips.left.y) : 0);
    if (!(seedW > 8)) return false;
    const cx = 0.5 * (seeds.left.x + seeds.right.x), cy = 0.5 * (seeds.left.y + seeds.right.y);
    this.regionWidth = W;
    // Re-acquisition searches where the hips have moved since this frame.
    this.hipOffset = hips ? { x: 0.5 * (hips.left.x + hips.right.x) - cx, y: 0.5 * (hips.left.y + hips.right.y) - cy } : { x: 0, y: 0 };
    const ang = Math.atan2(seeds.right.y - seeds.left.y, seeds.right.x - seeds.left.x);
    const c = Math.cos(ang), s = Math.sin(ang);
    const step = Math.max(1, W / 60);
    const half = W / 2 + TPL_SIDE * W;
    const a: number[] = [], b: number[] = [], v: number[] = [];
    for (let q = -TPL_ABOVE * W; q <= TPL_BELOW * W; q += step) {
      for (let p = -half; p <= half; p += step) {
        const ox = c * p - s * q, oy = s * p + c * q;
        const val = sampleBilinear(img.data, img.width, img.height, cx + ox - img.originX, cy + oy - img.originY);
        if (!Number.isFinite(val)) continue;
        a.push(ox); b.push(oy); v.push(val);
      }
    }
    if (a.length < 50) return false;
    this.tpl = { a: Float32Array.from(a), b: Float32Array.from(b), value: Float32Array.from(v), centreX: cx, centreY: cy };
    this.seeds = { left: { ...seeds.left }, right: { ...seeds.right } };
    this.pose = { tx: 0, ty: 0, thetaRad: 0 };
    return true;
  }

  private transform(p: Point): Point {
    const t = this.tpl as RigidTemplate;
    const c = Math.cos(this.pose.thetaRad), s = Math.sin(this.pose.thetaRad);
    const dx = p.x - t.centreX, dy = p.y - t.centreY;
    return { x: t.centreX + this.pose.tx + c * dx - s * dy, y: t.centreY + this.pose.ty + s * dx + c * dy };
  }

  private inverseTransform(p: Point): Point {
    const t = this.tpl as RigidTemplate;
    const c = Math.cos(this.pose.thetaRad), s = Math.sin(this.pose.thetaRad);
    const dx = p.x - t.centreX - this.pose.tx, dy = p.y - t.centreY - this.pose.ty;
    return { x: t.centreX + c * dx + s * dy, y: t.centreY - s * dx + c * dy };
  }

  private reacquire(img: GradientImage, hips: PelvisSeeds | null, first: AlignResult): AlignResult {
    const tpl = this.tpl as RigidTemplate;
    let best = first;
    const starts: RigidPose[] = [{ ...this.pose }];
    if (hips) {
      const hx = 0.5 * (hips.left.x + hips.right.x) - this.hipOffset.x - tpl.centreX;
      const hy = 0.5 * (hips.left.y + hips.right.y) - this.hipOffset.y - tpl.centreY;
      // Coarse NCC grid around the pose hips (±0.3 W, at the last angle): the re-seed position.
      const W = this.width, step = Math.max(1, Math.round(W / 30));
      let grid = { ncc: -Infinity, pose: { tx: hx, ty: hy, thetaRad: this.pose.thetaRad } };
      for (let dy = -0.3 * W; dy <= 0.3 * W; dy += step) {
        for (let dx = -0.3 * W; dx <= 0.3 * W; dx += step) {
          const p = { tx: hx + dx, ty: hy + dy, thetaRad: this.pose.thetaRad };
          const n = warpedNcc(img, tpl, p);
          if (n > grid.ncc) grid = { ncc: n, pose: p };
        }
      }
      starts.push(grid.pose);
    }
    for (const s of starts) {
      const r = alignRigid(img, tpl, s, 4);
      if (quality(r) > quality(best)) best = r;
    }
    this.reacquired++;
    return best;
  }

  /**
   * The part of the frame (decoded pixels) the next push may read: around the predicted pelvis and around this
   * frame's hips (re-acquisition), wide enough for the template, the mirror band and the search. Cropping and
   * blurring only this keeps a frame at ~1–3 ms.
   */
  regionOfInterest(hips: PelvisSeeds | null): Rect | null {
    const pts: Point[] = [];
    let W: number;
    if (this.tpl && this.seeds) {
      W = this.width;
      pts.push({ x: this.tpl.centreX + this.pose.tx + this.velocity.tx, y: this.tpl.centreY + this.pose.ty + this.velocity.ty });
    } else {
      const s = this.opts.seeds ?? hips;
      if (!s) return null;
      W = Math.hypot(s.right.x - s.left.x, s.right.y - s.left.y);
    }
    const s = this.tpl ? hips : (this.opts.seeds ?? hips);
    if (s) pts.push({ x: 0.5 * (s.left.x + s.right.x), y: 0.5 * (s.left.y + s.right.y) });
    const r = 1.2 * W + 4;
    const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
    const x0 = Math.min(...xs) - r, y0 = Math.min(...ys) - r;
    return { x: x0, y: y0, width: Math.max(...xs) + r - x0, height: Math.max(...ys) + r - y0 };
  }

  /** A frame that could not be looked at (no seeds yet): no marks. */
  skip(): FrameMarks {
    this.marks.push(NAN_MARKS);
    return NAN_MARKS;
  }

  /** Tracks one frame (decoded-frame pixels). `hips`: the pose model's hips of this frame, or null. */
  push(img: GradientImage, hips: PelvisSeeds | null, frameNumber: number): FrameMarks {
    if (!this.tpl) {
      const seeds = this.opts.seeds ?? hips;
      if (!seeds || !this.buildTemplate(img, seeds, hips)) { this.marks.push(NAN_MARKS); return NAN_MARKS; }
      this.tracked = true;
      return this.record(img, 1, frameNumber);
    }
    const predicted = this.tracked
      ? { tx: this.pose.tx + this.velocity.tx, ty: this.pose.ty + this.velocity.ty, thetaRad: this.pose.thetaRad + this.velocity.thetaRad }
      : this.pose;
    let r = alignRigid(img, this.tpl, predicted);
    if (quality(r) < REACQUIRE_NCC) r = this.reacquire(img, hips, r);
    // A pelvis does not turn 8° between two frames (~250°/s at 30 fps, 2.5× a tripled drop's peak rate): such a
    // fit latched onto something else.
    const jump = this.tracked && Math.abs(r.thetaRad - this.pose.thetaRad) > MAX_STEP_RAD;
    if (quality(r) < LOST_NCC || jump) {
      this.tracked = false;
      this.velocity = { tx: 0, ty: 0, thetaRad: 0 };
      this.marks.push(NAN_MARKS);
      return NAN_MARKS;
    }
    this.velocity = this.tracked
      ? { tx: r.tx - this.pose.tx, ty: r.ty - this.pose.ty, thetaRad: r.thetaRad - this.pose.thetaRad }
      : { tx: 0, ty: 0, thetaRad: 0 };
    this.pose = { tx: r.tx, ty: r.ty, thetaRad: r.thetaRad };
    this.tracked = true;
    return this.record(img, quality(r), frameNumber, r.inlierFraction);
  }

  /** `agree`: the fraction of the region the fit kept (occluders lower it): scales the score. */
  private record(img: GradientImage, ncc: number, frameNumber: number, agree = 1): FrameMarks {
    const seeds = this.seeds as PelvisSeeds;
    let left = this.transform(seeds.left), right = this.transform(seeds.right);
    if (this.opts.refineTape) {
      // Re-anchor each tape in the template's frame when its blob is found, so the tape (not the cloth around
      // it) is what the mark follows; a covered tape is carried by the region until it shows again.
      const l = refineTapeMark(img, left, this.width), r = refineTapeMark(img, right, this.width);
      if (l) { left = l; seeds.left = this.inverseTransform(l); }
      if (r) { right = r; seeds.right = this.inverseTransform(r); }
    }
    const m = { left, right, score: Math.max(0, Math.min(1, (ncc - LOST_NCC) / (0.95 - LOST_NCC))) * Math.min(1, agree / 0.9) };
    this.marks.push(m);
    const every = this.opts.symmetryEvery ?? 3;
    if (this.zero === 'body-symmetry' && ncc >= SYMMETRY_MIN_NCC && frameNumber % every === 0) {
      const W = this.width;
      const lineDeg = (Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI;
      // The seed frame's tilt can be large (a tripled drop: the pose hips show a fifth of ~25°): the first
      // estimates search ±30°, later ones ±10° around the running median offset.
      const early = this.zeroSamples.length < 9;
      const sym = symmetryAngle(img, {
        centreX: 0.5 * (left.x + right.x), centreY: 0.5 * (left.y + right.y),
        guessDeg: lineDeg + (early ? 0 : median(this.zeroSamples)),
        halfWidthPx: W / 2 + SYM_SIDE * W, aboveLinePx: SYM_ABOVE * W, belowLinePx: SYM_BELOW * W,
      }, early ? 30 : 10, Math.max(2, Math.round(SYM_SHIFT * W)));
      if (sym) this.zeroSamples.push(sym.angleDeg - lineDeg);
    }
    return m;
  }

  /** The marks of every pushed frame with the zero offset applied (rotation of each pair about its midpoint). */
  finish(): TrackerResult {
    const useSym = this.zero === 'body-symmetry' && this.zeroSamples.length >= 5;
    const offsetDeg = useSym ? median(this.zeroSamples) : 0;
    const t = (offsetDeg * Math.PI) / 180, c = Math.cos(t), s = Math.sin(t);
    const marks = this.marks.map((m) => {
      if (!(m.score > 0) || offsetDeg === 0) return m;
      const mx = 0.5 * (m.left.x + m.right.x), my = 0.5 * (m.left.y + m.right.y);
      const rot = (p: Point): Point => ({ x: mx + c * (p.x - mx) - s * (p.y - my), y: my + s * (p.x - mx) + c * (p.y - my) });
      return { left: rot(m.left), right: rot(m.right), score: m.score };
    });
    return {
      marks,
      zeroReference: useSym ? 'body-symmetry' : 'seed-line',
      zeroOffsetDeg: offsetDeg,
      symmetrySamples: this.zeroSamples.length,
      zeroSamplesDeg: [...this.zeroSamples],
      reacquired: this.reacquired,
    };
  }
}
