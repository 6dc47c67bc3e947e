// Synthetic tilt test (issue 6): a real rendered rear frame rotated by known angles (±2°, ±5°, ±10°, reached in
// ≤1° steps like a running pelvis) must be followed by the pelvis marks within 0.5°, whether the whole frame
// turns or only the pelvis region does; the scene horizon must follow a whole-frame roll.
import { beforeAll, describe, expect, it } from 'vitest';
import { blur121, gradients, rgbToGray, type GrayImage } from '../../../src/main/pixels/grayImage';
import { findHorizon } from '../../../src/main/pelvis/findHorizon';
import type { PelvisSeeds } from '../../../src/main/pelvis/pelvisSeeds';
import { PelvisTracker } from '../../../src/main/pelvis/pelvisTracker';
import { decodeRearFrames, readTruthHips, rotateGray, rotatePoint, truthAngleDeg, type TruthHips } from './rearClipFrames';

const TARGETS = [0, 2, 5, 10, 0, -2, -5, -10, 0];

/** 0 → 2 → 5 → 10 → 0 → −2 … in 1° steps, dwelling 2 frames at each target. */
function angleSequence(): { deg: number; target: boolean }[] {
  const seq: { deg: number; target: boolean }[] = [];
  let a = 0;
  for (const t of TARGETS) {
    while (a !== t) { a += Math.sign(t - a); seq.push({ deg: a, target: false }); }
    seq.push({ deg: a, target: true }, { deg: a, target: true });
  }
  return seq;
}

let frame0: GrayImage;
let hips0: TruthHips;
let fullFrame0: GrayImage;

beforeAll(async () => {
  const { rgb } = await decodeRearFrames(1);
  const f = rgb[0];
  if (!f) throw new Error('no frame decoded');
  hips0 = readTruthHips()[0] as TruthHips;
  const cx = 0.5 * (hips0.left.x + hips0.right.x), cy = 0.5 * (hips0.left.y + hips0.right.y);
  frame0 = rgbToGray(f, { x: cx - 220, y: cy - 200, width: 440, height: 400 });
  fullFrame0 = rgbToGray(f);
});

/** Runs the tracker over the rotated sequence; returns (applied, measured − initial) pairs at the targets. */
function follow(regionOnly: boolean): { applied: number; measured: number }[] {
  const cx = 0.5 * (hips0.left.x + hips0.right.x), cy = 0.5 * (hips0.left.y + hips0.right.y);
  const W = Math.hypot(hips0.right.x - hips0.left.x, hips0.right.y - hips0.left.y);
  const seeds: PelvisSeeds = { left: hips0.left, right: hips0.right };
  const tracker = new PelvisTracker({ seeds });
  const out: { applied: number; measured: number }[] = [];
  const seedDeg = truthAngleDeg(hips0);
  angleSequence().forEach((step, n) => {
    let img = rotateGray(frame0, step.deg, cx - frame0.originX, cy - frame0.originY);
    if (regionOnly) {
      // Only a disc of 1.3 hip widths around the pelvis turns; the background stays put.
      const data = Float32Array.from(frame0.data);
      for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
        if (Math.hypot(x + img.originX - cx, y + img.originY - cy) < 1.3 * W) data[y * img.width + x] = img.data[y * img.width + x] as number;
      }
      img = { ...img, data };
    }
    const b = blur121(img);
    const hips = { left: rotatePoint(hips0.left, step.deg, cx, cy), right: rotatePoint(hips0.right, step.deg, cx, cy) };
    const m = tracker.push({ ...b, ...gradients(b) }, hips, n);
    if (step.target) out.push({ applied: step.deg, measured: truthAngleDeg(m) - seedDeg });
  });
  return out;
}

describe('pelvis tracker follows a known tilt', () => {
  it('whole frame rotated by ±2, ±5, ±10°: within 0.5°', () => {
    const r = follow(false);
    expect(r.length).toBe(2 * TARGETS.length);
    for (const p of r) expect(Math.abs(p.measured - p.applied), `applied ${p.applied}°, measured ${p.measured.toFixed(2)}°`).toBeLessThanOrEqual(0.5);
  });

  it('only the pelvis region rotated (static background): within 0.5°', () => {
    for (const p of follow(true)) expect(Math.abs(p.measured - p.applied), `applied ${p.applied}°, measured ${p.measured.toFixed(2)}°`).toBeLessThanOrEqual(0.5);
  });

  it('the scene horizon of the level rendered camera is level, and follows a whole-frame roll', () => {
    const belowY = Math.max(hips0.left.y, hips0.right.y);
    const level = findHorizon(fullFrame0, belowY, null);
    expect(level).not.toBeNull();
    expect(Math.abs(level?.angleDeg ?? NaN)).toBeLessThan(0.2);
    for (const roll of [-5, 2]) {
      const rolled = rotateGray(fullFrame0, roll, fullFrame0.width / 2, fullFrame0.height / 2);
      const h = findHorizon(rolled, belowY + 60, null);
      expect(h, `roll ${roll}°`).not.toBeNull();
      expect(Math.abs((h?.angleDeg ?? NaN) - roll), `roll ${roll}°: found ${h?.angleDeg}`).toBeLessThan(0.2);
    }
  });
});
