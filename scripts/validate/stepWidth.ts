// Rear-view foot placement and sway against truth (issue 16): `npx tsx scripts/validate/stepWidth.ts [filter]`.
// Truth is the same definition read on the EXACT joint centres (the RBDS rear keypoint CSV at 120 fps, or the
// rendered clip's truth CSV) at the force-plate mid-stances (midpoint of each plate contact): step width = right
// ankle − left ankle sideways at consecutive mid-stances; crossover = a stance ankle at or beyond the pelvis centre;
// sway = the pelvis centre's excursion towards the stance side per stride. The analysis runs on each rear case of
// rearCases.ts (clean, damaged and pose-like copies; the rendered clip's joints and BlazePose tracks) with its own
// events. Scale: the RBDS rear camera sees 500 px per metre at the runner (fixtures/rbds/README.md, truth.json
// keypoints.cameras.rear), a rendered rear clip its focal length over the same 4 m (fixtures/synthetic/*_rear_meta.json
// f_px: 1333 px, so 333 px per metre).
import { validateTrack } from '../../src/analysis/analyseTrack';
import { assembleResult } from '../../src/analysis/assembleResult';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { lateralSwayPx } from '../../src/analysis/lateralSway';
import { pelvisSeries } from '../../src/analysis/gait/bodyGeometry';
import { footPlacements, hipWidthPx } from '../../src/analysis/stepWidth';
import type { AnalysisResult, PoseTrack, Side, StepRow } from '../../src/analysis/types';
import { rearCases, type RearCase, type TruthContact } from './rearCases';
import { loadRbdsTrack, loadSyntheticJointTruth, renderedClipFor, topRbdsRate } from './truthLoaders';

const mean = (v: readonly number[]): number => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN);

export interface TruthPlacement { side: Side; strikeSec: number; toeOffSec: number; widthCm: number | null; widthPctHip: number | null; crossover: boolean | null; swayCm: number | null }

/** Step width, crossover and sway of every plate contact, read on the exact joint centres (`pxPerCm` of that camera). */
export function truthPlacements(exact: PoseTrack, contacts: readonly TruthContact[], pxPerCm: number): TruthPlacement[] {
  const sorted = [...contacts].sort((a, b) => a.strikeSec - b.strikeSec);
  const stances = sorted.map((c) => ({ side: c.side, midSec: (c.strikeSec + c.toeOffSec) / 2 }));
  const place = footPlacements(exact, stances, 1);
  const hipW = hipWidthPx(exact);
  const sway = lateralSwayPx(exact.timesSec, pelvisSeries(exact).x, sorted.map((c, i) => {
    const nextSame = sorted.slice(i + 1).find((k) => k.side === c.side);
    const next = sorted[i + 1];
    return {
      side: c.side, strikeTimeSec: c.strikeSec,
      nextOtherStrikeSec: next && next.side !== c.side ? next.strikeSec : null,
      strideMs: nextSame && next && next.side !== c.side ? 1000 * (nextSame.strikeSec - c.strikeSec) : null,
    };
  }));
  return sorted.map((c, i) => {
    const p = place[i];
    const sw = sway[i];
    return {
      side: c.side, strikeSec: c.strikeSec, toeOffSec: c.toeOffSec,
      widthCm: p ? p.widthPx / pxPerCm : null, widthPctHip: p ? (100 * p.widthPx) / hipW : null,
      crossover: p ? p.outwardOfMidlinePx <= 0 : null, swayCm: sw !== null && sw !== undefined ? sw / pxPerCm : null,
    };
  });
}

export interface WidthRow {
  c: RearCase; view: string; matched: Record<Side, number>;
  widthErrCm: Record<Side, number>; truthWidthCm: Record<Side, number>; stepMaeCm: number; stepMaxCm: number;
  pctHipErr: Record<Side, number>; swayErrCm: Record<Side, number>; truthSwayCm: Record<Side, number>;
  crossover: Record<Side, string>; diffCi: [number, number] | null; ciHoldsTruth: boolean;
}

function analyse(track: PoseTrack, c: RearCase, pxPerCm?: number): AnalysisResult {
  validateTrack(track);
  const t0 = track.timesSec[0] as number; const t1 = track.timesSec[track.timesSec.length - 1] as number;
  const gait = findGaitEvents(track, { view: 'auto' });
  return assembleResult(track, gait, { view: 'auto', ...(pxPerCm ? { pxPerCm } : {}) },
    { path: c.trial, fps: c.fps, durationSec: t1 - t0, width: track.width, height: track.height });
}

/** The truth contact holding this step's contact midpoint (±50 ms). */
function matchContact(s: StepRow, truth: readonly TruthPlacement[]): TruthPlacement | undefined {
  if (s.toeOffTimeSec === null) return undefined;
  const mid = (s.strikeTimeSec + s.toeOffTimeSec) / 2;
  return truth.find((k) => k.side === s.side && mid >= k.strikeSec - 0.05 && mid <= k.toeOffSec + 0.05);
}

