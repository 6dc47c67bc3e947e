// Builds a realistic PoseTrack + AnalysisResult for renderer development and tests, from the repository's
// fixtures: the rendered RBDS008 treadmill clips' exact 2D joint positions (fixtures/synthetic/*_truth.csv) or a
// BlazePose keypoint CSV (fixtures/posetracks), and the force-plate events of fixtures/rbds/RBDS008_T35/truth.json.
// The numbers are real (force-plate contact times, projected hip-line drop); only the flag rules are simplified.
import type { AnalysisResult, Flag, FlagLevel, GaitEvent, MetricId, MetricSummary, PoseTrack, Side, StepRow } from '../../src/shared/contract';

export interface TruthEvent {
  side: Side;
  foot_strike_s: number;
  toe_off_s: number;
  step_time_s: number | null;
  flight_time_s: number | null;
  hip_line_drop_midstance_rear2d_deg: number | null;
}

/** Reads either the synthetic truth CSV (video_time_s, trial_time_s, name_x, name_y) or a keypoint CSV (time_s, name_x, name_y, name_score). */
export function parseTrackCsv(text: string, width: number, height: number, name: string): PoseTrack {
  const lines = text.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const timeCol = header.indexOf(header[0] === 'video_time_s' ? 'video_time_s' : 'time_s');
  const keypoints: PoseTrack['keypoints'] = {};
  const cols: { name: string; axis: 'x' | 'y' | 'score'; col: number }[] = [];
  header.forEach((h, col) => {
    const m = /^(.+)_(x|y|score)$/.exec(h);
    if (!m || h === 'video_time_s' || h === 'trial_time_s') return;
    const kp = m[1] as string;
    keypoints[kp] ??= { x: [], y: [], score: [] };
    cols.push({ name: kp, axis: m[2] as 'x' | 'y' | 'score', col });
  });
  const hasScore = cols.some((c) => c.axis === 'score');
  const timesSec: number[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    timesSec.push(Number(cells[timeCol]));
    for (const c of cols) {
      const cell = cells[c.col] ?? '';
      keypoints[c.name]![c.axis].push(cell === '' || cell.toLowerCase() === 'nan' ? Number.NaN : Number(cell));
    }
    if (!hasScore) for (const s of Object.values(keypoints)) s.score.push(1);
  }
  return { timesSec, width, height, keypoints, source: { kind: 'csv', name } };
}

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const variance = (v: readonly number[]): number => {
  const m = mean(v);
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length - 1);
};

export function summarise(unit: string, left: number[], right: number[]): MetricSummary {
  const l = left.length ? mean(left) : null;
  const r = right.length ? mean(right) : null;
  const si = l !== null && r !== null ? ((l - r) / (0.5 * (l + r))) * 100 : null;
  const half = left.length > 1 && right.length > 1 ? 1.96 * Math.sqrt(variance(left) / left.length + variance(right) / right.length) : null;
  const ci: [number, number] | null = l !== null && r !== null && half !== null ? [l - r - half, l - r + half] : null;
  return { unit, left: l, right: r, symmetryIndexPct: si, differenceCi95: ci, perStep: { left, right } };
}

function nearestFrame(times: readonly number[], t: number): number {
  let best = 0;
  times.forEach((x, i) => { if (Math.abs(x - t) < Math.abs((times[best] as number) - t)) best = i; });
  return best;
}

