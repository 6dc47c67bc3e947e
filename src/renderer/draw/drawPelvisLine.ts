// Rear view: the measured pelvis line (thick, yellow, end dots) over the level reference it is measured against
// (dashed white, through the same mid-point, wider), so the angle the numbers come from is seen, not guessed; the
// skeleton's own hip line stays thin and grey beneath it.
import type { PelvisAtFrame } from '../format/pelvisAtFrame';

export const PELVIS_LINE_COLOUR = '#ffd400';

export function drawPelvisLine(ctx: CanvasRenderingContext2D, p: PelvisAtFrame, lineWidth: number): void {
  const mx = (p.left.x + p.right.x) / 2; const my = (p.left.y + p.right.y) / 2;
  const half = Math.hypot(p.right.x - p.left.x, p.right.y - p.left.y) * 0.85;
  const tilt = (p.referenceTiltDeg * Math.PI) / 180;
  const ux = Math.cos(tilt); const uy = Math.sin(tilt); // image-right end lower when tilt > 0 (y down)
  ctx.save();
  ctx.lineCap = 'round';
  ctx.setLineDash([lineWidth * 2.5, lineWidth * 2]);
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.lineWidth = lineWidth * 0.9 + 2;
  stroke(ctx, mx - ux * half, my - uy * half, mx + ux * half, my + uy * half);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = lineWidth * 0.9;
  stroke(ctx, mx - ux * half, my - uy * half, mx + ux * half, my + uy * half);
  ctx.setLineDash([]);
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.lineWidth = lineWidth * 1.4 + 3;
  stroke(ctx, p.left.x, p.left.y, p.right.x, p.right.y);
  ctx.strokeStyle = PELVIS_LINE_COLOUR;
  ctx.lineWidth = lineWidth * 1.4;
  stroke(ctx, p.left.x, p.left.y, p.right.x, p.right.y);
  ctx.fillStyle = PELVIS_LINE_COLOUR;
  for (const q of [p.left, p.right]) {
    ctx.beginPath();
    ctx.arc(q.x, q.y, lineWidth * 1.3, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
}

function stroke(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
