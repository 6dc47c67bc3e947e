// The foot regions' image motion (PoseTrack.footMotion, issue 11) in keypoints.csv: without it, analysing a job's
// exported keypoints.csv again lost the pixel evidence, so a foot the video's analysis refused to compare (its events
// off its own pixels) was compared from the CSV, and the same run got two verdicts. Columns
// `<side>_<part>_motion_dx_px`, `…_dy_px`, `…_ncc` (part heel or toe), and `camera_motion_…` for the background's
// motion (a hand-held phone's), row i = the motion from frame i to frame i + 1.
import { AnalysisError } from './analysisError';
import { csvNumber as fmt } from './csvCell';
import { SIDES, type FootMotion, type FootMotionSeries, type PoseTrack, type Side } from './types';

const PARTS = ['heel', 'toe'] as const;
type Part = (typeof PARTS)[number];
const FIELDS = [['dx_px', 'dxPx'], ['dy_px', 'dyPx'], ['ncc', 'ncc']] as const;
type Field = (typeof FIELDS)[number][1];

/** A measured series: one foot part's patch, or the background's (the camera's own motion). */
type SeriesKey = `${Side}_${Part}` | 'camera';
const FOOT_SERIES: readonly `${Side}_${Part}`[] = SIDES.flatMap((side) => PARTS.map((part) => `${side}_${part}` as const));

export interface FootMotionColumn { series: SeriesKey; field: Field }

const COLUMN = /^((?:left|right)_(?:heel|toe)|camera)_motion_(dx_px|dy_px|ncc)$/;

/** The foot-motion column a header cell names, or null for any other cell. */
export function footMotionColumnOf(cell: string): FootMotionColumn | null {
  const m = COLUMN.exec(cell);
  if (!m) return null;
  const field = FIELDS.find(([name]) => name === m[2]);
  return field ? { series: m[1] as SeriesKey, field: field[1] } : null;
}

/** The series a track's foot motion writes, in column order: the four foot parts, then the camera's when measured. */
function seriesOf(m: FootMotion): { key: SeriesKey; series: FootMotionSeries }[] {
  const feet = FOOT_SERIES.map((key) => {
    const [side, part] = key.split('_') as [Side, Part];
    return { key: key as SeriesKey, series: m[side][part] };
  });
  return m.camera ? [...feet, { key: 'camera', series: m.camera }] : feet;
}

/** Header cells for a track's foot motion (none without it), in the order footMotionCells writes them. */
export function footMotionHeader(track: PoseTrack): string[] {
  if (!track.footMotion) return [];
  return seriesOf(track.footMotion).flatMap(({ key }) => FIELDS.map(([name]) => `${key}_motion_${name}`));
}

/** Row i's foot-motion cells: displacements to 1/1000 px (the match is sub-pixel), correlations to 1/10000. */
export function footMotionCells(track: PoseTrack, i: number): string[] {
  const m = track.footMotion;
  if (!m) return [];
  return seriesOf(m).flatMap(({ series: s }) => [fmt(s.dxPx[i], 3), fmt(s.dyPx[i], 3), fmt(s.ncc[i], 4)]);
}

/** Collects foot-motion columns while a keypoint CSV is read; `finish` gives the FootMotion, or undefined without any. */
export function footMotionCollector(columns: readonly FootMotionColumn[]): { set(column: FootMotionColumn, row: number, value: number): void; finish(rows: number): FootMotion | undefined } {
  const motion = new Map<SeriesKey, FootMotionSeries>();
  // A series is measured by all three numbers together: a CSV with some of them lost the rest on its way.
  for (const key of new Set(columns.map((c) => c.series))) {
    const have = columns.filter((c) => c.series === key).map((c) => c.field);
    const lacking = FIELDS.find(([, field]) => !have.includes(field));
    if (lacking) throw new AnalysisError('CSV_BAD_HEADER', `Keypoint CSV line 1: "${key}_motion" has no ${key}_motion_${lacking[0]} column.`);
    motion.set(key, { dxPx: [], dyPx: [], ncc: [] });
  }
  return {
    set(column, row, value): void { (motion.get(column.series) as FootMotionSeries)[column.field][row] = value; },
    finish(rows): FootMotion | undefined {
      if (columns.length === 0) return undefined;
      const full = (key: SeriesKey): FootMotionSeries => {
        const s = motion.get(key);
        return {
          dxPx: Array.from({ length: rows }, (_, i) => s?.dxPx[i] ?? Number.NaN),
          dyPx: Array.from({ length: rows }, (_, i) => s?.dyPx[i] ?? Number.NaN),
          ncc: Array.from({ length: rows }, (_, i) => s?.ncc[i] ?? Number.NaN),
        };
      };
      // The patch size and the measuring cost are not kept in the CSV; nothing in the analysis reads them.
      return {
        left: { heel: full('left_heel'), toe: full('left_toe') },
        right: { heel: full('right_heel'), toe: full('right_toe') },
        ...(motion.has('camera') ? { camera: full('camera') } : {}),
        patchWidthPx: Number.NaN, msPerFrame: Number.NaN,
      };
    },
  };
}