function kneeFlexionDeg(track: PoseTrack, side: Side, i: number): number {
  const p = (n: string): [number, number] => [track.keypoints[`${side}_${n}`]!.x[i]!, track.keypoints[`${side}_${n}`]!.y[i]!];
  const [h, k, a] = [p('hip'), p('knee'), p('ankle')];
  const v1 = [h[0] - k[0], h[1] - k[1]];
  const v2 = [a[0] - k[0], a[1] - k[1]];
  const cos = (v1[0]! * v2[0]! + v1[1]! * v2[1]!) / (Math.hypot(v1[0]!, v1[1]!) * Math.hypot(v2[0]!, v2[1]!));
  return 180 - (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
}

function flagFor(metricId: MetricId, label: string, m: MetricSummary): Flag {
  const si = Math.abs(m.symmetryIndexPct ?? 0);
  const excludesZero = m.differenceCi95 !== null && (m.differenceCi95[0] > 0 || m.differenceCi95[1] < 0);
  const level: FlagLevel = !excludesZero || si <= 5 ? 'normal' : si <= 10 ? 'watch' : 'marked';
  const higher = (m.left ?? 0) > (m.right ?? 0) ? 'left' : 'right';
  const diff = Math.abs((m.left ?? 0) - (m.right ?? 0));
  const unit = m.unit === 'deg' ? '°' : ` ${m.unit}`;
  const message = level === 'normal'
    ? `${label} is about the same on both sides (${si.toFixed(1)}% apart).`
    : `${label} is ${diff.toFixed(m.unit === 'ms' ? 0 : 1)}${unit} higher on the ${higher} side (${si.toFixed(1)}% apart; 95% interval ${Math.min(...m.differenceCi95!.map(Math.abs)).toFixed(1)} to ${Math.max(...m.differenceCi95!.map(Math.abs)).toFixed(1)}${unit}).`;
  return { id: `${metricId}-asymmetry`, metricId, level, message };
}

export interface FakeResultOptions { view: 'side' | 'rear'; t0Sec: number; videoPath: string; fps: number }

export function buildFakeResult(track: PoseTrack, truthEvents: readonly TruthEvent[], o: FakeResultOptions): AnalysisResult {
  const end = track.timesSec[track.timesSec.length - 1] as number;
  const inClip = truthEvents
    .map((e) => ({ ...e, fs: e.foot_strike_s - o.t0Sec, to: e.toe_off_s - o.t0Sec }))
    .filter((e) => e.fs >= 0 && e.to <= end);
  const events: GaitEvent[] = inClip.flatMap((e) => [
    { side: e.side, type: 'footStrike' as const, timeSec: e.fs, frame: nearestFrame(track.timesSec, e.fs) },
    { side: e.side, type: 'toeOff' as const, timeSec: e.to, frame: nearestFrame(track.timesSec, e.to) },
  ]).sort((a, b) => a.timeSec - b.timeSec);
  const steps: StepRow[] = inClip.map((e) => ({
    side: e.side, strikeTimeSec: e.fs, toeOffTimeSec: e.to, contactMs: (e.to - e.fs) * 1000,
    flightMs: e.flight_time_s === null ? null : e.flight_time_s * 1000, stepMs: e.step_time_s === null ? null : e.step_time_s * 1000,
    kneeFlexionAtStrikeDeg: o.view === 'side' ? kneeFlexionDeg(track, e.side, nearestFrame(track.timesSec, e.fs)) : null,
    overstrideDeg: null, hipDropDeg: o.view === 'rear' ? e.hip_line_drop_midstance_rear2d_deg : null,
  }));
  const per = (side: Side, key: keyof StepRow): number[] =>
    steps.filter((s) => s.side === side).map((s) => s[key]).filter((v): v is number => typeof v === 'number');
  const metrics: AnalysisResult['metrics'] = {};
  const add = (id: MetricId, unit: string, key: keyof StepRow): void => {
    if (per('left', key).length && per('right', key).length) metrics[id] = summarise(unit, per('left', key), per('right', key));
  };
  add('contactTimeMs', 'ms', 'contactMs');
  add('flightTimeMs', 'ms', 'flightMs');
  add('stepTimeMs', 'ms', 'stepMs');
  add('kneeFlexionAtStrikeDeg', 'deg', 'kneeFlexionAtStrikeDeg');
  add('hipDropDeg', 'deg', 'hipDropDeg');
  const labels: Partial<Record<MetricId, string>> = {
    contactTimeMs: 'Ground contact time', flightTimeMs: 'Flight time', stepTimeMs: 'Step time',
    kneeFlexionAtStrikeDeg: 'Knee flexion at foot strike', hipDropDeg: 'Hip drop at mid-stance',
  };
  const flags = (Object.keys(metrics) as MetricId[]).map((id) => flagFor(id, labels[id] ?? id, metrics[id]!));
  const strikes = events.filter((e) => e.type === 'footStrike');
  const cadenceSpm = (60 * (strikes.length - 1)) / ((strikes[strikes.length - 1]?.timeSec ?? 1) - (strikes[0]?.timeSec ?? 0));
  const result: AnalysisResult = {
    schemaVersion: 1,
    video: { path: o.videoPath, fps: o.fps, durationSec: end + 1 / o.fps, width: track.width, height: track.height },
    view: o.view, cadenceSpm, events, metrics, flags,
    quality: {
      framesWithPose: track.timesSec.length, framesTotal: track.timesSec.length,
      warnings: o.view === 'rear'
        ? ['Hip drop comes from the hip line in the image; camera roll adds to it one to one (level the phone).']
        : [],
    },
    verdict: flags.filter((f) => f.level !== 'normal').map((f) => f.message),
    steps,
    curves: o.view === 'side' ? { kneeAngleCycleDeg: { left: kneeCycle(track, events, 'left'), right: kneeCycle(track, events, 'right') } }
      : { hipLineDeg: hipLine(track) },
    app: { name: 'lopsided', version: '0.1.0-fake' },
  };
  if (result.verdict!.length === 0) result.verdict = ['Left and right look alike: no difference stands out beyond the step-to-step spread.'];
  result.verdict!.push(`Cadence ${Math.round(cadenceSpm)} steps per minute over ${strikes.length} foot strikes.`);
  return result;
}

function kneeCycle(track: PoseTrack, events: readonly GaitEvent[], side: Side): number[] {
  const strikes = events.filter((e) => e.side === side && e.type === 'footStrike');
  const sums = new Array<number>(101).fill(0);
  let n = 0;
  for (let k = 0; k + 1 < strikes.length; k++) {
    const a = strikes[k]!.timeSec; const b = strikes[k + 1]!.timeSec;
    for (let p = 0; p <= 100; p++) sums[p]! += kneeFlexionDeg(track, side, nearestFrame(track.timesSec, a + ((b - a) * p) / 100));
    n++;
  }
  return sums.map((s) => (n ? s / n : Number.NaN));
}

function hipLine(track: PoseTrack): { timeSec: number[]; deg: number[] } {
  const l = track.keypoints.left_hip!; const r = track.keypoints.right_hip!;
  return {
    timeSec: [...track.timesSec],
    deg: track.timesSec.map((_, i) => (Math.atan2(r.y[i]! - l.y[i]!, r.x[i]! - l.x[i]!) * 180) / Math.PI),
  };
}
