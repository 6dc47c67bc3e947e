// Issue 16, side view: hip extension at toe-off, knee drive, foot-strike angle (and class), knee flexion at
// mid-stance from the whole analysis (findGaitEvents → assembleResult: detected events, filtered track) against the
// same angles computed here, independently, from the exact joint centres at the force-plate events.
// - RBDS keypoints (five trials, virtual level camera at the runner's right): both legs are drawn, so both sides are
//   checked in one clip; bound 2° per side. Their CSVs have no shoulders, elbows or wrists: trunk lean and arm swing
//   cannot be measured (nor checked) on them.
// - Rendered clips (RBDS008_T35 filmed from its right and its left, BlazePose heavy tracks cached in
//   fixtures/posetracks): each leg from the clip where it is the near one; bound 4° per side. The truth CSVs have no
//   trunk or arm points either; the renderer modelled a 9° forward trunk lean (fixtures/synthetic/README.md), which
//   is printed beside the measured lean for what it is worth.
// Run alone: npx tsx scripts/validate/sideAngles.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleResult } from '../../src/analysis/assembleResult';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { footStrikeClass } from '../../src/analysis/footStrikePattern';
import { IMPACT_MIN_FPS } from '../../src/analysis/gait/impactTiming';
import type { AnalysisResult, MetricId, PoseTrack, Side } from '../../src/analysis/types';
import { FIXTURES, loadCsvTrack, loadRbdsTrack, loadSyntheticJointTruth, OWN_RENDERED_RUN, rbdsRates, rbdsTrials, topRbdsRate, renderedClips, storedPoseTrack, type RenderedClip } from './truthLoaders';

export type AngleId = 'hipExtensionAtToeOffDeg' | 'kneeDriveDeg' | 'footStrikeAngleDeg' | 'kneeFlexionMidstanceDeg';
export const ANGLES: AngleId[] = ['hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg'];
const SHORT: Record<AngleId, string> = { hipExtensionAtToeOffDeg: 'hipExt', kneeDriveDeg: 'kneeDrive', footStrikeAngleDeg: 'FSA', kneeFlexionMidstanceDeg: 'kneeMid' };

interface Contact { side: Side; strikeSec: number; toeOffSec: number }

function contacts(trial: string, shiftSec: number): Contact[] {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { events: { side: Side; foot_strike_s: number; toe_off_s: number }[] };
  return json.events.map((e) => ({ side: e.side, strikeSec: e.foot_strike_s - shiftSec, toeOffSec: e.toe_off_s - shiftSec }));
}

function strikeClass(trial: string): Record<Side, string> {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { metadata: { foot_strike_pattern: Record<Side, string> } };
  return json.metadata.foot_strike_pattern;
}

/** Linear interpolation of one coordinate of a keypoint at t (the truth's own, not the app's seriesMath). */
function at(track: PoseTrack, name: string, coord: 'x' | 'y', t: number): number {
  const ts = track.timesSec; const v = track.keypoints[name]?.[coord];
  if (!v) return Number.NaN;
  let i = 0;
  while (i < ts.length - 2 && (ts[i + 1] as number) < t) i++;
  const t0 = ts[i] as number; const t1 = ts[i + 1] as number;
  const w = (t - t0) / (t1 - t0);
  return (v[i] as number) * (1 - w) + (v[i + 1] as number) * w;
}

const DEG = 180 / Math.PI;

