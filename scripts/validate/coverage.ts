// Interval coverage and false flags (issue "A verdict that never cries wolf"): for every case of events.ts (RBDS
// trials × view × frame rate, clean and damaged, the rendered clip's joints and BlazePose tracks, the demo clip's
// tracks against eye marks) the whole analysis runs, and each timing metric's left − right interval is held against
// the truth's own left − right difference over the same span (force-plate or eye-marked events through the same
// step-timing code). Counts: truth inside the 95% interval; watch/marked raised where the truth lies inside the
// normal band or points the other way (a false flag); 'normal' said where the truth lies beyond the band.
// `npx tsx scripts/validate/coverage.ts [filter]`
import { assembleResult } from '../../src/analysis/assembleResult';
import { compareSides } from '../../src/analysis/compareSides';
import { FLAG_BANDS } from '../../src/analysis/flagBands';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { buildStepTimings } from '../../src/analysis/stepTiming';
import type { AnalysisResult, GaitEvent, MetricId, PoseTrack, Side } from '../../src/analysis/types';
import { allCases, type Case } from './events';

export const TIMING_METRICS: MetricId[] = ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct'];

export interface CoverageRow {
  case: string; metricId: MetricId; truthDiff: number; truthSiPct: number; ci: [number, number] | null;
  level: string; covered: boolean; falseFlag: boolean; falseNormal: boolean;
}

/** Truth per-step values over the analysed span, through the same step-timing code as the analysis. */
function truthPerStep(truth: readonly { side: Side; type: GaitEvent['type']; timeSec: number }[], result: AnalysisResult): Partial<Record<MetricId, { left: number[]; right: number[] }>> {
  const lo = (result.events[0]?.timeSec ?? 0) - 0.05;
  const hi = (result.events[result.events.length - 1]?.timeSec ?? 0) + 0.05;
  const events: GaitEvent[] = truth.filter((e) => e.timeSec >= lo && e.timeSec <= hi).map((e) => ({ ...e, frame: 0 }));
  const out: Partial<Record<MetricId, { left: number[]; right: number[] }>> = {};
  const push = (id: MetricId, side: Side, v: number | null): void => {
    if (v === null || !Number.isFinite(v)) return;
    (out[id] ??= { left: [], right: [] })[side].push(v);
  };
  for (const s of buildStepTimings(events)) {
    push('contactTimeMs', s.side, s.contactMs);
    push('flightTimeMs', s.side, s.flightMs);
    push('stepTimeMs', s.side, s.stepMs);
    if (s.contactMs !== null && s.strideMs !== null) push('dutyFactorPct', s.side, (100 * s.contactMs) / s.strideMs);
  }
  return out;
}

function meta(track: PoseTrack, fps: number) {
  return { path: 'case', fps, durationSec: (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0), width: track.width, height: track.height };
}

export function coverageOf(c: Case): { result: AnalysisResult; rows: CoverageRow[] } {
  const track = c.track();
  const result = assembleResult(track, findGaitEvents(track, { view: 'auto' }), { view: 'auto' }, meta(track, c.fps));
  const truth = truthPerStep(c.truth(), result);
  const rows: CoverageRow[] = [];
  for (const id of TIMING_METRICS) {
    const m = result.metrics[id];
    const t = truth[id];
    if (!m || !t) continue;
    const ts = compareSides(t, m.unit);
    if (ts.left === null || ts.right === null) continue;
    const truthDiff = ts.left - ts.right;
    const truthSiPct = ts.symmetryIndexPct ?? Number.NaN;
    const flag = result.flags.find((f) => f.metricId === id);
    const level = flag?.level ?? 'not compared';
    const band = FLAG_BANDS[id]?.normal ?? 5;
    const ci = m.differenceCi95;
    const covered = ci !== null && ci[0] <= truthDiff && truthDiff <= ci[1];
    const measuredSign = Math.sign((m.left ?? 0) - (m.right ?? 0));
    const falseFlag = (level === 'watch' || level === 'marked') && (Math.abs(truthSiPct) <= band || Math.sign(truthDiff) !== measuredSign);
    const falseNormal = level === 'normal' && Math.abs(truthSiPct) > band;
    rows.push({ case: `${c.source} ${c.trial} ${c.fps} ${c.view}`, metricId: id, truthDiff, truthSiPct, ci, level, covered, falseFlag, falseNormal });
  }
  return { result, rows };
}

const f = (v: number, w = 7, d = 1): string => (Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);

const isMain = process.argv[1]?.endsWith('coverage.ts');
if (isMain) {
  const filter = process.argv[2] ?? '';
  const all: CoverageRow[] = [];
  console.log(`${'case'.padEnd(42)} ${'metric'.padEnd(14)} ${'truthΔ'.padStart(7)} ${'SI%'.padStart(6)} ${'95% interval'.padStart(17)} level        in?`);
  for (const c of allCases()) {
    if (c.view !== 'side' || !`${c.source} ${c.trial} ${c.fps}`.includes(filter)) continue;
    const { rows } = coverageOf(c);
    for (const r of rows) {
      all.push(r);
      const ci = r.ci ? `${f(r.ci[0])} … ${f(r.ci[1])}` : '-'.padStart(17);
      console.log(`${r.case.padEnd(42)} ${r.metricId.padEnd(14)} ${f(r.truthDiff)} ${f(r.truthSiPct, 6)} ${ci} ${r.level.padEnd(12)} ${r.covered ? 'yes' : 'NO'}${r.falseFlag ? ' FALSE FLAG' : ''}${r.falseNormal ? ' FALSE NORMAL' : ''}`);
    }
  }
  const withCi = all.filter((r) => r.ci !== null);
  const levels = new Map<string, number>();
  for (const r of all) levels.set(r.level, (levels.get(r.level) ?? 0) + 1);
  console.log(`\nCoverage: truth inside the 95% interval in ${withCi.filter((r) => r.covered).length}/${withCi.length} (${f((100 * withCi.filter((r) => r.covered).length) / Math.max(1, withCi.length), 5)}%); false watch/marked flags: ${all.filter((r) => r.falseFlag).length}; 'normal' where the truth is beyond the band: ${all.filter((r) => r.falseNormal).length}.`);
  console.log(`Levels: ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
