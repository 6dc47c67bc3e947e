// The keypoint CSV of design.md (station 3 input): `time_s`, then `<name>_x,<name>_y,<name>_score` per keypoint,
// pixels of the displayed video, y down, empty or NaN where missing. Lets lab data and other pose tools be analysed.
// A track analysed from a video also carries its feet's image motion (`<side>_<part>_motion_…`, footMotionCsv.ts) and
// the scene's vertical (`scene_vertical_…`, sceneVerticalCsv.ts).
import { AnalysisError } from './analysisError';
import { csvNumber as fmt } from './csvCell';
import { footMotionCells, footMotionCollector, footMotionColumnOf, footMotionHeader, type FootMotionColumn } from './footMotionCsv';
import { sceneVerticalCells, sceneVerticalCollector, sceneVerticalColumnOf, sceneVerticalHeader, type SceneVerticalField } from './sceneVerticalCsv';
import type { KeypointSeries, PoseTrack } from './types';

export interface ParseKeypointCsvOptions {
  /** Shown in the report's method section (usually the file name). */
  name: string;
  /** Frame rate for a CSV without a time_s column (time = row / fps). Ignored when time_s is present. */
  fps?: number;
  /** Video size in pixels; estimated from the largest coordinate when absent. */
  width?: number;
  height?: number;
}

type Axis = 'x' | 'y' | 'score';
/** A keypoint coordinate, one number of a foot region's image motion (footMotionCsv.ts), or of the scene's vertical. */
type Column = { name: string; axis: Axis; motion?: undefined; scene?: undefined } | { motion: FootMotionColumn; scene?: undefined } | { scene: SceneVerticalField; motion?: undefined };

const MISSING = new Set(['', 'nan', 'null', 'na', 'none']);

function parseHeader(line: string): { hasTime: boolean; columns: Column[] } {
  const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const hasTime = cells[0] === 'time_s';
  const columns: Column[] = [];
  const seen = new Set<string>();
  /** The column a header cell names (a scene-vertical or foot-motion number, or a keypoint coordinate). */
  const columnOf = (cell: string, colNo: number): Column => {
    const scene = sceneVerticalColumnOf(cell);
    if (scene) return { scene };
    const motion = footMotionColumnOf(cell);
    if (motion) return { motion };
    const m = /^(.+)_(x|y|score)$/.exec(cell);
    if (!m || !m[1] || !m[2]) {
      const hint = cell === 'time_s' ? ' (time_s must be the first column)' : ' (expected <name>_x, <name>_y or <name>_score)';
      throw new AnalysisError('CSV_BAD_HEADER', `Keypoint CSV line 1, column ${colNo}: unexpected header "${cell}"${hint}.`);
    }
    return { name: m[1], axis: m[2] as Axis };
  };
  cells.slice(hasTime ? 1 : 0).forEach((cell, i) => {
    const colNo = i + (hasTime ? 2 : 1);
    const column = columnOf(cell, colNo);
    if (seen.has(cell)) throw new AnalysisError('CSV_BAD_HEADER', `Keypoint CSV line 1, column ${colNo}: "${cell}" appears twice.`);
    seen.add(cell);
    columns.push(column);
  });
  const pointNames = new Set(columns.flatMap((c) => (c.motion || c.scene ? [] : [c.name])));
  if (pointNames.size === 0) throw new AnalysisError('CSV_BAD_HEADER', 'Keypoint CSV line 1: no keypoint columns (expected <name>_x,<name>_y,<name>_score).');
  for (const name of pointNames) {
    for (const axis of ['x', 'y'] as const) {
      if (!seen.has(`${name}_${axis}`)) throw new AnalysisError('CSV_BAD_HEADER', `Keypoint CSV line 1: "${name}" has no ${name}_${axis} column.`);
    }
  }
  return { hasTime, columns };
}

function parseNumber(cell: string, lineNo: number, column: string): number {
  const t = cell.trim();
  if (MISSING.has(t.toLowerCase())) return Number.NaN;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new AnalysisError('CSV_BAD_NUMBER', `Keypoint CSV line ${lineNo}, column ${column}: "${t}" is not a number.`);
  return v;
}

export function parseKeypointCsv(text: string, opts: ParseKeypointCsvOptions): PoseTrack {
  const parser = createKeypointCsvParser(opts);
  for (const line of text.split(/\r?\n/)) parser.line(line);
  return parser.finish();
}

export interface KeypointCsvParser {
  /** The next line of the file, without its line break. */
  line(text: string): void;
  /** The track, once every line was given. */
  finish(): PoseTrack;
}

/**
 * The same parser fed one line at a time, so a file larger than the longest string JavaScript can hold (~512 MB;
 * a 2-hour 60 fps track with all 33 points is ~350 MB) is read as a stream, never as one text.
 */
