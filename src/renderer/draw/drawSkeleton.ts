// Draws one frame of a PoseTrack on a 2D canvas: each side in its fixed colour with an "L"/"R" tag at the knee
// (never colour alone, issue 4). Bones are opaque over a dark halo so they stay visible on any background and so
// the e2e test can read the exact side colours from the canvas pixels.
import type { PoseTrack, Side } from '../../shared/contract';
import { CENTRE_COLOUR, SIDE_COLOUR, SIDE_LETTER, SIDES } from '../format/sideStyle';
import { CENTRE_BONES, sideBones, sideJoints } from './skeletonBones';

/** Maps a point in displayed-video pixels to canvas pixels (scale, crop, mirror). */
export type ToCanvas = (x: number, y: number) => [number, number];

export interface DrawSkeletonOptions {
  /** Keypoints below this score are not drawn (missing or unsure). */
  minScore?: number;
  /** Line width in canvas pixels. */
  lineWidth?: number;
  labels?: boolean;
}

interface Point { x: number; y: number }

export function keypointAt(track: PoseTrack, name: string, frame: number, minScore: number): Point | null {
  const s = track.keypoints[name];
  if (!s) return null;
  const x = s.x[frame];
  const y = s.y[frame];
  const score = s.score[frame];
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (score !== undefined && Number.isFinite(score) && score < minScore) return null;
  return { x, y };
}

function line(ctx: CanvasRenderingContext2D, a: [number, number], b: [number, number], colour: string, width: number): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
}

export function drawSkeleton(
  ctx: CanvasRenderingContext2D, track: PoseTrack, frame: number, toCanvas: ToCanvas, options: DrawSkeletonOptions = {},
): number {
  const minScore = options.minScore ?? 0.3;
  const width = options.lineWidth ?? 4;
  const at = (name: string): [number, number] | null => {
    const p = keypointAt(track, name, frame, minScore);
    return p ? toCanvas(p.x, p.y) : null;
  };
  let drawn = 0;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const bones: { a: string; b: string; colour: string }[] = [
    ...CENTRE_BONES.map(([a, b]) => ({ a, b, colour: CENTRE_COLOUR })),
    ...SIDES.flatMap((side) => sideBones(side).map(([a, b]) => ({ a, b, colour: SIDE_COLOUR[side] }))),
  ];
  // Halo first for every bone, then colours, so a halo never covers another bone's colour.
  for (const pass of ['halo', 'colour'] as const) {
    for (const bone of bones) {
      const a = at(bone.a);
      const b = at(bone.b);
      if (!a || !b) continue;
      if (pass === 'halo') line(ctx, a, b, 'rgba(0,0,0,0.55)', width + 3);
      else { line(ctx, a, b, bone.colour, width); drawn++; }
    }
  }
  for (const side of SIDES) drawJoints(ctx, side, sideJoints(side).map(at), width);
  if (options.labels !== false) for (const side of SIDES) drawTag(ctx, side, at(`${side}_knee`) ?? at(`${side}_hip`), width);
  ctx.restore();
  return drawn;
}

function drawJoints(ctx: CanvasRenderingContext2D, side: Side, points: ([number, number] | null)[], width: number): void {
  ctx.fillStyle = SIDE_COLOUR[side];
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.5;
  for (const p of points) {
    if (!p) continue;
    ctx.beginPath();
    ctx.arc(p[0], p[1], width * 0.9, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}

function drawTag(ctx: CanvasRenderingContext2D, side: Side, p: [number, number] | null, width: number): void {
  if (!p) return;
  const size = Math.max(14, width * 4.5);
  // Left tag to the left of the joint, right tag to the right, so the two never sit on top of each other.
  const dx = side === 'left' ? -size * 1.4 : size * 0.4;
  const x = p[0] + dx;
  const y = p[1] - size * 0.5;
  ctx.fillStyle = SIDE_COLOUR[side];
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${Math.round(size * 0.8)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(SIDE_LETTER[side], x + size / 2, y + size / 2 + 1);
}

/** The mapping for a canvas that shows the whole video frame (same aspect), optionally mirrored. */
export function fitWholeFrame(track: PoseTrack, canvasWidth: number, canvasHeight: number, mirror = false): ToCanvas {
  const sx = canvasWidth / track.width;
  const sy = canvasHeight / track.height;
  return (x, y) => [mirror ? canvasWidth - x * sx : x * sx, y * sy];
}
