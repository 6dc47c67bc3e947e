// `npm run validate`: issue 3's error table. For every case of scripts/validate/events.ts (RBDS trials × view × fps,
// damaged copies, the rendered clip's exact joints and its BlazePose track, the demo clip's RTMPose and BlazePose
// tracks) the whole analysis runs (findGaitEvents → assembleResult) and is compared with the truth: event-time
// median / p95 |error|, contact-time mean |error| per side, cadence error, hip-drop error per side (rear), wrong-foot
// events. Then the metric code alone on force-plate events, and synthetic asymmetry recovery.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleResult, type GaitInput } from '../src/analysis/assembleResult';
import { beltScale } from '../src/analysis/beltScale';
import { findGaitEvents } from '../src/analysis/findGaitEvents';
import type { AnalysisResult, GaitEvent, PoseTrack, Side } from '../src/analysis/types';
import { syntheticRunner } from '../tests/analysis/metrics/syntheticRunner';
import { perturbTrack } from '../tests/analysis/synthetic/perturbTrack';
import { hasJointTruth, type Case } from './validate/eventCase';
import { allCases, footBiasReport } from './validate/events';
import { comparedFeetReport } from './validate/comparedFeet';
import { footMotionReport } from './validate/footMotion';
import { sceneVerticalReport } from './validate/sceneVertical';
import { mirroredSessionReport, sessionReport } from './validate/session';
import { coverageOf, rearCoverageOf, type CoverageRow } from './validate/coverage';
import { givenEventsRows } from './validate/givenEvents';
import { lotoReport } from './validate/loto';
import { MIRRORED_DEMO_TRIAL } from './validate/mirroredDemo';
import { cameraHeightReport } from './validate/cameraHeight';
import { sideAngleReport } from './validate/sideAngles';
import { progressRows } from './validate/progress';
import { formatRearRow, REAR_HEADER, runRearCase } from './validate/rear';
import { rearCases } from './validate/rearCases';
import { printStepWidthTable } from './validate/stepWidth';
import { matchEvents, meanAbs, medianAbs, quantileAbs } from './validate/matchEvents';
import { FIXTURES, loadRbdsTrack, rbdsRates, rbdsSideScale, rbdsTrials, syntheticSideScale, renderedClipOf, type TruthEvent } from './validate/truthLoaders';

interface RbdsContact { side: Side; foot_strike_s: number; hip_line_drop_midstance_rear2d_deg: number | null }

function rbdsContacts(trial: string, shiftSec: number): RbdsContact[] {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { events: RbdsContact[] };
  return json.events.map((e) => ({ ...e, foot_strike_s: e.foot_strike_s - shiftSec }));
}

const f = (v: number | null | undefined, w = 6, d = 1): string => (v !== null && v !== undefined && Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);
const meanOf = (v: number[]): number => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN);

/** Cadence of the truth strikes inside the span the analysis saw (60·(n−1)/(last − first), as RBDS truth.json). */
function truthCadence(truth: readonly TruthEvent[], events: readonly GaitEvent[]): number {
  const strikes = events.filter((e) => e.type === 'footStrike');
  const lo = (strikes[0]?.timeSec ?? 0) - 0.05; const hi = (strikes[strikes.length - 1]?.timeSec ?? 0) + 0.05;
  const ts = truth.filter((e) => e.type === 'footStrike' && e.timeSec >= lo && e.timeSec <= hi).map((e) => e.timeSec);
  return ts.length < 2 ? Number.NaN : (60 * (ts.length - 1)) / ((ts[ts.length - 1] as number) - (ts[0] as number));
}

/** Mean truth contact time (ms) of one foot over the contacts inside the analysed span. */
function truthContactMean(truth: readonly TruthEvent[], events: readonly GaitEvent[], side: Side): number {
  const lo = (events[0]?.timeSec ?? 0) - 0.05; const hi = (events[events.length - 1]?.timeSec ?? 0) + 0.05;
  const own = truth.filter((e) => e.side === side && e.timeSec >= lo && e.timeSec <= hi);
  const out: number[] = [];
  own.forEach((e, i) => { const n = own[i + 1]; if (e.type === 'footStrike' && n?.type === 'toeOff') out.push(1000 * (n.timeSec - e.timeSec)); });
  return meanOf(out);
}

