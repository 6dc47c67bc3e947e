// The rear view's pelvis at one frame: the two points the analysis measured the line between (pelvis marks, else
// hips: hipDrop.ts pelvisLine), the line's angle against the level reference (result.curves.hipLineDeg, + = the
// runner's right side lower), and the reference's own tilt in the image (the camera roll the analysis removed).
import type { AnalysisResult, PoseTrack } from '../../shared/contract';
import { pelvisLine } from '../../shared/jointAngles';

export interface PelvisReference {
  source: 'pelvisMarks' | 'hipKeypoints';
  names: [string, string];
  /** Image tilt of the level reference, degrees, + = its image-right end lower. */
  referenceTiltDeg: number;
}

export interface PelvisAtFrame {
  left: { x: number; y: number };
  right: { x: number; y: number };
  /** Angle of the pelvis line against level, degrees, + = right side lower (the chart's and the analysis's line). */
  rightLowDeg: number;
  referenceTiltDeg: number;
  source: PelvisReference['source'];
}

function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length === 0 ? Number.NaN : (v[(v.length - 1) >> 1]! + v[v.length >> 1]!) / 2;
}

/**
 * What the analysis measured against: the roll it removed is the median gap between the raw image angle of the
 * pelvis line and the corrected curve (one constant per clip: the frame-to-frame gap is only filter noise).
 */
export function pelvisReference(result: AnalysisResult, track: PoseTrack): PelvisReference | null {
  const curve = result.curves?.hipLineDeg;
  if (!curve || result.view !== 'rear') return null;
  const line = pelvisLine(track);
  const n = Math.min(curve.deg.length, line.rightLowDeg.length);
  const offset = median(Array.from({ length: n }, (_, i) => (line.rightLowDeg[i] as number) - (curve.deg[i] as number)));
  if (!Number.isFinite(offset)) return null;
  const names: [string, string] = line.source === 'pelvisMarks' ? ['left_pelvis_mark', 'right_pelvis_mark'] : ['left_hip', 'right_hip'];
  const lx = median(track.keypoints[names[0]]?.x ?? []);
  const rx = median(track.keypoints[names[1]]?.x ?? []);
  // The right-low angle is measured with |dx|: mirror it into image terms when the runner's right is on image left.
  const rightOnImageRight = !(rx < lx);
  return { source: line.source, names, referenceTiltDeg: rightOnImageRight ? offset : -offset };
}

export function pelvisAtFrame(ref: PelvisReference, result: AnalysisResult, track: PoseTrack, frame: number): PelvisAtFrame | null {
  const l = track.keypoints[ref.names[0]]; const r = track.keypoints[ref.names[1]];
  const lx = l?.x[frame]; const ly = l?.y[frame]; const rx = r?.x[frame]; const ry = r?.y[frame];
  const measured = result.curves?.hipLineDeg?.deg[frame];
  if (![lx, ly, rx, ry, measured].every((v) => v !== undefined && Number.isFinite(v))) return null;
  return {
    left: { x: lx as number, y: ly as number }, right: { x: rx as number, y: ry as number },
    rightLowDeg: measured as number, referenceTiltDeg: ref.referenceTiltDeg, source: ref.source,
  };
}
