// Side view: the vertical the angles are measured against (report.json `vertical`: the scene's, the belt's or the
// image's), dashed through the hips, so that a trunk lean or a thigh angle is read against the line the numbers
// used, as the rear view shows its level reference under the pelvis line.
import type { PoseTrack } from '../../shared/contract';

type Point = { x: number; y: number };

export function drawVerticalReference(ctx: CanvasRenderingContext2D, hip: Point, legPx: number, tiltDeg: number, lineWidth: number): void {
  const t = (tiltDeg * Math.PI) / 180;
  // the world's up in the image: the top leans to image-right for a positive (clockwise) tilt, y down
  const ux = Math.sin(t), uy = -Math.cos(t);
  const x0 = hip.x + ux * 0.7 * legPx, y0 = hip.y + uy * 0.7 * legPx;
  const x1 = hip.x - ux * 1.1 * legPx, y1 = hip.y - uy * 1.1 * legPx;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.setLineDash([lineWidth * 3, lineWidth * 2.5]);
  for (const [style, width] of [['rgba(0,0,0,0.55)', lineWidth + 2], ['rgba(255,255,255,0.9)', lineWidth]] as const) {
    ctx.strokeStyle = style;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  }
  ctx.restore();
}

/** The hips' centre at a frame and the leg's length there (hip to the lower ankle), or null without both hips. */
export function hipAndLegAt(track: PoseTrack, frame: number): { hip: Point; legPx: number } | null {
  const at = (name: string): Point | null => {
    const kp = track.keypoints[name];
    const x = kp?.x[frame] ?? Number.NaN, y = kp?.y[frame] ?? Number.NaN;
    return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
  };
  const l = at('left_hip'), r = at('right_hip');
  if (!l || !r) return null;
  const hip = { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
  const ankles = [at('left_ankle'), at('right_ankle')].filter((p): p is Point => p !== null);
  const legPx = ankles.length ? Math.max(...ankles.map((a) => Math.hypot(a.x - hip.x, a.y - hip.y))) : 0.35 * track.height;
  return { hip, legPx };
}
