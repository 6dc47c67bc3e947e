// The scene's vertical (PoseTrack.sceneVertical, worldVertical.ts) in keypoints.csv, so that a job's own CSV,
// analysed again, reads its angles against the same vertical as the clip did. One value per clip, repeated on every
// row (a CSV cut to a stretch of the run keeps it): `scene_vertical_tilt_deg`, `scene_vertical_lines`,
// `scene_vertical_scatter_deg`.
import { AnalysisError } from './analysisError';
import { csvNumber as fmt } from './csvCell';
import type { PoseTrack, SceneVertical } from './types';

const FIELDS = [['scene_vertical_tilt_deg', 'tiltDeg'], ['scene_vertical_lines', 'lines'], ['scene_vertical_scatter_deg', 'scatterDeg']] as const;
export type SceneVerticalField = (typeof FIELDS)[number][1];

/** The scene-vertical field a header cell names, or null for any other cell. */
export function sceneVerticalColumnOf(cell: string): SceneVerticalField | null {
  return FIELDS.find(([name]) => name === cell)?.[1] ?? null;
}

export function sceneVerticalHeader(track: PoseTrack): string[] {
  return track.sceneVertical ? FIELDS.map(([name]) => name) : [];
}

export function sceneVerticalCells(track: PoseTrack): string[] {
  const v = track.sceneVertical;
  return v ? [fmt(v.tiltDeg, 3), fmt(v.lines, 0), fmt(v.scatterDeg, 3)] : [];
}

/** Collects the scene-vertical columns while a keypoint CSV is read; `finish` gives the first row's value. */
export function sceneVerticalCollector(fields: readonly SceneVerticalField[]): { set(field: SceneVerticalField, value: number): void; finish(): SceneVertical | undefined } {
  if (fields.length > 0 && !fields.includes('tiltDeg')) throw new AnalysisError('CSV_BAD_HEADER', 'Keypoint CSV line 1: scene_vertical columns without scene_vertical_tilt_deg.');
  const got: Partial<Record<SceneVerticalField, number>> = {};
  return {
    set(field, value): void { if (got[field] === undefined && Number.isFinite(value)) got[field] = value; },
    finish(): SceneVertical | undefined {
      const tiltDeg = got.tiltDeg;
      return tiltDeg === undefined ? undefined : { tiltDeg, lines: got.lines ?? Number.NaN, scatterDeg: got.scatterDeg ?? Number.NaN };
    },
  };
}
