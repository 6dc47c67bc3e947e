// Lateral pelvis sway per stride from the rear view (issue 16): how far the pelvis centre moves towards the stance
// side during each stance, measured within its own stride so that a runner drifting across the belt over the clip
// is not read as sway. The pelvis moves towards the stance foot in every step of running (the body's centre of
// mass stays over the base of support: Arellano & Kram 2011 on lateral balance); a one-sided larger shift is what
// a physio looks for beside the hip drop.
import { interpolateAt } from './seriesMath';
import { firstFrameFrom } from './signal/frameWindow';
import type { Side } from './types';

export interface SwayStance {
  side: Side;
  strikeTimeSec: number;
  /** The other foot's next strike: this stance and the flight after it. */
  nextOtherStrikeSec: number | null;
  /** Strike to the next strike of the same foot, ms. */
  strideMs: number | null;
}

/**
 * Per stance (aligned with `stances`): the largest excursion of the pelvis towards the stance side during this
 * stance and the flight after it, px, from the stride's own centre line. The stride (this strike to the next
 * strike of the same foot) is detrended by the straight line through its two ends — same phase of the cycle, so a
 * steady drift is removed exactly — and centred on its time-weighted mean. `pelvisRightwardPx`: the pelvis centre
 * per frame along the runner's rightward axis. Null where the stride is incomplete or the pelvis unseen.
 */
export function lateralSwayPx(timesSec: readonly number[], pelvisRightwardPx: readonly number[], stances: readonly SwayStance[]): (number | null)[] {
  return stances.map((s) => {
    if (s.strideMs === null || s.nextOtherStrikeSec === null) return null;
    const t0 = s.strikeTimeSec; const t2 = t0 + s.strideMs / 1000;
    const at = (t: number): number => interpolateAt(timesSec, pelvisRightwardPx, t);
    const x0 = at(t0); const x2 = at(t2);
    const ts = [t0];
    for (let i = firstFrameFrom(timesSec, t0, true); i < timesSec.length && (timesSec[i] as number) < t2; i++) ts.push(timesSec[i] as number);
    ts.push(t2);
    const d = ts.map((t) => at(t) - (x0 + ((x2 - x0) * (t - t0)) / (t2 - t0)));
    if (!d.every(Number.isFinite) || ts.length < 4) return null;
    let area = 0;
    for (let k = 1; k < ts.length; k++) area += (((d[k] as number) + (d[k - 1] as number)) / 2) * ((ts[k] as number) - (ts[k - 1] as number));
    const centre = area / (t2 - t0);
    const toward = s.side === 'right' ? 1 : -1;
    let peak = Number.NEGATIVE_INFINITY;
    ts.forEach((t, k) => { if (t <= (s.nextOtherStrikeSec as number)) peak = Math.max(peak, toward * ((d[k] as number) - centre)); });
    return Number.isFinite(peak) ? peak : null;
  });
}