/** Hip-drop error per side: analysed mean − truth mean over the contacts inside the analysed span. */
function hipDropError(result: AnalysisResult, contacts: readonly RbdsContact[]): Record<Side, number> {
  const strikes = result.events.filter((e) => e.type === 'footStrike');
  const lo = (strikes[0]?.timeSec ?? 0) - 0.05; const hi = (strikes[strikes.length - 1]?.timeSec ?? 0) + 0.05;
  const err = (side: Side): number => {
    const truth = contacts.filter((c) => c.side === side && c.foot_strike_s >= lo && c.foot_strike_s <= hi && c.hip_line_drop_midstance_rear2d_deg !== null)
      .map((c) => c.hip_line_drop_midstance_rear2d_deg as number);
    return (result.metrics.hipDropDeg?.[side] ?? Number.NaN) - meanOf(truth);
  };
  return { left: err('left'), right: err('right') };
}

function videoMeta(track: PoseTrack, fps: number) {
  return { path: track.source.kind === 'csv' ? track.source.name : 'video', fps, durationSec: (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0), width: track.width, height: track.height };
}

function runCase(c: Case): string {
  const track = c.track();
  const truth = c.truth();
  const gait = findGaitEvents(track, { view: 'auto' });
  const meta = videoMeta(track, c.fps);
  const result = assembleResult(track, gait, { view: 'auto' }, meta);
  const m = matchEvents(result.events, truth);
  const ms = (v: number): number => v * 1000;
  const cadErr = result.cadenceSpm !== null ? (100 * (result.cadenceSpm - truthCadence(truth, result.events))) / truthCadence(truth, result.events) : Number.NaN;
  let hd: string;
  if (result.view === 'rear' && hasJointTruth(c)) {
    const rendered = c.source.startsWith('synthetic') ? renderedClipOf(c) : undefined;
    const contacts = rendered ? rbdsContacts(rendered.run, rendered.t0Sec) : rbdsContacts(c.trial, 0);
    const mean = hipDropError(result, contacts);
    // The virtual and rendered cameras are level, so the horizon is known to be 0°.
    const level = hipDropError(assembleResult(track, gait, { view: 'auto', horizonDeg: 0 }, meta), contacts);
    hd = [f(mean.left), f(mean.right), f(level.left), f(level.right)].join(' ');
  } else hd = [f(null), f(null), f(null), f(null)].join(' ');
  return [
    c.source.padEnd(20), c.trial.padEnd(15), String(c.fps).padStart(3), c.view.padEnd(4), (result.view === c.view ? 'ok' : 'WRONG').padEnd(5),
    f(ms(medianAbs(m.errorsSec.footStrike))), f(ms(quantileAbs(m.errorsSec.footStrike, 0.95))),
    f(ms(medianAbs(m.errorsSec.toeOff))), f(ms(quantileAbs(m.errorsSec.toeOff, 0.95))),
    f(ms(meanAbs(m.contactErrSec.left))), f(ms(meanAbs(m.contactErrSec.right))),
    f(result.metrics.contactTimeMs?.left), f(truthContactMean(truth, result.events, 'left')),
    f(result.metrics.contactTimeMs?.right), f(truthContactMean(truth, result.events, 'right')), f(cadErr, 6, 2), hd,
    String(m.wrongFoot).padStart(4), String(m.missed).padStart(4), String(m.extra).padStart(4), String(m.matched).padStart(4),
  ].join(' ');
}

const HEADER = ['source'.padEnd(20), 'trial'.padEnd(15), 'fps', 'view', 'vdet ', ' FSmed', ' FSp95', ' TOmed', ' TOp95',
  ' CmaeL', ' CmaeR', '  CTL', ' CTLt', '  CTR', ' CTRt', '  cad%', '  hdL', '  hdR', ' hdL0', ' hdR0', 'wrng', 'miss', 'xtra', 'mtch'].join(' ');