export function createKeypointCsvParser(opts: ParseKeypointCsvOptions): KeypointCsvParser {
  let lineNo = 0;
  let header: { hasTime: boolean; columns: Column[]; nCells: number; motion: ReturnType<typeof footMotionCollector>; scene: ReturnType<typeof sceneVerticalCollector> } | null = null;
  const keypoints: Record<string, KeypointSeries> = {};
  const timesSec: number[] = [];

  const row = (line: string): void => {
    const { hasTime, columns, nCells, motion, scene } = header as NonNullable<typeof header>;
    const cells = line.split(',');
    if (cells.length !== nCells) {
      throw new AnalysisError('CSV_BAD_ROW', `Keypoint CSV line ${lineNo}: expected ${nCells} fields, found ${cells.length}.`);
    }
    let t: number;
    if (hasTime) {
      t = parseNumber(cells[0] ?? '', lineNo, 'time_s');
      if (!Number.isFinite(t)) throw new AnalysisError('CSV_BAD_NUMBER', `Keypoint CSV line ${lineNo}: time_s is missing.`);
      const prev = timesSec[timesSec.length - 1];
      if (prev !== undefined && !(t > prev)) {
        throw new AnalysisError('CSV_TIME_NOT_INCREASING', `Keypoint CSV line ${lineNo}: time_s ${t} is not after the previous row's ${prev} (times must increase).`);
      }
    } else {
      t = timesSec.length / (opts.fps as number);
    }
    timesSec.push(t);
    const r = timesSec.length - 1;
    columns.forEach((c, j) => {
      const cell = cells[j + (hasTime ? 1 : 0)] ?? '';
      if (c.motion) {
        motion.set(c.motion, r, parseNumber(cell, lineNo, `${c.motion.series}_motion`));
        return;
      }
      if (c.scene) {
        scene.set(c.scene, parseNumber(cell, lineNo, 'scene_vertical'));
        return;
      }
      const kp = keypoints[c.name] as KeypointSeries;
      kp[c.axis][r] = parseNumber(cell, lineNo, `${c.name}_${c.axis}`);
    });
  };

  return {
    line(text: string): void {
      lineNo++;
      const line = lineNo === 1 ? text.replace(/^\uFEFF/, '') : text;
      if (line.trim() === '' || line.startsWith('#')) return;
      if (header !== null) {
        row(line);
        return;
      }
      const { hasTime, columns } = parseHeader(line);
      if (!hasTime && !(opts.fps !== undefined && Number.isFinite(opts.fps) && opts.fps > 0)) {
        throw new AnalysisError('CSV_NO_TIME', `Keypoint CSV "${opts.name}" has no time_s column: give the frame rate (--fps N).`);
      }
      const motion = footMotionCollector(columns.flatMap((c) => (c.motion ? [c.motion] : [])));
      const scene = sceneVerticalCollector(columns.flatMap((c) => (c.scene ? [c.scene] : [])));
      header = { hasTime, columns, nCells: columns.length + (hasTime ? 1 : 0), motion, scene };
      for (const c of columns) if (!c.motion && !c.scene) keypoints[c.name] ??= { x: [], y: [], score: [] };
    },
    finish(): PoseTrack {
      if (header === null) throw new AnalysisError('CSV_EMPTY', `Keypoint CSV "${opts.name}" is empty.`);
      if (timesSec.length === 0) throw new AnalysisError('CSV_EMPTY', `Keypoint CSV "${opts.name}" has a header but no rows.`);
      for (const kp of Object.values(keypoints)) {
        // A CSV without score columns: a point is as good as its coordinates.
        for (let r = 0; r < timesSec.length; r++) {
          if (kp.score[r] === undefined) kp.score[r] = Number.isFinite(kp.x[r]) && Number.isFinite(kp.y[r]) ? 1 : 0;
        }
      }
      const footMotion = header.motion.finish(timesSec.length);
      const sceneVertical = header.scene.finish();
      return {
        timesSec,
        width: opts.width ?? boundOf(keypoints, 'x'),
        height: opts.height ?? boundOf(keypoints, 'y'),
        keypoints,
        source: { kind: 'csv', name: opts.name },
        ...(footMotion ? { footMotion } : {}),
        ...(sceneVertical ? { sceneVertical } : {}),
      };
    },
  };
}

/** Size estimate for a CSV that does not say how large its video was: the largest coordinate, rounded up. */
function boundOf(keypoints: Record<string, KeypointSeries>, axis: 'x' | 'y'): number {
  let max = 0;
  for (const kp of Object.values(keypoints)) for (const v of kp[axis]) if (Number.isFinite(v) && v > max) max = v;
  return Math.max(1, Math.ceil(max));
}

/** Writes a track in the same format (times to the microsecond, pixels to 1/1000, scores to 1/10000), with the
 *  foot regions' image motion after the keypoints when the track has it (footMotionCsv.ts). */
export function formatKeypointCsv(track: PoseTrack): string {
  return [...keypointCsvLines(track)].join('');
}

/** The CSV line by line (each with its line break), for writing a track too long for one string. */
export function* keypointCsvLines(track: PoseTrack): Generator<string> {
  const names = Object.keys(track.keypoints);
  yield ['time_s', ...names.flatMap((n) => [`${n}_x`, `${n}_y`, `${n}_score`]), ...footMotionHeader(track), ...sceneVerticalHeader(track)].join(',') + '\n';
  const scene = sceneVerticalCells(track);
  for (let i = 0; i < track.timesSec.length; i++) {
    const cells = [fmt(track.timesSec[i], 6)];
    for (const n of names) {
      const kp = track.keypoints[n] as KeypointSeries;
      cells.push(fmt(kp.x[i], 3), fmt(kp.y[i], 3), fmt(kp.score[i], 4));
    }
    cells.push(...footMotionCells(track, i), ...scene);
    yield cells.join(',') + '\n';
  }
}