/** Truth geometry, written apart from src/analysis so that a sign or definition slip there shows here. */
function truthAngles(track: PoseTrack, c: Contact, next: Contact | undefined, forward: 1 | -1): Record<AngleId, number> {
  const thigh = (t: number): number => {
    const dx = at(track, `${c.side}_knee`, 'x', t) - at(track, `${c.side}_hip`, 'x', t);
    const dy = at(track, `${c.side}_knee`, 'y', t) - at(track, `${c.side}_hip`, 'y', t);
    return Math.atan2(forward * dx, dy) * DEG; // knee ahead of hip: positive
  };
  const foot = (t: number): number => {
    const dx = forward * (at(track, `${c.side}_foot_index`, 'x', t) - at(track, `${c.side}_heel`, 'x', t));
    const up = at(track, `${c.side}_heel`, 'y', t) - at(track, `${c.side}_foot_index`, 'y', t);
    return Math.atan2(up, dx) * DEG;
  };
  const knee = (t: number): number => {
    const p = (n: string): [number, number] => [at(track, `${c.side}_${n}`, 'x', t), at(track, `${c.side}_${n}`, 'y', t)];
    const [h, k, a] = [p('hip'), p('knee'), p('ankle')];
    const u = [h[0] - k[0], h[1] - k[1]]; const v = [a[0] - k[0], a[1] - k[1]];
    const cos = (u[0]! * v[0]! + u[1]! * v[1]!) / (Math.hypot(u[0]!, u[1]!) * Math.hypot(v[0]!, v[1]!));
    return 180 - Math.acos(Math.max(-1, Math.min(1, cos))) * DEG;
  };
  const mid = (c.strikeSec + c.toeOffSec) / 2;
  let drive = Number.NaN;
  if (next) for (let t = c.toeOffSec; t <= next.strikeSec; t += 0.002) drive = Number.isFinite(drive) ? Math.max(drive, thigh(t)) : thigh(t);
  return { hipExtensionAtToeOffDeg: -thigh(c.toeOffSec), kneeDriveDeg: drive, footStrikeAngleDeg: foot(c.strikeSec) - foot(mid), kneeFlexionMidstanceDeg: knee(mid) };
}

function truthMeans(track: PoseTrack, all: Contact[], result: AnalysisResult, side: Side, forward: 1 | -1): Record<AngleId, number> {
  const strikes = result.events.filter((e) => e.type === 'footStrike');
  return truthMeansIn(track, all, side, forward, (strikes[0]?.timeSec ?? 0) - 0.05, (strikes[strikes.length - 1]?.timeSec ?? 0) + 0.05);
}

/**
 * The rendered run's true left − right of each angle over the whole clip (exact joint centres of the clip filmed from
 * the right, where both legs are drawn unoccluded; force-plate events), for the both-sides session check.
 */
export function renderedRunAngleTruthDiff(clip: RenderedClip): Record<AngleId, number> {
  const track = loadSyntheticJointTruth(clip);
  const all = contacts(clip.run, clip.t0Sec);
  const endSec = (track.timesSec.at(-1) ?? 0) + 1 / clip.fps - 0.1;
  const l = truthMeansIn(track, all, 'left', 1, 0.1, endSec);
  const r = truthMeansIn(track, all, 'right', 1, 0.1, endSec);
  return Object.fromEntries(ANGLES.map((id) => [id, l[id] - r[id]])) as Record<AngleId, number>;
}

function truthMeansIn(track: PoseTrack, all: Contact[], side: Side, forward: 1 | -1, lo: number, hi: number): Record<AngleId, number> {
  const t0 = track.timesSec[0] ?? 0; const t1 = track.timesSec[track.timesSec.length - 1] ?? 0;
  const own = all.filter((c) => c.side === side);
  const rows = own.flatMap((c, i) => (c.strikeSec >= lo && c.strikeSec <= hi && c.strikeSec > t0 && c.toeOffSec < t1 ? [truthAngles(track, c, own[i + 1], forward)] : []));
  const m = (id: AngleId): number => { const v = rows.map((r) => r[id]).filter(Number.isFinite); return v.reduce((a, b) => a + b, 0) / v.length; };
  return { hipExtensionAtToeOffDeg: m('hipExtensionAtToeOffDeg'), kneeDriveDeg: m('kneeDriveDeg'), footStrikeAngleDeg: m('footStrikeAngleDeg'), kneeFlexionMidstanceDeg: m('kneeFlexionMidstanceDeg') };
}

