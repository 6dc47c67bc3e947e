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
import type { AnalysisResult, GaitEvent, MetricId, MetricSummary, PoseTrack, Side } from '../../src/analysis/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasJointTruth, type Case } from './eventCase';
import { allCases } from './events';
import { FIXTURES, loadRbdsTrack, loadSyntheticJointTruth, renderedClipOf } from './truthLoaders';

export const TIMING_METRICS: MetricId[] = ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct'];
export const ANGLE_METRICS: MetricId[] = ['kneeFlexionAtStrikeDeg', 'overstrideDeg',
  // issue 16 (trunk lean and arm swing have no truth: neither joint truth has shoulders, elbows or wrists)
  'hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg'];

/**
 * Truth of the side-view angles: the same angles read from the exact joint centres (RBDS keypoints, or the rendered
 * clip's joint truth) at the force-plate strikes, through the same metric code.
 */
export function truthAngles(c: Case): Partial<Record<MetricId, number>> {
  return anglesOf(truthResult(c));
}

function anglesOf(r: AnalysisResult | null): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  for (const id of ANGLE_METRICS) {
    const m = r?.metrics[id];
    if (m && m.left !== null && m.right !== null) out[id] = m.left - m.right;
  }
  return out;
}

/**
 * One metric's row: truth inside the interval; a false flag (watch/marked where the truth lies inside the normal
 * band or points the other way); a false 'normal' (the truth beyond the band). The band is a symmetry index where the
 * truth has one (durations, bounce), else in the metric's unit (angles).
 */
function coverageRow(name: string, id: MetricId, m: MetricSummary, flagLevel: string | undefined, truthDiff: number, truthSiPct: number): CoverageRow {
  const level = flagLevel ?? 'not compared';
  const bySi = Number.isFinite(truthSiPct);
  const band = FLAG_BANDS[id]?.normal ?? (bySi ? 5 : 3);
  const truthSize = Math.abs(bySi ? truthSiPct : truthDiff);
  const ci = m.differenceCi95;
  return {
    case: name, metricId: id, truthDiff, truthSiPct, ci, level,
    covered: ci !== null && ci[0] <= truthDiff && truthDiff <= ci[1],
    falseFlag: (level === 'watch' || level === 'marked') && (truthSize <= band || Math.sign(truthDiff) !== Math.sign((m.left ?? 0) - (m.right ?? 0))),
    falseNormal: level === 'normal' && truthSize > band,
  };
}

/** The analysis of the case's exact joint centres at the force-plate events (null for a clip without joint truth). */
function truthResult(c: Case): AnalysisResult | null {
  if (!hasJointTruth(c)) return null;
  const rendered = c.source.startsWith('synthetic') ? renderedClipOf(c) : undefined;
  if (c.source.startsWith('synthetic') && !rendered) return null;
  const exact = rendered ? loadSyntheticJointTruth(rendered) : loadRbdsTrack(c.trial, 'side', c.fps);
  const gait = findGaitEvents(exact, { view: 'auto' });
  const fps = c.fps;
  const events: GaitEvent[] = c.truth().map((e) => ({ ...e, frame: Math.round(e.timeSec * fps) }))
    .filter((e) => e.timeSec > exact.timesSec[0]! + 0.05 && e.timeSec < exact.timesSec.at(-1)! - 0.05);
  return assembleResult(exact, { ...gait, events, timing: undefined }, { view: 'auto' }, meta(exact, fps));
}

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
  // a timing metric measured on one side only stays as a 'not compared' row; angles and bounce need both sides
  const row = (id: MetricId, truthDiff: number, truthSiPct: number, bothSides = true): void => {
    const m = result.metrics[id];
    if (!m || (bothSides && (m.left === null || m.right === null))) return;
    rows.push(coverageRow(`${c.source} ${c.trial} ${c.fps} ${c.view}`, id, m, result.flags.find((f) => f.metricId === id)?.level, truthDiff, truthSiPct));
  };
  for (const id of TIMING_METRICS) {
    const m = result.metrics[id];
    const t = truth[id];
    if (!m || !t) continue;
    const ts = compareSides(t, m.unit);
    if (ts.left !== null && ts.right !== null) row(id, ts.left - ts.right, ts.symmetryIndexPct ?? Number.NaN, false);
  }
  // The bounce per side (pelvis range over each step) against the same range of the exact hip joint centres over
  // the force-plate steps: a symmetry index, like the durations.
  const exact = truthResult(c);
  const exactBounce = exact?.metrics.verticalOscillationPx;
  if (exactBounce && exactBounce.left !== null && exactBounce.right !== null) {
    row('verticalOscillationPx', exactBounce.left - exactBounce.right, exactBounce.symmetryIndexPct ?? Number.NaN);
  }
  const angles = anglesOf(exact);
  for (const id of ANGLE_METRICS) {
    const truthDiff = angles[id];
    if (truthDiff !== undefined) row(id, truthDiff, Number.NaN);
  }
  return { result, rows };
}

interface RbdsContactDrop { side: Side; foot_strike_s: number; hip_line_drop_midstance_rear2d_deg: number | null }

/**
 * Rear view: the hip drop's left − right interval against the force-plate contacts' own drop (truth.json
 * hip_line_drop_midstance_rear2d_deg, the angle the projected hip joint centres make at mid-stance) over the span.
 */