/** The metric code alone: force-plate events on the RBDS keypoints (hip drop with the known-level and the mean reference). */
function truthEventRows(): string[] {
  const rows: string[] = [];
  for (const trial of rbdsTrials()) {
    const contacts = rbdsContacts(trial, 0);
    const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { events: { side: Side; foot_strike_s: number; toe_off_s: number }[]; summary: { cadence_spm: number; per_side: Record<Side, { contact_time_s: { mean: number } }> } };
    for (const fps of rbdsRates(trial, 'rear')) {
      const events: GaitEvent[] = json.events.flatMap((e) => [
        { side: e.side, type: 'footStrike' as const, timeSec: e.foot_strike_s, frame: Math.round(e.foot_strike_s * fps) },
        { side: e.side, type: 'toeOff' as const, timeSec: e.toe_off_s, frame: Math.round(e.toe_off_s * fps) },
      ]);
      const track = loadRbdsTrack(trial, 'rear', fps);
      const gait: GaitInput = { view: 'rear', facing: 'awayFromCamera', track, events, swappedFrames: 0, warnings: [] };
      const meta = videoMeta(track, fps);
      const r0 = assembleResult(track, gait, { view: 'rear', horizonDeg: 0 }, meta);
      const rm = assembleResult(track, gait, { view: 'rear' }, meta);
      const e0 = hipDropError(r0, contacts); const em = hipDropError(rm, contacts);
      const ct = (s: Side): number => (r0.metrics.contactTimeMs?.[s] ?? NaN) - 1000 * json.summary.per_side[s].contact_time_s.mean;
      rows.push(`${trial.padEnd(12)} ${String(fps).padStart(3)}  cadence err ${f((100 * ((r0.cadenceSpm ?? NaN) - json.summary.cadence_spm)) / json.summary.cadence_spm, 6, 3)}%  contact mean err L ${f(ct('left'), 5, 2)} R ${f(ct('right'), 5, 2)} ms  hip drop err (level ref) L ${f(e0.left, 5, 2)} R ${f(e0.right, 5, 2)}°  (mean-line ref) L ${f(em.left, 5, 2)} R ${f(em.right, 5, 2)}°`);
    }
  }
  return rows;
}

/**
 * Synthetic asymmetry through the whole pipeline: a treadmill runner drawn from known events (20 s, 1 px noise),
 * right contact +5% (250 vs 262.5 ms); and symmetric runners with 2 px noise and 8% leg-label swaps.
 */
function asymmetryRows(): string[] {
  const rows: string[] = [];
  const seeds = 8;
  for (const fps of [30, 60, 120]) {
    let covered = 0; let flaggedSym = 0; const diffs: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const asym = syntheticRunner({ fps, durationSec: 20, stepSec: 0.37, contactSec: { left: 0.25, right: 0.2625 }, noisePx: 1, seed });
      const ra = assembleResult(asym.track, findGaitEvents(asym.track, { view: 'auto' }), { view: 'auto' }, videoMeta(asym.track, fps));
      const ci = ra.metrics.contactTimeMs?.differenceCi95;
      if (ci && ci[0] <= -12.5 && -12.5 <= ci[1]) covered++;
      diffs.push((ra.metrics.contactTimeMs?.left ?? NaN) - (ra.metrics.contactTimeMs?.right ?? NaN));
      const sym = perturbTrack(syntheticRunner({ fps, durationSec: 20, stepSec: 0.37, contactSec: { left: 0.25, right: 0.25 }, noisePx: 1, seed: seed + 100 }).track,
        { seed, noisePx: 2, swapFraction: 0.08, swapRunMax: 3 }).track;
      const rs = assembleResult(sym, findGaitEvents(sym, { view: 'auto' }), { view: 'auto' }, videoMeta(sym, fps));
      if (rs.flags.some((fl) => fl.level === 'watch' || fl.level === 'marked')) flaggedSym++;
    }
    rows.push(`${String(fps).padStart(3)} fps: +5% right contact (true L−R −12.5 ms): measured ${f(meanOf(diffs), 6, 1)} ms, truth inside the 95% interval in ${covered}/${seeds}; symmetric runner with swaps: watch/marked flags in ${flaggedSym}/${seeds}`);
  }
  return rows;
}

/**
 * Vertical oscillation in cm (side view, belt speed given): the scale the belt gives against the camera's true scale,
 * and the oscillation with the found scale against the same events read with the true scale.
 */
