// A realistic AnalysisResult built by hand for the report tests (issue 5), until the analysis
// station produces real ones. Per-side means, intervals and symmetry indices are COMPUTED from
// the generated steps (as compareSides would), so the table shows self-consistent numbers.
import { mulberry32 } from '../../helpers/seededRandom';
import type { AnalysisResult, Flag, GaitEvent, MetricId, MetricSummary, Side, StepRow, View } from '../../../src/shared/contract';

export interface Contact {
  side: Side;
  strikeSec: number;
  toeOffSec: number;
}

export interface SampleOptions {
  view: View;
  /** Real contacts (e.g. force-plate truth of a fixture clip); default: 30 s of synthetic running. */
  contacts?: Contact[];
  video?: AnalysisResult['video'];
}

/** Deterministic noise centred on 0 (−0.5..0.5) so every run draws the same report. */
function rng(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => uniform() - 0.5;
}

function syntheticContacts(durationSec: number): Contact[] {
  const noise = rng(7);
  const contacts: Contact[] = [];
  let t = 0.31;
  let side: Side = 'right';
  while (t < durationSec - 0.4) {
    const contactSec = (side === 'left' ? 0.262 : 0.244) + noise() * 0.018;
    contacts.push({ side, strikeSec: t, toeOffSec: t + contactSec });
    t += (side === 'left' ? 0.356 : 0.352) + noise() * 0.016;
    side = side === 'left' ? 'right' : 'left';
  }
  return contacts;
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const variance = (v: number[]) => {
  const m = mean(v);
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, v.length - 1);
};

function summarise(unit: string, left: number[], right: number[]): MetricSummary {
  const l = left.filter(Number.isFinite);
  const r = right.filter(Number.isFinite);
  if (l.length === 0 || r.length === 0) {
    return { unit, left: null, right: null, symmetryIndexPct: null, differenceCi95: null, perStep: { left, right } };
  }
  const ml = mean(l);
  const mr = mean(r);
  const se = Math.sqrt(variance(l) / l.length + variance(r) / r.length);
  return {
    unit,
    left: ml,
    right: mr,
    symmetryIndexPct: ((ml - mr) / (0.5 * (ml + mr))) * 100,
    differenceCi95: [ml - mr - 1.96 * se, ml - mr + 1.96 * se],
    perStep: { left, right },
  };
}

function kneeCurve(peakStance: number, peakSwing: number, shift: number): number[] {
  return Array.from({ length: 101 }, (_, i) => {
    const g = (mu: number, sd: number, a: number) => a * Math.exp(-((i - mu - shift) ** 2) / (2 * sd * sd));
    return 12 + g(14, 7, peakStance - 12) + g(68, 13, peakSwing - 12) + g(100, 6, 6) - g(38, 8, 6);
  });
}