function analyse(track: PoseTrack, fps: number): AnalysisResult {
  const meta = { path: 'validate', fps, durationSec: (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0), width: track.width, height: track.height };
  return assembleResult(track, findGaitEvents(track, { view: 'side' }), { view: 'side' }, meta);
}

const f = (v: number | null | undefined, w = 6, d = 1): string => (v !== null && v !== undefined && Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);

// Why the classes disagree with the dataset's (truth.json metadata), measured on the joint centres themselves
// (npx tsx scripts/validate/sideAngles.ts; the foot lines at 120 fps around the force-plate strikes).
const CLASS_NOTE = [
  'Strike class: the class of the foot-strike angle agrees with the class of the same angle from the exact joint centres on 9 of the 10 feet; on',
  'RBDS002_T45\'s right foot (7° at the force plate\'s strikes, midfoot just below 8°) the pipeline\'s strikes come 7–10 ms before the 50 N crossing, when',
  'the foot is still turning, and read 10–11° (rearfoot): the FSA error rows above. The class differs from the dataset\'s own class for RBDS001 (forefoot: angle +0.7 to +6°, midfoot by Altman & Davis) and RBDS002 (midfoot at',
  '2.5 m/s: +17°; forefoot at 4.5 m/s: +7 to +9°). The definitions differ: (1) the keypoints\' foot_index is the ball of the foot (MT heads), not the',
  'toe tip, and the heel point is the heel-bottom marker: their line is not the sole, and a forefoot runner whose heel stays off the belt at',
  'mid-stance has no foot-flat moment to subtract (Altman & Davis used a standing trial, which a treadmill clip lacks); (2) the force plate\'s 50 N',
  'crossing comes after the first touch (the angle 20 ms earlier is 1–8° larger on 9 of the 10 feet); (3) the fixture does not say how the dataset',
  'made its class. The joint-centre angle is what is checked; the class is printed beside the dataset\'s, not scored against it.',
];

export interface SideAngleCheck { label: string; side: Side; worstErrDeg: number; boundDeg: number; errDeg: Record<AngleId, number> }

function row(label: string, side: Side, result: AnalysisResult, truth: Record<AngleId, number>, bound: number | null, extra: string, checks: SideAngleCheck[]): string {
  const cells: string[] = [];
  const errDeg = {} as Record<AngleId, number>;
  let worst = 0;
  for (const id of ANGLES) {
    const got = result.metrics[id as MetricId]?.[side] ?? Number.NaN;
    const err = got - truth[id];
    errDeg[id] = err;
    // The foot-strike angle below IMPACT_MIN_FPS is not measured by design (assessQuality: the touchdown is timed only
    // coarsely there, the reason in the quality warnings): the clip says it cannot tell, shown as 'n/m', not an error.
    // Any other measure missing is a miss.
    const withheld = !Number.isFinite(got) && id === 'footStrikeAngleDeg' && result.video.fps < IMPACT_MIN_FPS
      && result.quality.warnings.some((w) => /foot-strike angle .* is not measured/.test(w));
    if (Number.isFinite(err)) worst = Math.max(worst, Math.abs(err)); else if (!withheld) worst = Number.POSITIVE_INFINITY;
    cells.push(withheld ? `${'n/m'.padStart(6)} ${f(truth[id])} ${'-'.padStart(5)}` : `${f(got)} ${f(truth[id])} ${f(err, 5)}`);
  }
  if (bound !== null) checks.push({ label, side, worstErrDeg: worst, boundDeg: bound, errDeg });
  const steps = ANGLES.map((id) => result.metrics[id as MetricId]?.perStep[side].length ?? 0).join('/');
  return `${label.padEnd(26)} ${side.padEnd(5)} ${cells.join(' |')} | ${(bound === null ? 'far' : worst <= bound ? 'ok' : 'OVER').padEnd(4)} ${steps.padEnd(11)} ${extra}`;
}

export const SIDE_ANGLE_HEADER = `${'case'.padEnd(26)} side  ${ANGLES.map((id) => `${SHORT[id].padStart(6)}  truth   err`).join(' |')} | <=bound  steps      strike class (measured vs dataset) / trunk lean`;

