// One physical definition for both feet (issue 11 part 4) means no rule may care which way the runner faces or which
// side the camera stands on. A side track mirrored in x with its left/right labels swapped is the same run filmed
// from the other side of a runner whose legs are swapped: every event, metric and level must come back with its side
// swapped, and nothing else may change. (The demo clip mirrored in x, run through BlazePose, is the real-video form of
// this check: the camera at the runner's right and the runner facing image-right; scripts/validate runs it.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../src/analysis/keypointCsv';
import type { AnalysisResult, MetricId, PoseTrack, Side } from '../../src/analysis/types';

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** x → width − x, and every `left_*` keypoint renamed `right_*` and back. */
function mirrorTrack(track: PoseTrack): PoseTrack {
  const keypoints: PoseTrack['keypoints'] = {};
  for (const [name, kp] of Object.entries(track.keypoints)) {
    const renamed = name.startsWith('left_') ? `right_${name.slice(5)}` : name.startsWith('right_') ? `left_${name.slice(6)}` : name;
    keypoints[renamed] = { ...kp, x: kp.x.map((x) => (Number.isFinite(x) ? track.width - x : x)) };
  }
  return { ...track, keypoints };
}

const load = (path: string, name: string, size?: { width: number; height: number }): PoseTrack =>
  parseKeypointCsv(readFileSync(path, 'utf8'), size ? { name, ...size } : { name });

const meta = (t: PoseTrack, fps: number) => ({ path: 'clip', fps, durationSec: (t.timesSec.at(-1) as number) - (t.timesSec[0] as number), width: t.width, height: t.height });

function expectMirrored(a: AnalysisResult, b: AnalysisResult): void {
  expect(b.view).toBe(a.view);
  const eventsA = a.events.map((e) => `${e.side} ${e.type} ${e.timeSec.toFixed(6)}`).sort();
  const eventsB = b.events.map((e) => `${other(e.side)} ${e.type} ${e.timeSec.toFixed(6)}`).sort();
  expect(eventsB).toEqual(eventsA);
  expect(b.cadenceSpm).toBeCloseTo(a.cadenceSpm as number, 6);
  for (const [id, m] of Object.entries(a.metrics) as [MetricId, NonNullable<AnalysisResult['metrics'][MetricId]>][]) {
    const n = b.metrics[id];
    expect(n, id).toBeDefined();
    for (const side of ['left', 'right'] as const) {
      const va = m[side];
      const vb = n?.[other(side)];
      if (va === null || va === undefined) expect(vb ?? null, `${id} ${side}`).toBeNull();
      else expect(vb as number, `${id} ${side}`).toBeCloseTo(va, 6);
    }
    // left − right changes sign; its interval turns over
    if (m.differenceCi95) {
      const [lo, hi] = n?.differenceCi95 as [number, number];
      expect(lo, id).toBeCloseTo(-m.differenceCi95[1], 6);
      expect(hi, id).toBeCloseTo(-m.differenceCi95[0], 6);
    } else {
      expect(n?.differenceCi95 ?? null, id).toBeNull();
    }
  }
  const flags = (r: AnalysisResult) => r.flags.map((f) => `${f.metricId} ${f.level}`).sort();
  expect(flags(b)).toEqual(flags(a));
}

describe('mirror symmetry: the other side of the camera gives the same run with its sides swapped', () => {
  it.each([
    ['RBDS002_T45', 'side', 60],
    ['RBDS008_T35', 'side', 120],
    ['RBDS001_T25', 'rear', 60],
  ] as const)('%s %s %i fps (exact joint centres)', (trial, view, fps) => {
    const track = load(`fixtures/rbds/${trial}/keypoints_${view}_${fps}fps.csv`, trial, { width: 1920, height: 1080 });
    const a = analyseTrack(track, { view }, meta(track, fps));
    const b = analyseTrack(mirrorTrack(track), { view }, meta(track, fps));
    expect(a.events.length).toBeGreaterThan(40);
    if (view === 'side') expect(b.facing).not.toBe(a.facing);
    expectMirrored(a, b);
  });

  it('the demo clip\'s BlazePose heavy track (real pose-model noise, leg swaps, a hidden far foot)', () => {
    const track = load('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'demo');
    const a = analyseTrack(track, { view: 'auto' }, meta(track, 30));
    const b = analyseTrack(mirrorTrack(track), { view: 'auto' }, meta(track, 30));
    expect(a.facing).toBe('imageLeft');
    expect(b.facing).toBe('imageRight');
    expectMirrored(a, b);
  });
});
