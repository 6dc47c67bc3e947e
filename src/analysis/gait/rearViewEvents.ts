// Rear-view events per foot ("events as well as the view allows", issue 3). Seen from behind, a foot on the belt
// slides towards the camera, so its image y grows steadily through stance; at push-off the toe lifts, so toe-off is
// the toe's lowest image position (largest y). Foot strike is where the falling foot is suddenly stopped by the
// belt: the strongest upward acceleration (most negative d²y/dt², y down) of the foot's lowest point before that
// stance (Handsaker 2016's acceleration-peak idea, in image space).
import { derivative, parabolicOffset, quantile } from '../signal/subFrame';
import type { FootEventIndices } from './sideViewEvents';

export interface RearFootSignals { heelY: number[]; toeY: number[]; lowY: number[] }

export function rearViewFootEvents(s: RearFootSignals, timesSec: readonly number[], fps: number): FootEventIndices {
  const out: FootEventIndices = { strikes: [], toeOffs: [] };
  const n = s.toeY.length;
  const ground = quantile(s.toeY, 0.9);
  const top = quantile(s.toeY, 0.1);
  if (!Number.isFinite(ground) || !(ground > top)) return out;
  const acc = derivative(derivative(s.lowY, timesSec), timesSec);
  const halfWin = Math.max(2, Math.round(0.1 * fps));
  const contactMax = Math.round(0.45 * fps);
  const contactMin = Math.max(1, Math.round(0.1 * fps));
  for (let i = 1; i < n - 1; i++) {
    const y = s.toeY[i] as number;
    // Toe-off: a local maximum of toe y within a window, near the ground (lower third of its range).
    if (!Number.isFinite(y) || y < ground - (ground - top) / 3) continue;
    let isMax = true;
    for (let k = Math.max(0, i - halfWin); k <= Math.min(n - 1, i + halfWin); k++) {
      if (k !== i && (s.toeY[k] as number) > y) { isMax = false; break; }
    }
    if (!isMax) continue;
    out.toeOffs.push(i + parabolicOffset(s.toeY[i - 1] as number, y, s.toeY[i + 1] as number));
    let best = Infinity;
    let bi = -1;
    for (let k = Math.max(1, i - contactMax); k <= i - contactMin; k++) {
      const a = acc[k] as number;
      if (Number.isFinite(a) && a < best) { best = a; bi = k; }
    }
    if (bi > 0 && bi < n - 1) out.strikes.push(bi + parabolicOffset(acc[bi - 1] as number, best, acc[bi + 1] as number));
  }
  return out;
}
