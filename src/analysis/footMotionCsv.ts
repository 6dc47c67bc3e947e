// The foot regions' image motion (PoseTrack.footMotion, issue 11) in keypoints.csv: without it, analysing a job's
// exported keypoints.csv again lost the pixel evidence, so a foot the video's analysis refused to compare (its events
// off its own pixels) was compared from the CSV, and the same run got two verdicts. Columns
// `<side>_<part>_motion_dx_px`, `…_dy_px`, `…_ncc` (part heel or toe), row i = the motion from frame i to frame i + 1.
import { AnalysisError } from './analysisError';
import { csvNumber as fmt } from './csvCell';
import { SIDES, type FootMotion, type FootMotionSeries, type PoseTrack, type Side } from './types';

const PARTS = ['heel', 'toe'] as const;
type Part = (typeof PARTS)[number];
const FIELDS = [['dx_px', 'dxPx'], ['dy_px', 'dyPx'], ['ncc', 'ncc']] as const;
type Field = (typeof FIELDS)[number][1];

export interface FootMotionColumn { side: Side; part: Part; field: Field }

const COLUMN = /^(left|right)_(heel|toe)_motion_(dx_px|dy_px|ncc)$/;

/** The foot-motion column a header cell names, or null for any other cell. */
export function footMotionColumnOf(cell: string): FootMotionColumn | null {
  const m = COLUMN.exec(cell);
  if (!m) return null;
  const field = FIELDS.find(([name]) => name === m[3]);
  return field ? { side: m[1] as Side, part: m[2] as Part, field: field[1] } : null;
}

/** Header cells for a track's foot motion (none without it), in the order footMotionCells writes them. */
export function footMotionHeader(track: PoseTrack): string[] {
  if (!track.footMotion) return [];
  return SIDES.flatMap((side) => PARTS.flatMap((part) => FIELDS.map(([name]) => `${side}_${part}_motion_${name}`)));
}

/** Row i's foot-motion cells: displacements to 1/1000 px (the match is sub-pixel), correlations to 1/10000. */
export function footMotionCells(track: PoseTrack, i: number): string[] {
  const m = track.footMotion;
  if (!m) return [];
  return SIDES.flatMap((side) => PARTS.flatMap((part) => {
    const s = m[side][part];
    return [fmt(s.dxPx[i], 3), fmt(s.dyPx[i], 3), fmt(s.ncc[i], 4)];
  }));
}

/** Collects foot-motion columns while a keypoint CSV is read; `finish` gives the FootMotion, or undefined without any. */
export function footMotionCollector(columns: readonly FootMotionColumn[]): { set(column: FootMotionColumn, row: number, value: number): void; finish(rows: number): FootMotion | undefined } {
  const empty = (): FootMotionSeries => ({ dxPx: [], dyPx: [], ncc: [] });
  const motion = { left: { heel: empty(), toe: empty() }, right: { heel: empty(), toe: empty() } };
  if (columns.length > 0) {
    // A part is measured by all three numbers together: a CSV with some of them lost the rest on its way.
    for (const side of SIDES) {
      for (const part of PARTS) {
        const have = columns.filter((c) => c.side === side && c.part === part).map((c) => c.field);
        if (have.length === 0) continue;
        const lacking = FIELDS.find(([, key]) => !have.includes(key));
        if (lacking) throw new AnalysisError('CSV_BAD_HEADER', `Keypoint CSV line 1: "${side}_${part}_motion" has no ${side}_${part}_motion_${lacking[0]} column.`);
      }
    }
  }
  return {
    set(column, row, value): void { motion[column.side][column.part][column.field][row] = value; },
    finish(rows): FootMotion | undefined {
      if (columns.length === 0) return undefined;
      const full = (s: FootMotionSeries): FootMotionSeries => ({
        dxPx: Array.from({ length: rows }, (_, i) => s.dxPx[i] ?? Number.NaN),
        dyPx: Array.from({ length: rows }, (_, i) => s.dyPx[i] ?? Number.NaN),
        ncc: Array.from({ length: rows }, (_, i) => s.ncc[i] ?? Number.NaN),
      });
      // The patch size and the measuring cost are not kept in the CSV; nothing in the analysis reads them.
      return {
        left: { heel: full(motion.left.heel), toe: full(motion.left.toe) },
        right: { heel: full(motion.right.heel), toe: full(motion.right.toe) },
        patchWidthPx: Number.NaN, msPerFrame: Number.NaN,
      };
    },
  };
}
