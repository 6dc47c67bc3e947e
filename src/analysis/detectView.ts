// View detection from body geometry (issue 3, design.md "detectView"): in a side view the feet sweep far in front
// of and behind the pelvis (about a leg length over a stride); from behind they stay under it and only the hips
// are spread across the image. Facing: the toes point the way the runner runs (foot_index ahead of the heel).
import { legLengthPx, pelvisSeries, pointSeries } from './gait/bodyGeometry';
import { derivative, median, quantile } from './signal/subFrame';
import type { PoseTrack, Side, View } from './types';

export type Facing = 'imageLeft' | 'imageRight' | 'towardsCamera' | 'awayFromCamera';

export interface ViewDetection {
  view: View;
  facing: Facing;
  /** Fore-aft sweep of the ankles relative to the pelvis, in leg lengths (side ≈ 0.8–1.3, rear ≈ 0.1–0.3). */
  sweepLegLengths: number;
  legLengthPx: number;
  warnings: string[];
}

const SIDE_SWEEP_MIN = 0.5;

function ankleSweep(track: PoseTrack): number {
  const pelvis = pelvisSeries(track);
  let best = Number.NaN;
  for (const side of ['left', 'right'] as Side[]) {
    const a = pointSeries(track, `${side}_ankle`);
    const rel = a.x.map((x, i) => x - (pelvis.x[i] as number));
    const sweep = quantile(rel, 0.95) - quantile(rel, 0.05);
    if (Number.isFinite(sweep) && !(sweep <= best)) best = sweep;
  }
  return best;
}

function sideFacing(track: PoseTrack): 'imageLeft' | 'imageRight' {
  const votes: number[] = [];
  for (const side of ['left', 'right'] as Side[]) {
    const heel = pointSeries(track, `${side}_heel`);
    const toe = pointSeries(track, `${side}_foot_index`);
    for (let i = 0; i < track.timesSec.length; i++) votes.push((toe.x[i] as number) - (heel.x[i] as number));
  }
  let dir = median(votes);
  if (!Number.isFinite(dir) || dir === 0) {
    // No feet: a swinging ankle spends most of the cycle moving forwards (swing ≈ 60–70% of a running stride).
    const v: number[] = [];
    // a loop, not push(...): a whole series spread as arguments overflows the call stack on a long clip
    for (const side of ['left', 'right'] as Side[]) for (const d of derivative(pointSeries(track, `${side}_ankle`).x, track.timesSec)) v.push(d);
    dir = median(v);
  }
  return dir < 0 ? 'imageLeft' : 'imageRight';
}

function rearFacing(track: PoseTrack): 'towardsCamera' | 'awayFromCamera' {
  // Seen from behind, the runner's right hip is on the image right.
  const l = pointSeries(track, 'left_hip');
  const r = pointSeries(track, 'right_hip');
  return median(l.x.map((x, i) => (r.x[i] as number) - x)) >= 0 ? 'awayFromCamera' : 'towardsCamera';
}

export function detectView(track: PoseTrack, forced: 'auto' | View = 'auto'): ViewDetection {
  const leg = legLengthPx(track);
  const sweep = ankleSweep(track) / leg;
  const warnings: string[] = [];
  let view: View;
  if (forced !== 'auto') {
    view = forced;
    const looks: View = sweep >= SIDE_SWEEP_MIN ? 'side' : 'rear';
    if (Number.isFinite(sweep) && looks !== forced) warnings.push(`The view was set to ${forced}, but the feet move as in a ${looks} view.`);
  } else if (!Number.isFinite(sweep)) {
    view = 'side';
    warnings.push('Could not tell side from rear view (hips or ankles not seen); assumed side view.');
  } else {
    view = sweep >= SIDE_SWEEP_MIN ? 'side' : 'rear';
  }
  const facing = view === 'side' ? sideFacing(track) : rearFacing(track);
  return { view, facing, sweepLegLengths: sweep, legLengthPx: leg, warnings };
}
