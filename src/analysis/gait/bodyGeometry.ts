// Body measures in pixels read from a track, used to scale thresholds (so rules hold at any camera distance).
import { median } from '../signal/subFrame';
import type { PoseTrack, Side } from '../types';

export function pointSeries(track: PoseTrack, name: string): { x: number[]; y: number[] } {
  const kp = track.keypoints[name];
  const n = track.timesSec.length;
  return kp ? { x: kp.x, y: kp.y } : { x: new Array<number>(n).fill(Number.NaN), y: new Array<number>(n).fill(Number.NaN) };
}

/** Median hip-to-ankle distance over both legs and all frames (px); NaN when no leg is seen. */
export function legLengthPx(track: PoseTrack): number {
  const d: number[] = [];
  for (const side of ['left', 'right'] as Side[]) {
    const hip = pointSeries(track, `${side}_hip`);
    const ankle = pointSeries(track, `${side}_ankle`);
    for (let i = 0; i < track.timesSec.length; i++) {
      d.push(Math.hypot((hip.x[i] as number) - (ankle.x[i] as number), (hip.y[i] as number) - (ankle.y[i] as number)));
    }
  }
  return median(d);
}

/** Mid-point of a joint's left and right points per frame (either alone when the other is missing), e.g. 'ankle'. */
export function midSeries(track: PoseTrack, joint: string): { x: number[]; y: number[] } {
  const l = pointSeries(track, `left_${joint}`);
  const r = pointSeries(track, `right_${joint}`);
  const mid = (a: number, b: number): number => (Number.isFinite(a) && Number.isFinite(b) ? (a + b) / 2 : Number.isFinite(a) ? a : b);
  return { x: l.x.map((v, i) => mid(v, r.x[i] as number)), y: l.y.map((v, i) => mid(v, r.y[i] as number)) };
}

/** Mid-point of the two hips per frame (either hip alone when the other is missing). */
export function pelvisSeries(track: PoseTrack): { x: number[]; y: number[] } {
  return midSeries(track, 'hip');
}
