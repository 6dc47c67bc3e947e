// Both-sides sessions against the truth (issue "A verdict that never cries wolf"): every rendered run filmed from the
// runner's right (`side`) and from the left (this project's: RBDS008_T35, also from behind). For each timing metric and each side-view
// angle: the truth's left − right difference (force-plate events; the angles read from the exact joint centres at
// those events), what one side clip says, and what the session of both side clips says, with the 95% interval and
// level. Exact joint centres and BlazePose tracks (fixtures/posetracks).
// `npx tsx scripts/validate/session.ts`
import { existsSync } from 'node:fs';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { compareSides } from '../../src/analysis/compareSides';
import { mergeSession } from '../../src/analysis/mergeSession';
import { buildStepTimings } from '../../src/analysis/stepTiming';
import type { AnalysisResult, GaitEvent, MetricId, PoseTrack } from '../../src/analysis/types';
import { ANGLE_METRICS, TIMING_METRICS, truthAngles } from './coverage';
import { ANGLES, renderedRunAngleTruthDiff } from './sideAngles';
import { mirroredDemoTrack } from './mirroredDemo';
import { loadCsvTrack, loadRenderedTruth, loadSyntheticJointTruth, OWN_RENDERED_RUN, posetrackPath, renderedClipFor, renderedClips, storedPoseTrack, type RenderedClip } from './truthLoaders';

const METRICS: MetricId[] = [...TIMING_METRICS, ...ANGLE_METRICS];

function analyse(track: PoseTrack, fps = 60): AnalysisResult {
  const durationSec = (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0);
  return analyseTrack(track, { view: 'auto' }, { path: 'clip', fps, durationSec, width: track.width, height: track.height });
}

/** A rendered run filmed from both sides: its clip from the runner's right and from the left. */
interface BothSides { run: string; right: RenderedClip; left: RenderedClip }

/** Every rendered run the fixtures film from both sides. */
export function bothSidesRuns(): BothSides[] {
  return renderedClips().filter((c) => c.view === 'side').flatMap((right) => {
    const left = renderedClipFor(right.run, 'left');
    return left ? [{ run: right.run, right, left }] : [];
  });
}

function ownRun(): BothSides {
  const run = bothSidesRuns().find((r) => r.run === OWN_RENDERED_RUN);
  if (!run) throw new Error(`fixtures/synthetic has no ${OWN_RENDERED_RUN} clips from both sides`);
  return run;
}

/** Truth left − right over the clip's span (the clips of one run film the same seconds). */
export function sessionTruth(run: BothSides = ownRun()): Partial<Record<MetricId, number>> {
  const joints = loadSyntheticJointTruth(run.right);
  const endSec = (joints.timesSec.at(-1) ?? 0) + 1 / run.right.fps - 0.1;
  const events: GaitEvent[] = loadRenderedTruth(run.right).filter((e) => e.timeSec > 0.1 && e.timeSec < endSec).map((e) => ({ ...e, frame: 0 }));
  const per: Partial<Record<MetricId, { left: number[]; right: number[] }>> = {};
  const push = (id: MetricId, side: 'left' | 'right', v: number | null): void => { if (v !== null) (per[id] ??= { left: [], right: [] })[side].push(v); };
  for (const s of buildStepTimings(events)) {
    push('contactTimeMs', s.side, s.contactMs); push('flightTimeMs', s.side, s.flightMs); push('stepTimeMs', s.side, s.stepMs);
    if (s.contactMs !== null && s.strideMs !== null) push('dutyFactorPct', s.side, (100 * s.contactMs) / s.strideMs);
  }
  const out: Partial<Record<MetricId, number>> = {};
  for (const id of TIMING_METRICS) { const c = compareSides(per[id]!, 'ms'); out[id] = (c.left ?? NaN) - (c.right ?? NaN); }
  const angles = truthAngles({ source: 'synthetic-joints', trial: run.run, fps: run.right.fps, view: 'side', track: () => joints, truth: () => loadRenderedTruth(run.right) });
  return { ...out, ...angles };
}

export function sessionSources(run: BothSides): { name: string; right: () => PoseTrack; left: () => PoseTrack }[] {
  const out = [{ name: 'exact joints', right: () => loadSyntheticJointTruth(run.right), left: () => loadSyntheticJointTruth(run.left) }];
  for (const model of ['heavy', 'full']) {
    const r = storedPoseTrack(run.right.name, model);
    const l = storedPoseTrack(run.left.name, model);
    if (r && l) out.push({ name: `BlazePose ${model}`, right: () => loadCsvTrack(r), left: () => loadCsvTrack(l) });
  }
  return out;
}