export function runWidthCase(c: RearCase): WidthRow {
  const rendered = c.source === 'rbds' ? undefined : renderedClipFor(c.trial, 'rear');
  const pxPerCm = rendered ? rendered.pxPerCm : 5;
  const exact = rendered ? loadSyntheticJointTruth(rendered) : loadRbdsTrack(c.trial, 'rear', topRbdsRate(c.trial, 'rear'));
  const truth = truthPlacements(exact, c.contacts(), pxPerCm);
  const track = c.track();
  const r = analyse(track, c, pxPerCm);
  const rPct = analyse(track, c);
  const matched = { left: 0, right: 0 };
  const errs: number[] = [];
  const used: Record<Side, TruthPlacement[]> = { left: [], right: [] };
  for (const s of r.steps ?? []) {
    const k = matchContact(s, truth);
    if (!k) continue;
    used[s.side].push(k);
    if (s.stepWidthCm !== null && s.stepWidthCm !== undefined && k.widthCm !== null) { errs.push(Math.abs(s.stepWidthCm - k.widthCm)); matched[s.side]++; }
  }
  const truthMean = (side: Side, get: (k: TruthPlacement) => number | null): number => mean(used[side].map(get).filter((v): v is number => v !== null));
  const per = <T>(f: (side: Side) => T): Record<Side, T> => ({ left: f('left'), right: f('right') });
  const truthWidthCm = per((side) => truthMean(side, (k) => k.widthCm));
  const truthSwayCm = per((side) => truthMean(side, (k) => k.swayCm));
  const ci = r.metrics.stepWidthCm?.differenceCi95 ?? null;
  const truthDiff = truthWidthCm.left - truthWidthCm.right;
  const crossSide = (side: Side): string => {
    const got = r.crossover?.[side];
    const t = used[side].filter((k) => k.crossover !== null);
    return `${got ? `${got.count}/${got.of}` : '-'} (${t.filter((k) => k.crossover).length}/${t.length})`;
  };
  return {
    c, view: r.view, matched,
    widthErrCm: per((side) => (r.metrics.stepWidthCm?.[side] ?? Number.NaN) - truthWidthCm[side]), truthWidthCm,
    stepMaeCm: mean(errs), stepMaxCm: errs.length ? Math.max(...errs) : Number.NaN,
    pctHipErr: per((side) => (rPct.metrics.stepWidthPctHip?.[side] ?? Number.NaN) - truthMean(side, (k) => k.widthPctHip)),
    swayErrCm: per((side) => (r.metrics.lateralSwayPx?.[side] ?? Number.NaN) / pxPerCm - truthSwayCm[side]), truthSwayCm,
    crossover: per(crossSide),
    diffCi: ci, ciHoldsTruth: ci !== null && truthDiff >= ci[0] && truthDiff <= ci[1],
  };
}

const f = (v: number, w = 6, d = 2): string => (Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);

export const WIDTH_HEADER = 'source    variant        trial        fps view  steps L/R  truthW L/R cm  widthErr L   R   stepMAE   max  %hipErr L    R  swayErr L   R (truth L/R cm)   crossover L, R found (true)   L−R 95% interval (truth in?)';

export function formatWidthRow(w: WidthRow): string {
  const c = w.c;
  return [
    c.source.padEnd(9), c.variant.padEnd(14), c.trial.padEnd(12), String(c.fps).padStart(3), w.view.padEnd(5),
    `${w.matched.left}/${w.matched.right}`.padStart(9), `${f(w.truthWidthCm.left, 5, 1)}/${f(w.truthWidthCm.right, 4, 1)}`.padStart(14),
    f(w.widthErrCm.left, 9), f(w.widthErrCm.right, 5), f(w.stepMaeCm, 8), f(w.stepMaxCm, 5), f(w.pctHipErr.left, 8, 1), f(w.pctHipErr.right, 5, 1),
    f(w.swayErrCm.left, 8), f(w.swayErrCm.right, 5), `(${f(w.truthSwayCm.left, 3, 1)}/${f(w.truthSwayCm.right, 3, 1)})`.padStart(11),
    `${w.crossover.left}, ${w.crossover.right}`.padStart(26),
    w.diffCi ? `${f(w.diffCi[0], 7)} … ${f(w.diffCi[1], 5)} (${w.ciHoldsTruth ? 'yes' : 'NO'})` : '  -',
  ].join(' ');
}

export function printStepWidthTable(filter?: string): { worstCleanErrCm: number; rows: number } {
  console.log('Rear view, foot placement: step width per side (cm, scale known) against the exact ankle centres at the force-plate mid-stances;');
  console.log('per-step mean/max |error| (cm); the same as % of hip width; lateral sway per side (cm); crossover stances found (true); the L−R interval.');
  console.log(WIDTH_HEADER);
  let worst = 0; let n = 0;
  for (const c of rearCases()) {
    if (filter && !`${c.source} ${c.variant} ${c.trial} ${c.fps}`.includes(filter)) continue;
    try {
      const w = runWidthCase(c);
      console.log(formatWidthRow(w));
      if (c.variant === 'clean' || c.variant === 'joints') worst = Math.max(worst, Math.abs(w.widthErrCm.left), Math.abs(w.widthErrCm.right));
      n++;
    } catch (err) {
      console.log(`${c.source} ${c.variant} ${c.trial} ${c.fps}: FAILED ${(err as Error).message}`);
    }
  }
  console.log(`largest step-width error of a side's mean on exact joints: ${worst.toFixed(2)} cm (issue 16 asks ≤ 1 cm)`);
  return { worstCleanErrCm: worst, rows: n };
}

if (process.argv[1]?.endsWith('stepWidth.ts')) printStepWidthTable(process.argv[2]);