export function rearCoverageOf(c: Case): CoverageRow | null {
  if (c.view !== 'rear' || !hasJointTruth(c)) return null;
  const track = c.track();
  const result = assembleResult(track, findGaitEvents(track, { view: 'auto' }), { view: 'auto' }, meta(track, c.fps));
  const m = result.metrics.hipDropDeg;
  if (!m || m.left === null || m.right === null) return null;
  const rendered = c.source.startsWith('synthetic') ? renderedClipOf(c) : undefined;
  if (c.source.startsWith('synthetic') && !rendered) return null;
  const [trial, shift] = rendered ? [rendered.run, rendered.t0Sec] : [c.trial, 0];
  const contacts = (JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { events: RbdsContactDrop[] }).events
    .map((e) => ({ ...e, foot_strike_s: e.foot_strike_s - shift }));
  const strikes = result.events.filter((e) => e.type === 'footStrike');
  const lo = (strikes[0]?.timeSec ?? 0) - 0.05; const hi = (strikes.at(-1)?.timeSec ?? 0) + 0.05;
  const per = (side: Side): number[] => contacts.filter((e) => e.side === side && e.foot_strike_s >= lo && e.foot_strike_s <= hi && e.hip_line_drop_midstance_rear2d_deg !== null).map((e) => e.hip_line_drop_midstance_rear2d_deg as number);
  const t = compareSides({ left: per('left'), right: per('right') }, 'deg');
  const truthDiff = (t.left ?? Number.NaN) - (t.right ?? Number.NaN);
  const level = result.flags.find((fl) => fl.metricId === 'hipDropDeg')?.level ?? 'not compared';
  const band = FLAG_BANDS.hipDropDeg?.normal ?? 2.8;
  const ci = m.differenceCi95;
  const measured = m.left - m.right;
  return {
    case: `${c.source} ${c.trial} ${c.fps} ${c.view}`, metricId: 'hipDropDeg', truthDiff, truthSiPct: Number.NaN, ci, level,
    covered: ci !== null && ci[0] <= truthDiff && truthDiff <= ci[1],
    falseFlag: (level === 'watch' || level === 'marked') && (Math.abs(truthDiff) <= band || Math.sign(truthDiff) !== Math.sign(measured)),
    falseNormal: level === 'normal' && Math.abs(truthDiff) > band,
  };
}

const f = (v: number, w = 7, d = 1): string => (Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);

const isMain = process.argv[1]?.endsWith('coverage.ts');
if (isMain) {
  const filter = process.argv[2] ?? '';
  const all: CoverageRow[] = [];
  console.log(`${'case'.padEnd(42)} ${'metric'.padEnd(24)} ${'truthΔ'.padStart(7)} ${'SI%'.padStart(6)} ${'95% interval'.padStart(17)} level        in?`);
  for (const c of allCases()) {
    if (!`${c.source} ${c.trial} ${c.fps} ${c.view}`.includes(filter)) continue;
    const rear = rearCoverageOf(c);
    const rows = c.view === 'side' ? coverageOf(c).rows : rear ? [rear] : [];
    for (const r of rows) {
      all.push(r);
      const ci = r.ci ? `${f(r.ci[0])} … ${f(r.ci[1])}` : '-'.padStart(17);
      console.log(`${r.case.padEnd(42)} ${r.metricId.padEnd(24)} ${f(r.truthDiff)} ${f(r.truthSiPct, 6)} ${ci} ${r.level.padEnd(12)} ${r.covered ? 'yes' : 'NO'}${r.falseFlag ? ' FALSE FLAG' : ''}${r.falseNormal ? ' FALSE NORMAL' : ''}`);
    }
  }
  const withCi = all.filter((r) => r.ci !== null);
  const levels = new Map<string, number>();
  for (const r of all) levels.set(r.level, (levels.get(r.level) ?? 0) + 1);
  console.log(`\nCoverage: truth inside the 95% interval in ${withCi.filter((r) => r.covered).length}/${withCi.length} (${f((100 * withCi.filter((r) => r.covered).length) / Math.max(1, withCi.length), 5)}%); false watch/marked flags: ${all.filter((r) => r.falseFlag).length}; 'normal' where the truth is beyond the band: ${all.filter((r) => r.falseNormal).length}.`);
  console.log(`Levels: ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // How well each real pose track times each foot (report.json `timing`): the evidence behind the timing intervals.
  console.log('\nPer-foot timing evidence of the pose-model tracks (bound = left − right event-timing bound; Zeni offset = median Zeni − detected; confidence of the foot points):');
  for (const c of allCases()) {
    if (c.view !== 'side' || !(c.source.startsWith('video') || c.source.startsWith('synthetic-bp')) || !`${c.source} ${c.trial} ${c.fps}`.includes(filter)) continue;
    const t = coverageOf(c).result.timing;
    if (!t) continue;
    const ms = (v: number | null): string => (v === null ? '-' : (v * 1000).toFixed(1));
    const ev = (side: Side, type: 'footStrike' | 'toeOff'): string => `${ms(t.evidence[side][type].zeniOffsetSec)} ms @${t.evidence[side][type].visibility?.toFixed(2) ?? '-'}${t.evidence[side][type].hidden ? ' HIDDEN' : ''} scatter ${ms(t.evidence[side][type].scatterSec)} ms${t.evidence[side][type].wandering ? ' WANDERING' : ''}`;
    console.log(`${c.source} ${c.fps} fps: strikes bound ${ms(t.betweenFeetSec.footStrike)} ms (L ${ev('left', 'footStrike')}, R ${ev('right', 'footStrike')}); toe-offs bound ${ms(t.betweenFeetSec.toeOff)} ms (L ${ev('left', 'toeOff')}, R ${ev('right', 'toeOff')})`);
  }
}
