// Merges per-frame pose results from any number of chunks into one PoseTrack in time order.
import type { KeypointSeries, PoseTrack } from '../../shared/contract';
import { PoseError } from './poseErrors';

export interface FrameValues {
  index: number;
  timeSec: number;
  /** x, y, score per keypoint, in keypointNames order. */
  values: Float32Array;
}

export interface PoseTrackMeta {
  width: number;
  height: number;
  model: string;
  backend: string;
  /** Long side of the decoded frames the model read (px). */
  decodedLongSidePx?: number;
}

/** Sorts by time, drops exact duplicates (a frame reported by two overlapping chunks), checks monotonic times. */
export function buildPoseTrack(names: readonly string[], frames: FrameValues[], meta: PoseTrackMeta): PoseTrack {
  const sorted = [...frames].sort((a, b) => a.timeSec - b.timeSec || a.index - b.index);
  const kept: FrameValues[] = [];
  for (const f of sorted) {
    const prev = kept[kept.length - 1];
    if (prev && prev.index === f.index && prev.timeSec === f.timeSec) continue;
    if (prev && !(f.timeSec > prev.timeSec)) {
      throw new PoseError('POSE_FAILED', `frame times not strictly increasing at ${f.timeSec}s (frame ${f.index} after ${prev.index})`);
    }
    kept.push(f);
  }
  const keypoints: Record<string, KeypointSeries> = {};
  names.forEach((name, k) => {
    const series: KeypointSeries = { x: new Array<number>(kept.length), y: new Array<number>(kept.length), score: new Array<number>(kept.length) };
    kept.forEach((f, i) => {
      if (f.values.length < names.length * 3) throw new PoseError('POSE_FAILED', `frame ${f.index}: ${f.values.length} values for ${names.length} keypoints`);
      series.x[i] = f.values[3 * k] as number;
      series.y[i] = f.values[3 * k + 1] as number;
      series.score[i] = f.values[3 * k + 2] as number;
    });
    keypoints[name] = series;
  });
  return {
    timesSec: kept.map((f) => f.timeSec),
    width: meta.width,
    height: meta.height,
    keypoints,
    source: { kind: 'pose-model', model: meta.model, backend: meta.backend, ...(meta.decodedLongSidePx !== undefined ? { decodedLongSidePx: meta.decodedLongSidePx } : {}) },
  };
}
