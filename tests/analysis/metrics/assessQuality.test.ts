import { describe, expect, it } from 'vitest';
import { assessQuality, type QualityInput } from '../../../src/analysis/assessQuality';
import { buildStepTimings } from '../../../src/analysis/stepTiming';
import type { PoseTrack } from '../../../src/analysis/types';
import { eventSeries, stillTrack } from './eventSeries';

const poseModel = (t: PoseTrack): PoseTrack => ({ ...t, source: { kind: 'pose-model', model: 'full', backend: 'wasm' } });

function input(over: Partial<QualityInput> = {}): QualityInput {
  return {
    rawTrack: stillTrack(12, 60), view: 'side', fps: 60,
    timings: buildStepTimings(eventSeries({ steps: 30, contactMs: { left: 250, right: 250 }, stepMs: 370 })),
    swappedFrames: 0, eventWarnings: [], hipDrop: null, ...over,
  };
}

describe('assessQuality', () => {
  it('passes a good clip without warnings', () => {
    const q = assessQuality(input());
    expect(q.warnings).toEqual([]);
    expect(q.refuseFlags).toBe(false);
    expect(q.framesWithPose).toBe(q.framesTotal);
  });

  it('refuses comparisons below 8 steps per side and warns on a low frame rate', () => {
    const q = assessQuality(input({ fps: 30, timings: buildStepTimings(eventSeries({ steps: 10, contactMs: { left: 250, right: 250 }, stepMs: 370 })) }));
    expect(q.refuseFlags).toBe(true);
    expect(q.warnings.join(' ')).toMatch(/Only 5 left and 5 right steps/);
    expect(q.warnings.join(' ')).toMatch(/30 fps: one frame is 33 ms/);
  });

  it('does not repeat what the event stage already said', () => {
    const q = assessQuality(input({ fps: 30, eventWarnings: ['The video has 30 frames per second: one frame is 33 ms.'] }));
    expect(q.warnings.filter((w) => /frames per second|fps: one frame/.test(w))).toEqual(['The video has 30 frames per second: one frame is 33 ms.']);
  });

  it('warns when a foot is out of the picture in many frames, with the edge', () => {
    const t = stillTrack(12, 60);
    t.keypoints.right_ankle = { ...t.keypoints.right_ankle!, y: t.keypoints.right_ankle!.y.map((v, i) => (i % 3 === 0 ? t.height + 40 : v)) };
    expect(assessQuality(input({ rawTrack: t })).warnings.join(' ')).toMatch(/The right foot is out of the picture \(past its bottom edge\) in 33% of frames/);
    expect(assessQuality(input({ rawTrack: stillTrack(12, 60) })).warnings.join(' ')).not.toMatch(/out of the picture/);
    const said = ['The right foot is out of the picture at foot strike (past its bottom edge), so its foot strikes cannot be timed from this clip.'];
    expect(assessQuality(input({ rawTrack: t, saidElsewhere: said })).warnings.join(' ')).not.toMatch(/out of the picture/);
  });

  it('says when the rhythm is slower than any running (a slow-motion clip played at normal speed)', () => {
    const slowed = buildStepTimings(eventSeries({ steps: 30, contactMs: { left: 500, right: 500 }, stepMs: 740 })); // 81 steps/min
    expect(assessQuality(input({ timings: slowed })).warnings.join(' ')).toMatch(/The steps come 81 times a minute, slower than any running.*slow-motion clip/);
    expect(assessQuality(input()).warnings.join(' ')).not.toMatch(/slower than any running/); // 162 steps/min
    // slowed eight times: steps of 2.96 s, each longer than any step (no step time is kept), the rhythm still read
    const eightfold = buildStepTimings(eventSeries({ steps: 30, contactMs: { left: 2000, right: 2000 }, stepMs: 2960 }));
    expect(eightfold.every((t) => t.stepMs === null)).toBe(true);
    expect(assessQuality(input({ timings: eightfold })).warnings.join(' ')).toMatch(/The steps come 20 times a minute/);
    // a few contacts far apart (most missed): nothing said about the rhythm
    const few = buildStepTimings(eventSeries({ steps: 5, contactMs: { left: 250, right: 250 }, stepMs: 2400 }));
    expect(assessQuality(input({ timings: few })).warnings.join(' ')).not.toMatch(/slower than any running/);
  });

  it('says once that the runner travels across the picture', () => {
    const t = stillTrack(12, 60);
    const travelling = (v: number, i: number): number => v + (i / t.timesSec.length) * 0.8 * t.width; // 80% of the width
    for (const name of ['left_hip', 'right_hip'] as const) t.keypoints[name] = { ...t.keypoints[name]!, x: t.keypoints[name]!.x.map(travelling) };
    const alone = assessQuality(input({ rawTrack: t }));
    expect(alone.warnings.filter((w) => /travel across|moves across/.test(w))).toEqual([expect.stringMatching(/hips travel across 7\d% of the frame width/)]);
    const said = 'The runner moves across the picture (overground running or a moving camera): events are made for treadmill video, so steps may be missed.';
    const both = assessQuality(input({ rawTrack: t, eventWarnings: [said] }));
    expect(both.warnings.filter((w) => /travel across|moves across/.test(w))).toEqual([said]);
  });

  it('withholds the foot-strike angle below 50 fps on a side view (the touchdown is timed only coarsely), unless the events were given', () => {
    const at30 = assessQuality(input({ fps: 30 }));
    expect(at30.withheld.footStrikeAngleDeg).toBe('all');
    expect(at30.suppressed.footStrikeAngleDeg).toMatch(/at 30 fps the foot strike is not timed closely enough/);
    expect(at30.warnings.join(' ')).toMatch(/Frame rate 30 fps: the foot-strike angle \(and with it rearfoot \/ midfoot \/ forefoot\) is not measured\..*Film at 60 fps or more/);
    expect(assessQuality(input({ fps: 60 })).withheld.footStrikeAngleDeg).toBeUndefined();
    expect(assessQuality(input({ fps: 30, eventsGiven: true })).withheld.footStrikeAngleDeg).toBeUndefined();
  });

  it('warns when a foot is missing in many frames', () => {
    const t = stillTrack(12, 60);
    t.keypoints.left_ankle = { ...t.keypoints.left_ankle!, x: t.keypoints.left_ankle!.x.map((v, i) => (i % 2 ? Number.NaN : v)) };
    expect(assessQuality(input({ rawTrack: t })).warnings.join(' ')).toMatch(/left foot is not seen in 50%/);
  });

  it('suppresses the hip-drop comparison for pose-model hips and for the mean-line reference', () => {
    const roll = { reference: 'meanPelvisLine' as const, offsetDeg: 3.5 };
    const q = assessQuality(input({ view: 'rear', rawTrack: poseModel(stillTrack(12, 60)), hipDrop: { source: 'hipKeypoints', roll, rightLowDeg: [] } }));
    expect(q.suppressed.hipDropDeg).toMatch(/under-report/);
    expect(q.warnings.join(' ')).toMatch(/tilted by 3\.5°/);
    const marks = assessQuality(input({ view: 'rear', hipDrop: { source: 'pelvisMarks', roll: { reference: 'horizon', offsetDeg: 0.5 }, rightLowDeg: [] } }));
    expect(marks.suppressed.hipDropDeg).toBeUndefined();
    // from behind, timing is never compared between sides (rear-view events are too coarse)
    expect(marks.warnings).toEqual([expect.stringMatching(/Film from the side to compare timing/)]);
    expect(marks.suppressed.contactTimeMs).toMatch(/from behind/);
    // nor measured at all, per side or per step: from behind the strikes (and with them the steps the bounce is split
    // into) are too coarse
    expect(marks.withheld.contactTimeMs).toBe('all');
    expect(marks.withheld.stepTimeMs).toBe('all');
    expect(marks.withheld.verticalOscillationPx).toBe('all');
    expect(marks.withheld.hipDropDeg).toBeUndefined();
    // a rear clip too short to flag anything still shows no per-side times from behind
    const short = assessQuality(input({ view: 'rear', timings: buildStepTimings(eventSeries({ steps: 6, contactMs: { left: 250, right: 250 }, stepMs: 370 })), hipDrop: { source: 'pelvisMarks', roll: { reference: 'horizon', offsetDeg: 0.5 }, rightLowDeg: [] } }));
    expect(short.refuseFlags).toBe(true);
    expect(short.withheld.contactTimeMs).toBe('all');
    // events given from outside (force plates, a corrected file) are exact from any camera
    const given = assessQuality(input({ view: 'rear', eventsGiven: true, hipDrop: { source: 'pelvisMarks', roll: { reference: 'horizon', offsetDeg: 0.5 }, rightLowDeg: [] } }));
    expect(given.suppressed.contactTimeMs).toBeUndefined();
    expect(given.withheld).toEqual({});
  });
});

describe('event plausibility gate', () => {
  it('suppresses timing comparisons when the feet have very different contact counts or implausible contacts', () => {
    const events = eventSeries({ steps: 30, contactMs: { left: 250, right: 250 }, stepMs: 370 });
    const lopsidedCounts = events.filter((e, i) => !(e.side === 'left' && i % 3 === 0));
    const q = assessQuality(input({ timings: buildStepTimings(lopsidedCounts) }));
    expect(q.suppressed.contactTimeMs).toMatch(/different numbers of detected contacts/);
    expect(q.refuseFlags).toBe(false);
    const short = assessQuality(input({ timings: buildStepTimings(eventSeries({ steps: 30, contactMs: { left: 100, right: 250 }, stepMs: 370 })) }));
    expect(short.suppressed.stepTimeMs).toMatch(/left foot's mean contact time of 100 ms is outside the running range/);
    expect(short.warnings.join(' ')).toMatch(/not compared/);
    // the comparison is withheld, the per-side means stay (a side view's events are only implausible here)
    expect(short.withheld.stepTimeMs).toBe('difference');
    expect(assessQuality(input()).suppressed).toEqual({});
    expect(assessQuality(input()).withheld).toEqual({});
  });
});