const f = (v: number | undefined | null, w = 7): string => (v !== null && v !== undefined && Number.isFinite(v) ? v.toFixed(1) : '-').padStart(w);

export function sessionReport(log: (line: string) => void): void {
  for (const run of bothSidesRuns()) runSessionReport(run, log);
}

function runSessionReport(run: BothSides, log: (line: string) => void): void {
  // issue 16's side-view angles: the truth from the exact joint centres at the force-plate events (sideAngles.ts)
  const truth: Partial<Record<MetricId, number>> = { ...sessionTruth(run), ...renderedRunAngleTruthDiff(run.right) };
  for (const src of sessionSources(run)) {
    const right = analyse(src.right(), run.right.fps);
    const left = analyse(src.left(), run.left.fps);
    const session = mergeSession([{ name: 'left.mp4', result: left }, { name: 'right.mp4', result: right }]);
    log(`\n${run.run}, ${src.name}: ${session.session.clips.map((c) => `${c.name} → ${c.role}`).join(', ')}`);
    log(`${'metric'.padEnd(24)} ${'truth'.padStart(7)} | ${'right clip Δ'.padStart(12)} ${'95% interval'.padStart(17)} level    | ${'left clip Δ'.padStart(12)} ${'95% interval'.padStart(17)} level    | ${'session Δ'.padStart(10)} ${'95% interval'.padStart(17)} level    in?`);
    for (const id of [...new Set([...METRICS, ...ANGLES])]) {
      const cell = (r: AnalysisResult): string => {
        const m = r.metrics[id];
        const lvl = r.flags.find((x) => x.metricId === id)?.level ?? '-';
        return `${f(m && m.left !== null && m.right !== null ? m.left - m.right : NaN, 12)} ${m?.differenceCi95 ? `${f(m.differenceCi95[0])} … ${f(m.differenceCi95[1])}` : '-'.padStart(17)} ${lvl.padEnd(8)}`;
      };
      const ci = session.metrics[id]?.differenceCi95;
      // a measure the session does not take (the foot-strike angle below 50 fps) has no interval to hold anything
      const inside = !ci ? 'not measured' : ci[0] <= truth[id]! && truth[id]! <= ci[1] ? 'yes' : 'NO';
      log(`${id.padEnd(24)} ${f(truth[id])} | ${cell(right)} | ${cell(left)} | ${cell(session).replace(/^ {2}/, '')} ${inside}`);
    }
    log(`verdict: ${session.verdict?.join(' ')}`);
  }
}

/**
 * The demo clip and the same clip mirrored as a both-sides session (mirroredDemo.ts): the mirrored clip shows the
 * demo's near left leg as a near right leg, so the session compares one leg, in the same frames, read twice by the
 * pose model. Every true left − right difference is 0; the session's intervals must hold it, and no flag may rise.
 */
export function mirroredSessionReport(log: (line: string) => void): void {
  log(`${'model'.padEnd(8)} ${'metric'.padEnd(24)} ${'left'.padStart(7)} ${'right'.padStart(7)} ${'session Δ'.padStart(10)} ${'95% interval'.padStart(17)} level    holds 0?`);
  for (const model of ['heavy', 'full']) {
    const demoPath = posetrackPath(`treadmill_side_30fps.blazepose-${model}.csv`);
    const mirroredPath = mirroredDemoTrack(model);
    if (!existsSync(demoPath) || !existsSync(mirroredPath)) continue;
    const session = mergeSession([{ name: 'demo.mp4', result: analyse(loadCsvTrack(demoPath), 30) }, { name: 'mirrored.mp4', result: analyse(loadCsvTrack(mirroredPath), 30) }]);
    for (const [id, m] of Object.entries(session.metrics)) {
      if (!m || (m.left === null && m.right === null)) continue;
      const ci = m.differenceCi95;
      const lvl = session.flags.find((x) => x.metricId === id)?.level ?? '-';
      const holds = ci ? (ci[0] <= 0 && ci[1] >= 0 ? 'yes' : 'NO') : '(not compared)';
      log(`${model.padEnd(8)} ${id.padEnd(24)} ${f(m.left)} ${f(m.right)} ${f(m.left !== null && m.right !== null ? m.left - m.right : NaN, 10)} ${ci ? `${f(ci[0])} … ${f(ci[1])}` : '-'.padStart(17)} ${lvl.padEnd(8)} ${holds}`);
    }
  }
}

if (process.argv[1]?.endsWith('session.ts')) {
  sessionReport((line) => console.log(line));
  console.log('\nThe demo clip and the same clip mirrored as one session (true left − right 0 for every measure):');
  mirroredSessionReport((line) => console.log(line));
}