function beltScaleRows(filter: string | undefined): string[] {
  const rows = ['source               trial           fps  px/cm  true  err%  VOcmL VOtrueL  VOcmR VOtrueR'];
  for (const c of allCases()) {
    if (c.view !== 'side' || !hasJointTruth(c)) continue;
    if (filter && !`${c.source} ${c.trial} ${c.view} ${c.fps}`.includes(filter)) continue;
    const rendered = c.source.startsWith('rbds') ? undefined : renderedClipOf(c);
    if (!c.source.startsWith('rbds') && !rendered) continue;
    const truth = rendered ? syntheticSideScale(rendered) : rbdsSideScale(c.trial);
    const track = c.track();
    const gait = findGaitEvents(track, { view: 'auto' });
    const found = beltScale(gait.track, gait.events, gait.facing, truth.beltSpeedMps);
    const meta = videoMeta(track, c.fps);
    const vo = assembleResult(track, gait, { view: 'auto', beltSpeedMps: truth.beltSpeedMps }, meta).metrics.verticalOscillationCm;
    const voTrue = assembleResult(track, gait, { view: 'auto', pxPerCm: truth.pxPerCm }, meta).metrics.verticalOscillationCm;
    const scale = found.ok ? found.scale.pxPerCm : Number.NaN;
    rows.push([
      c.source.padEnd(20), c.trial.padEnd(15), String(c.fps).padStart(3), f(scale, 6, 3), f(truth.pxPerCm, 5, 2),
      f((100 * (scale - truth.pxPerCm)) / truth.pxPerCm, 5, 1), f(vo?.left, 6, 2), f(voTrue?.left, 7, 2), f(vo?.right, 6, 2), f(voTrue?.right, 7, 2),
      found.ok ? ` from ${found.scale.from}, spread L ${f(100 * found.scale.spread.left, 4, 1)}% R ${f(100 * found.scale.spread.right, 4, 1)}%, hip-ankle ${f(found.scale.legLengthCm, 5, 1)} cm` : ` refused: ${found.reason}`,
    ].join(' '));
  }
  return rows;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  console.log('Whole analysis vs truth. Event |error| ms (median, p95); contact-time mean |error| ms per side; cadence error %;');
  console.log('CTL/CTR: analysed contact mean ms per side, CTLt/CTRt: truth mean over the same span; hip-drop error ° per side (rear; hdL/hdR: mean-pelvis-line reference, hdL0/hdR0: known level horizon); wrong-foot/missed/extra/matched events.');
  console.log(HEADER);
  for (const c of allCases()) {
    if (filter && !`${c.source} ${c.trial} ${c.view} ${c.fps}`.includes(filter)) continue;
    try { console.log(runCase(c)); } catch (err) { console.log(`${c.source} ${c.trial} ${c.fps} ${c.view}: FAILED ${(err as Error).message}`); }
  }
  // the demo clip's source measured its cadence from pixels (videos/treadmill_side_30fps.source-groundtruth.json)
  for (const demo of allCases().filter((c) => c.source.startsWith('video-bp-') && ['treadmill_side', MIRRORED_DEMO_TRIAL].includes(c.trial))) {
    if (filter && !`${demo.source} treadmill_side`.includes(filter)) continue;
    const t = demo.track();
    const r = assembleResult(t, findGaitEvents(t, { view: 'auto' }), { view: 'auto' }, videoMeta(t, demo.fps));
    const err = r.cadenceSpm !== null ? (100 * (r.cadenceSpm - 168.9)) / 168.9 : Number.NaN;
    console.log(`${demo.trial} (${demo.source}): cadence ${f(r.cadenceSpm, 6, 1)} vs source truth 168.9 ± 0.5 → ${f(err, 5, 2)}%; verdict: ${r.verdict?.join(' ')}`);
  }
  console.log('\nImage scale from the belt speed (side view) and vertical oscillation in cm with it vs with the true camera scale:');
  for (const row of beltScaleRows(filter)) console.log(row);
  console.log('\nMetric code alone on force-plate events (RBDS rear keypoints):');
  for (const row of truthEventRows()) console.log(row);
  console.log('\nGiven events (issue 13, `--events`): force-plate events in, the force plate\'s per-side times out (scripts/validate/givenEvents.ts):');
  for (const row of givenEventsRows()) console.log(row);
  console.log('\nRear view: contacts found per side, event bias, hip drop per step and per side against the force plate\'s contacts (scripts/validate/rear.ts):');
  console.log(REAR_HEADER);
  for (const c of rearCases()) {
    if (filter && !`${c.source} ${c.variant} ${c.trial} ${c.fps}`.includes(filter)) continue;
    try { console.log(formatRearRow(runRearCase(c))); } catch (err) { console.log(`${c.source} ${c.trial} ${c.fps}: FAILED ${(err as Error).message}`); }
  }
  console.log('\nRear view, step width / crossover / lateral sway against the exact ankle and hip centres at the force-plate mid-stances (scripts/validate/stepWidth.ts):');
  printStepWidthTable(filter);
  console.log('\nInterval coverage: side-view timing and angles, rear hip drop (truth left − right inside the 95% interval; false flags; full table: npx tsx scripts/validate/coverage.ts):');
  const cov: CoverageRow[] = allCases().filter((c) => !filter || `${c.source} ${c.trial} ${c.view} ${c.fps}`.includes(filter))
    .flatMap((c) => (c.view === 'side' ? coverageOf(c).rows : [rearCoverageOf(c)].filter((r): r is CoverageRow => r !== null)));
  const withCi = cov.filter((r) => r.ci !== null);
  const count = (p: (r: CoverageRow) => boolean): number => cov.filter(p).length;
  console.log(`covered ${withCi.filter((r) => r.covered).length}/${withCi.length}; false watch/marked ${count((r) => r.falseFlag)}; 'normal' where the truth is beyond the band ${count((r) => r.falseNormal)}; levels: normal ${count((r) => r.level === 'normal')}, unclear ${count((r) => r.level === 'unclear')}, watch/marked ${count((r) => r.level === 'watch' || r.level === 'marked')}`);
  if (!filter || filter.startsWith('video') || filter.startsWith('synthetic')) {
    console.log('\nPose-model tracks foot by foot against the truth (eye marks, force plates), and whether each foot was compared from the track alone, as a keypoint CSV (scripts/validate/comparedFeet.ts; with the video\'s pixels, as the app analyses a clip: "Foot pixels" below):');
    comparedFeetReport((line) => console.log(line));
    // Issue 11: the feet's own pixels, measured from the fixture videos (decodes each clip once).
    console.log('\nFoot pixels: pixel stance vs truth and pose events vs pixels per foot, with the videos (scripts/validate/footMotion.ts):');
    await footMotionReport((line) => console.log(line));
    console.log('\nThe vertical of the side-view angles: the scene\'s against the belt\'s, and known camera rolls (scripts/validate/sceneVertical.ts):');
    await sceneVerticalReport((line) => console.log(line));
  }
  if (!filter || filter.startsWith('synthetic')) {
    console.log('\nBoth-sides sessions of the rendered runs (left and right side clips; scripts/validate/session.ts):');
    sessionReport((line) => console.log(line));
  }
  if (!filter || filter.startsWith('video')) {
    console.log('\nThe demo clip and the same clip mirrored as one both-sides session: one leg read twice, so every true left − right is 0 (scripts/validate/session.ts):');
    mirroredSessionReport((line) => console.log(line));
  }
  console.log('\nSide-view angles (issue 16), whole analysis vs the same angles from exact joint centres at the force-plate events, per side (scripts/validate/sideAngles.ts):');
  sideAngleReport((line) => console.log(line), filter);
  console.log('\nSynthetic asymmetry recovery (whole pipeline, synthetic treadmill runner):');
  for (const row of asymmetryRows()) console.log(row);
  // Issue 11 part 4: per-foot event bias (a difference between the feet reads as asymmetry) and the rule constants
  // scored leave-one-trial-out.
  if (!filter || filter.startsWith('rbds')) {
    console.log('');
    footBiasReport((line) => console.log(line));
    console.log('');
    lotoReport((line) => console.log(line));
    console.log('');
    cameraHeightReport((line) => console.log(line));
  }
  // Issue 14: the progress rule between two sessions of a synthetic runner with a known change (scripts/validate/progress.ts).
  if (!filter || filter === 'progress') {
    console.log('\nProgress between two sessions (contact time, synthetic runner, known change; changed / no change shown / unclear):');
    for (const row of progressRows()) console.log(row);
  }
}

await main();