export function sideAngleReport(log: (line: string) => void, filter?: string): SideAngleCheck[] {
  const checks: SideAngleCheck[] = [];
  log(SIDE_ANGLE_HEADER);
  for (const trial of rbdsTrials()) {
    const truthTrack = loadRbdsTrack(trial, 'side', topRbdsRate(trial, 'side'));
    const all = contacts(trial, 0);
    const dataset = strikeClass(trial);
    for (const fps of rbdsRates(trial, 'side')) {
      const label = `rbds ${trial} ${fps}fps`;
      // the filter matches as validate.ts's cases do: "source trial view fps"
      if (filter && !`rbds ${trial} side ${fps}`.includes(filter)) continue;
      const result = analyse(loadRbdsTrack(trial, 'side', fps), fps);
      for (const side of ['left', 'right'] as const) {
        const truth = truthMeans(truthTrack, all, result, side, 1);
        const cls = `${result.footStrikePattern?.[side] ?? '-'} (joint centres ${footStrikeClass(truth.footStrikeAngleDeg) ?? '-'}) vs dataset ${dataset[side].toLowerCase()}`;
        log(row(label, side, result, truth, 2, cls, checks));
      }
    }
  }
  // the note explains this project's five trials; other fixtures print their classes without it
  const own = ['RBDS001_T25', 'RBDS001_T35', 'RBDS002_T25', 'RBDS002_T45', 'RBDS008_T35'];
  if ((!filter || filter.startsWith('rbds')) && rbdsTrials().join() === own.join()) {
    for (const line of CLASS_NOTE) log(line);
  }
  // heavy is what 'auto' runs on a side view (choosePoseModel.ts); full is the user's other choice and is held to the
  // same bound. From the runner's right the near leg is the right one and the runner faces image-right.
  for (const model of ['heavy', 'full'] as const) {
    for (const clip of renderedClips().filter((c) => c.view !== 'rear')) {
      const near: Side = clip.view === 'left' ? 'left' : 'right';
      const forward = clip.view === 'left' ? -1 : 1;
      const path = storedPoseTrack(clip.name, model);
      const label = clip.run === OWN_RENDERED_RUN ? `clip ${clip.view} bp-${model}` : `${clip.name} bp-${model}`;
      if (!path || (filter && !`synthetic-bp-${model} ${clip.caseTrial} side ${clip.fps}`.includes(filter))) continue;
      const result = analyse(loadCsvTrack(path), clip.fps);
      const joints = loadSyntheticJointTruth(clip);
      const all = contacts(clip.run, clip.t0Sec);
      const truth = truthMeans(joints, all, result, near, forward);
      const trunk = result.metrics.trunkLeanDeg;
      const arm = result.metrics.armSwingDeg;
      const extra = `${result.footStrikePattern?.[near] ?? '-'} vs ${strikeClass(clip.run)[near].toLowerCase()}; trunk ${f(trunk?.[near], 4)} (clip ${f(trunk?.wholeClip, 4)}) vs modelled 9.0; arm swing L ${f(arm?.left, 4)} R ${f(arm?.right, 4)}`;
      log(row(label, near, result, truth, 4, extra, checks));
      // the far leg where the pose model said it saw it: for information (each leg's bound holds in its own near clip)
      const far: Side = near === 'left' ? 'right' : 'left';
      log(row(label, far, result, truthMeans(joints, all, result, far, forward), null, 'far leg: not a near-leg measurement, no bound', checks));
    }
  }
  const over = checks.filter((c) => !(c.worstErrDeg <= c.boundDeg));
  log(`within bound: ${checks.length - over.length}/${checks.length} side rows${over.length ? `; over: ${over.map((c) => `${c.label} ${c.side} (${f(c.worstErrDeg, 0)}°)`).join(', ')}` : ''}`);
  return checks;
}

if (process.argv[1]?.endsWith('sideAngles.ts')) sideAngleReport((l) => console.log(l), process.argv[2]);
