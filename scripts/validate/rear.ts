// Rear-view report of issue 11 part 5: `npx tsx scripts/validate/rear.ts [filter]` prints per case the contacts
// found / true per side (truth contacts wholly inside the analysed clip), contacts on the wrong foot, strike and
// toe-off bias, per-step hip-drop error against that contact's own truth (mean |error|: a value read at another
// stance's mid-stance shows here), and the per-side and left−right hip-drop error of the means
// (truth.json hip_line_drop_midstance_rear2d_deg). `--loto` scores the rule settings leave-one-trial-out.
import { validateTrack } from '../../src/analysis/analyseTrack';
import { assembleResult } from '../../src/analysis/assembleResult';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import type { RearEventOptions } from '../../src/analysis/gait/rearViewEvents';
import type { Side, StepRow } from '../../src/analysis/types';
import { rearCases, type RearCase, type TruthContact } from './rearCases';

export interface RearRow {
  source: string; variant: string; trial: string; fps: number; view: string;
  found: Record<Side, number>; truth: Record<Side, number>; wrongFoot: number; extra: number;
  strikeBiasMs: number; toeOffBiasMs: number; stepDropMaeDeg: number; stepDropMaxDeg: number;
  dropErrDeg: Record<Side, number>; diffErrDeg: number; truthDropDeg: Record<Side, number>;
  /** The 95% interval of the left − right hip drop and whether it holds the truth's difference. */
  diffCi95Deg: [number, number] | null; ciHoldsTruth: boolean;
}

const mean = (v: readonly number[]): number => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN);

export function runRearCase(c: RearCase, rearOpts?: Partial<RearEventOptions>): RearRow {
  const track = c.track();
  const t0 = track.timesSec[0] as number;
  const t1 = track.timesSec[track.timesSec.length - 1] as number;
  // analyseTrack's pipeline, with the rear rule's settings from EVENTS_REAR_OPTS (to measure a rule against another).
  validateTrack(track);
  const rear = rearOpts ?? (process.env.EVENTS_REAR_OPTS ? (JSON.parse(process.env.EVENTS_REAR_OPTS) as Partial<RearEventOptions>) : undefined);
  const gait = findGaitEvents(track, { view: 'auto', rear });
  const r = assembleResult(track, gait, { view: 'auto' }, { path: c.trial, fps: c.fps, durationSec: t1 - t0, width: track.width, height: track.height });
  // findGaitEvents drops events within max(50 ms, 2 frames) of the clip's ends; a contact must lie inside that.
  const edge = Math.max(0.05, 2 / c.fps);
  const inClip = c.contacts().filter((k) => k.strikeSec >= t0 + edge && k.toeOffSec <= t1 - edge);
  const steps = (r.steps ?? []).filter((s): s is StepRow & { toeOffTimeSec: number } => s.toeOffTimeSec !== null);
  const used = new Set<TruthContact>();
  const found = { left: 0, right: 0 };
  let wrongFoot = 0; let extra = 0;
  const fsErr: number[] = []; const toErr: number[] = []; const dropErr: number[] = [];
  for (const s of steps) {
    // The truth contact containing this contact's midpoint (±50 ms).
    const mid = (s.strikeTimeSec + s.toeOffTimeSec) / 2;
    const k = inClip.find((q) => !used.has(q) && mid >= q.strikeSec - 0.05 && mid <= q.toeOffSec + 0.05);
    if (!k) { extra++; continue; }
    used.add(k);
    if (k.side !== s.side) { wrongFoot++; continue; }
    found[k.side]++;
    fsErr.push(s.strikeTimeSec - k.strikeSec); toErr.push(s.toeOffTimeSec - k.toeOffSec);
    if (s.hipDropDeg !== null && k.hipDropDeg !== null) dropErr.push(Math.abs(s.hipDropDeg - k.hipDropDeg));
  }
  const truthDrop = (side: Side): number => mean(inClip.filter((k) => k.side === side && k.hipDropDeg !== null).map((k) => k.hipDropDeg as number));
  const est = (side: Side): number => r.metrics.hipDropDeg?.[side] ?? Number.NaN;
  const truthDropDeg = { left: truthDrop('left'), right: truthDrop('right') };
  const ci = r.metrics.hipDropDeg?.differenceCi95 ?? null;
  const truthDiff = truthDropDeg.left - truthDropDeg.right;
  return {
    source: c.source, variant: c.variant, trial: c.trial, fps: c.fps, view: r.view,
    found, truth: { left: inClip.filter((k) => k.side === 'left').length, right: inClip.filter((k) => k.side === 'right').length },
    wrongFoot, extra, strikeBiasMs: 1000 * mean(fsErr), toeOffBiasMs: 1000 * mean(toErr), stepDropMaeDeg: mean(dropErr), stepDropMaxDeg: dropErr.length ? Math.max(...dropErr) : Number.NaN,
    dropErrDeg: { left: est('left') - truthDropDeg.left, right: est('right') - truthDropDeg.right },
    diffErrDeg: est('left') - est('right') - truthDiff, truthDropDeg,
    diffCi95Deg: ci, ciHoldsTruth: ci !== null && truthDiff >= ci[0] && truthDiff <= ci[1],
  };
}

