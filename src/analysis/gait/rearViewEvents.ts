// Rear-view events per foot ("events as well as the view allows", issue 3). Seen from behind, a foot on the belt
// is carried towards the camera, so its image y grows slowly and steadily through stance (the treadmill belt rule of
// references.md, seen in depth). At push-off the toe lifts: toe-off is the toe's lowest image position (largest
// y) after that steady growth. Before the strike the heel falls faster than the belt carries it, so the strike is
// where, walking back from late stance, the heel's downward image speed last exceeded `fallFactor` × the stance
// rate (the falling foot stopped by the belt).
import { derivative, linearCrossing, median, parabolicOffset, quantile } from '../signal/subFrame';
import type { FootEventIndices } from './sideViewEvents';

export interface RearFootSignals { heelY: number[]; toeY: number[] }

export interface RearEventOptions {
  /** Heel downward speed, in multiples of the stance rate, above which the foot is still falling (default 1.5). */
  fallFactor: number;
}

export const DEFAULT_REAR_OPTIONS: RearEventOptions = { fallFactor: 1.5 };

export function rearViewFootEvents(
  s: RearFootSignals, timesSec: readonly number[], fps: number, opts: RearEventOptions = DEFAULT_REAR_OPTIONS,
): FootEventIndices {
  const out: FootEventIndices = { strikes: [], toeOffs: [] };
  const n = s.toeY.length;
  const ground = quantile(s.toeY, 0.9);
  const top = quantile(s.toeY, 0.1);
  if (!Number.isFinite(ground) || !(ground > top)) return out;
  const heelVel = derivative(s.heelY, timesSec);
  const toeVel = derivative(s.toeY, timesSec);
  const halfWin = Math.max(2, Math.round(0.1 * fps));
  const late0 = Math.round(0.15 * fps);
  const late1 = Math.max(1, Math.round(0.03 * fps));
  const maxContact = Math.round(0.5 * fps);
  for (let i = 1; i < n - 1; i++) {
    const y = s.toeY[i] as number;
    // Toe-off: a local maximum of toe y within ±0.1 s, in the lower third of its range (on the belt).
    if (!Number.isFinite(y) || y < ground - (ground - top) / 3) continue;
    let isMax = true;
    for (let k = Math.max(0, i - halfWin); k <= Math.min(n - 1, i + halfWin); k++) {
      if (k !== i && (s.toeY[k] as number) > y) { isMax = false; break; }
    }
    if (!isMax) continue;
    out.toeOffs.push(i + parabolicOffset(s.toeY[i - 1] as number, y, s.toeY[i + 1] as number));
    // Stance rate: how fast the belt carries the toe towards the camera in late stance (px/s, positive).
    const rate = median(toeVel.slice(Math.max(0, i - late0), Math.max(0, i - late1) + 1));
    if (!(rate > 0)) continue;
    const level = opts.fallFactor * rate;
    let j = i - late1;
    const stop = Math.max(1, i - maxContact);
    while (j > stop && !((heelVel[j] as number) > level)) j--;
    if (j <= stop) continue;
    const c = linearCrossing(j, heelVel[j] as number, heelVel[j + 1] as number, level);
    if (Number.isFinite(c)) out.strikes.push(c);
  }
  return out;
}