export function makeSampleResult(opts: SampleOptions): AnalysisResult {
  const video = opts.video ?? { path: '/clinic/2026-11/runner_treadmill_side_60fps.mp4', fps: 59.94, durationSec: 30.03, width: 1920, height: 1080 };
  const contacts = opts.contacts ?? syntheticContacts(video.durationSec);
  const noise = rng(opts.view === 'side' ? 11 : 23);
  const steps: StepRow[] = contacts.map((c, i) => {
    const prev = contacts[i - 1];
    const next = contacts[i + 1];
    const side = opts.view === 'side';
    const hipBase = c.side === 'left' ? 4.3 : 7.6;
    return {
      side: c.side,
      strikeTimeSec: c.strikeSec,
      // The last stance of a clip often has no toe-off inside the clip.
      toeOffTimeSec: i === contacts.length - 1 ? null : c.toeOffSec,
      contactMs: i === contacts.length - 1 ? null : (c.toeOffSec - c.strikeSec) * 1000,
      flightMs: next && i !== contacts.length - 1 ? (next.strikeSec - c.toeOffSec) * 1000 : null,
      stepMs: prev && prev.side !== c.side ? (c.strikeSec - prev.strikeSec) * 1000 : null,
      kneeFlexionAtStrikeDeg: side ? (c.side === 'left' ? 17.8 : 13.1) + noise() * 4 : null,
      overstrideDeg: side ? (c.side === 'left' ? 6.1 : 7.0) + noise() * 2.5 : null,
      hipDropDeg: side ? null : hipBase + noise() * 2.2,
    };
  });
  const bySide = (side: Side, f: (s: StepRow) => number | null) => steps.filter((s) => s.side === side).map((s) => f(s) ?? Number.NaN);
  const metric = (unit: string, f: (s: StepRow) => number | null) => summarise(unit, bySide('left', f), bySide('right', f));
  const metrics: Partial<Record<MetricId, MetricSummary>> = {
    contactTimeMs: metric('ms', (s) => s.contactMs),
    flightTimeMs: metric('ms', (s) => s.flightMs),
    stepTimeMs: metric('ms', (s) => s.stepMs),
    dutyFactorPct: metric('%', (s) => (s.contactMs !== null && s.stepMs !== null ? (100 * s.contactMs) / (2 * s.stepMs) : null)),
    verticalOscillationPx: summarise('px', bySide('left', () => 41 + noise() * 4), bySide('right', () => 39.5 + noise() * 4)),
  };
  if (opts.view === 'side') {
    metrics.kneeFlexionAtStrikeDeg = metric('deg', (s) => s.kneeFlexionAtStrikeDeg);
    metrics.overstrideDeg = metric('deg', (s) => s.overstrideDeg);
  } else {
    metrics.hipDropDeg = metric('deg', (s) => s.hipDropDeg);
  }
  const events: GaitEvent[] = contacts.flatMap((c) => [
    { side: c.side, type: 'footStrike' as const, timeSec: c.strikeSec, frame: Math.round(c.strikeSec * video.fps) },
    { side: c.side, type: 'toeOff' as const, timeSec: c.toeOffSec, frame: Math.round(c.toeOffSec * video.fps) },
  ]);
  const strikes = contacts.map((c) => c.strikeSec);
  const cadenceSpm = (60 * (strikes.length - 1)) / ((strikes[strikes.length - 1] ?? 1) - (strikes[0] ?? 0));
  const ct = metrics.contactTimeMs as MetricSummary;
  const flags: Flag[] = [
    { id: 'contactTimeMs-asymmetry', metricId: 'contactTimeMs', level: 'watch', message: `Left ground contact is ${((ct.left ?? 0) - (ct.right ?? 0)).toFixed(0)} ms longer than right (95% interval ${ct.differenceCi95?.[0].toFixed(0)} to ${ct.differenceCi95?.[1].toFixed(0)} ms), a symmetry index of ${ct.symmetryIndexPct?.toFixed(1)}%.` },
    { id: 'stepTimeMs-asymmetry', metricId: 'stepTimeMs', level: 'normal', message: 'Step times of the two sides are within the usual range of each other.' },
    { id: 'flightTimeMs-asymmetry', metricId: 'flightTimeMs', level: 'normal', message: 'Flight times after each push-off are similar on both sides.' },
  ];
  if (opts.view === 'side') {
    flags.push({ id: 'kneeFlexionAtStrikeDeg-asymmetry', metricId: 'kneeFlexionAtStrikeDeg', level: 'marked', message: 'The right knee lands straighter than the left by about 5° (95% interval 4 to 6°), more than the 3–8° repeatability of 2D knee angles.' });
    flags.push({ id: 'overstrideDeg-asymmetry', metricId: 'overstrideDeg', level: 'watch', message: 'The right shank is inclined about 1° further forward at strike than the left.' });
  } else {
    flags.push({ id: 'hipDropDeg-asymmetry', metricId: 'hipDropDeg', level: 'marked', message: 'The pelvis drops more on the left (swing side) while standing on the right leg: 7.6° against 4.3°, above the 2.7–2.8° smallest detectable difference of 2D hip drop.' });
  }
  const hipTimes = Array.from({ length: Math.round(video.durationSec * 30) }, (_, i) => i / 30);
  return {
    schemaVersion: 1,
    video,
    view: opts.view,
    cadenceSpm,
    events,
    metrics,
    flags,
    quality: {
      framesWithPose: Math.round(video.durationSec * video.fps) - 14,
      framesTotal: Math.round(video.durationSec * video.fps),
      warnings: [
        'The runner’s feet leave the picture in 14 frames near the start; those steps were left out.',
        'The clip was filmed at 60 frames/s; 120 frames/s or more would halve the timing uncertainty of each step.',
      ],
    },
    verdict: [
      opts.view === 'side'
        ? 'The left foot stays on the ground a little longer than the right, and the right knee lands straighter.'
        : 'The pelvis drops noticeably more when standing on the right leg than on the left.',
      'Step rhythm is even between the two sides.',
    ],
    steps,
    facing: opts.view === 'side' ? 'imageRight' : 'awayFromCamera',
    curves:
      opts.view === 'side'
        ? { kneeAngleCycleDeg: { left: kneeCurve(44, 112, 0), right: kneeCurve(39, 106, 1.5) } }
        : { hipLineDeg: { timeSec: hipTimes, deg: hipTimes.map((t) => 6 * Math.sin(2 * Math.PI * t * (cadenceSpm / 120)) + 1.5) } },
    method: {
      poseModel: 'BlazePose full (TF.js WASM), 33 keypoints, long side 640 px',
      eventMethod: 'Foot strike and toe-off from heel and toe position relative to the pelvis (Zeni 2008), sub-frame interpolation',
      filters: 'Left/right swap repair, gaps up to 5 frames filled, Hampel outlier rejection, 8 Hz zero-phase Butterworth low-pass',
      intervalMethod: '95% interval of the left − right difference of means from the per-step values (Welch t)',
    },
    app: { name: 'Lopsided', version: '0.1.0' },
  };
}