const f = (v: number, w = 6, d = 1): string => (Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);

export const REAR_HEADER = 'source    variant        trial        fps view  foundL  foundR wrng xtra  FSbias  TObias stepDropMAE   max dropErrL dropErrR diffErr  L−R 95% interval (truth in?)';

export function formatRearRow(r: RearRow): string {
  return [
    r.source.padEnd(9), r.variant.padEnd(14), r.trial.padEnd(12), String(r.fps).padStart(3), r.view.padEnd(5),
    `${r.found.left}/${r.truth.left}`.padStart(6), `${r.found.right}/${r.truth.right}`.padStart(7),
    String(r.wrongFoot).padStart(4), String(r.extra).padStart(4), f(r.strikeBiasMs, 7), f(r.toeOffBiasMs, 7),
    f(r.stepDropMaeDeg, 11, 2), f(r.stepDropMaxDeg, 5, 2), f(r.dropErrDeg.left, 8, 2), f(r.dropErrDeg.right, 8, 2), f(r.diffErrDeg, 7, 2),
    r.diffCi95Deg ? `${f(r.diffCi95Deg[0], 6, 2)} … ${f(r.diffCi95Deg[1], 5, 2)} (${r.ciHoldsTruth ? 'yes' : 'NO'}; truth ${f(r.truthDropDeg.left - r.truthDropDeg.right, 5, 2)})` : '  -',
  ].join(' ');
}

/** Lowest share of contacts found on one side over rows. */
export const lowestShare = (rows: readonly RearRow[]): number =>
  Math.min(...rows.map((r) => Math.min(r.found.left / r.truth.left, r.found.right / r.truth.right)));

/**
 * Leave-one-trial-out: for each RBDS trial, the rule settings (touchdown half-width × refit deviation) that did best
 * on the other trials (highest lowest share of contacts, then lowest per-step hip-drop error) are scored on it.
 */
function leaveOneTrialOut(): void {
  const grid: Partial<RearEventOptions>[] = [];
  for (const templateHalfWidthSec of [0.08, 0.12, 0.18]) for (const refitDeviation of [0.25, 0.4]) grid.push({ templateHalfWidthSec, refitDeviation });
  const cases = rearCases().filter((c) => c.source === 'rbds');
  const rows = grid.map((g) => cases.map((c) => runRearCase(c, g)));
  const score = (rs: readonly RearRow[]): [number, number] => [lowestShare(rs), mean(rs.map((r) => r.stepDropMaeDeg))];
  console.log('Leave-one-trial-out (RBDS rear, clean + damage + pose-like + pose-like with smaller foot motion, 30/60/120 fps): settings chosen on the other trials.');
  for (const trial of [...new Set(cases.map((c) => c.trial))]) {
    let best = 0;
    grid.forEach((_, k) => {
      const [a, b] = score((rows[k] as RearRow[]).filter((r) => r.trial !== trial));
      const [ba, bb] = score((rows[best] as RearRow[]).filter((r) => r.trial !== trial));
      if (a > ba || (a === ba && b < bb)) best = k;
    });
    const [share, mae] = score((rows[best] as RearRow[]).filter((r) => r.trial === trial));
    console.log(`${trial}: chose ${JSON.stringify(grid[best])}; held out: lowest share per side ${(100 * share).toFixed(0)}%, per-step hip-drop mean |error| ${mae.toFixed(2)}°`);
  }
}

const isMain = process.argv[1]?.endsWith('rear.ts') || process.argv[1]?.endsWith('validate-rear.js');
if (isMain && process.argv.includes('--loto')) {
  leaveOneTrialOut();
} else if (isMain) {
  const filter = process.argv[2];
  console.log('Rear view: contacts found/true per side, wrong-foot and extra contacts, strike/toe-off bias (ms), per-step hip-drop mean and max |error| (°),');
  console.log('hip-drop error of each side\'s mean and of left−right (°) against truth.json hip_line_drop_midstance_rear2d_deg.');
  console.log(REAR_HEADER);
  let worst = 1;
  for (const c of rearCases()) {
    if (filter && !`${c.source} ${c.variant} ${c.trial} ${c.fps}`.includes(filter)) continue;
    try {
      const row = runRearCase(c);
      worst = Math.min(worst, row.found.left / row.truth.left, row.found.right / row.truth.right);
      console.log(formatRearRow(row));
    } catch (err) {
      console.log(`${c.source} ${c.variant} ${c.trial} ${c.fps}: FAILED ${(err as Error).message}`);
    }
  }
  console.log(`lowest share of contacts found on one side: ${(100 * worst).toFixed(0)}%`);
}
