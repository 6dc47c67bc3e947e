// Both sides of one run, one verdict (src/analysis/mergeSession.ts), on the rendered RBDS008_T35 run's exact joint
// centres filmed from the runner's right (`side`), left and behind, against the force plate.
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { assignRoles, mergeSession, SessionError } from '../../src/analysis/mergeSession';
import type { AnalysisResult, PoseTrack } from '../../src/analysis/types';
import { mirroredDemoTrack } from '../../scripts/validate/mirroredDemo';
import { loadCsvTrack, loadSyntheticJointTruth, ownRenderedClip, posetrackPath } from '../../scripts/validate/truthLoaders';
import { sessionTruth } from '../../scripts/validate/session';

const analyse = (t: PoseTrack, horizonDeg?: number): AnalysisResult => analyseTrack(t, { view: 'auto', ...(horizonDeg !== undefined ? { horizonDeg } : {}) },
  { path: 'clip', fps: 60, durationSec: 10, width: t.width, height: t.height });
const right = analyse(loadSyntheticJointTruth(ownRenderedClip('side')));
const left = analyse(loadSyntheticJointTruth(ownRenderedClip('left')));

describe('mergeSession', () => {
  it('reads which side each clip filmed from the clip itself, and says why', () => {
    const rear = analyse(loadSyntheticJointTruth(ownRenderedClip('rear')), 0);
    const roles = assignRoles([{ name: 'a.mp4', result: right }, { name: 'b.mp4', result: left }, { name: 'c.mp4', result: rear }]);
    expect(roles.map((r) => r.role)).toEqual(['rightSide', 'leftSide', 'rear']);
    expect(roles[1]?.why).toBe("the runner faces image-left, so the camera stood at the runner's left and the left leg is the near one");
  });

  it('refuses two clips of the same side, naming both', () => {
    expect(() => assignRoles([{ name: 'a.mp4', result: right }, { name: 'b.mp4', result: right }])).toThrow(SessionError);
    expect(() => assignRoles([{ name: 'a.mp4', result: right }, { name: 'b.mp4', result: right }])).toThrow(/^a\.mp4 and b\.mp4 both film the runner's right side/);
  });

  it("takes each side's per-step values from the clip where that side was near", () => {
    const s = mergeSession([{ name: 'left.mp4', result: left }, { name: 'right.mp4', result: right }]);
    expect(s.metrics.contactTimeMs?.perStep.left).toEqual(left.metrics.contactTimeMs?.perStep.left);
    expect(s.metrics.contactTimeMs?.perStep.right).toEqual(right.metrics.contactTimeMs?.perStep.right);
    expect(s.metrics.kneeFlexionAtStrikeDeg?.perStep.left).toEqual(left.metrics.kneeFlexionAtStrikeDeg?.perStep.left);
    expect(s.steps?.filter((x) => x.side === 'left')).toEqual(left.steps?.filter((x) => x.side === 'left'));
    expect(s.verdict?.[0]).toBe('Session of 2 clips. Each side is measured in the clip where it was the near one.');
    expect(s.session.clips.map((c) => c.role)).toEqual(['leftSide', 'rightSide']);
    // each leg is already the near one: an unclear result asks for more steps or frames, not for the other side's clip
    for (const f of s.flags.filter((x) => x.level === 'unclear')) {
      expect(f.message).toMatch(/these clips cannot tell/);
      expect(f.message).not.toMatch(/other side/);
    }
  });

  it('holds the force plate\'s left − right difference inside every timing interval, and raises no watch/marked on this symmetric runner\'s timing', () => {
    const s = mergeSession([{ name: 'left.mp4', result: left }, { name: 'right.mp4', result: right }]);
    const truth = sessionTruth();
    for (const id of ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct'] as const) {
      const ci = s.metrics[id]?.differenceCi95 as [number, number];
      expect(ci[0], id).toBeLessThan(truth[id] as number);
      expect(ci[1], id).toBeGreaterThan(truth[id] as number);
      expect(['normal', 'unclear']).toContain(s.flags.find((f) => f.metricId === id)?.level);
    }
  });

  it('widens the interval by the difference between the recordings (a second clip of a slower run)', () => {
    const t = loadSyntheticJointTruth(ownRenderedClip('left'));
    // the same motion played 4% slower: every duration of that clip 4% longer
    const slow = analyse({ ...t, timesSec: t.timesSec.map((x) => x * 1.04) });
    const same = mergeSession([{ name: 'left.mp4', result: left }, { name: 'right.mp4', result: right }]).metrics.contactTimeMs!;
    const wide = mergeSession([{ name: 'left.mp4', result: slow }, { name: 'right.mp4', result: right }]);
    const w = wide.metrics.contactTimeMs!;
    const between = wide.session.betweenClips.contactTimeMs as number;
    expect(between).toBeGreaterThan(5); // ~4% of a 250 ms contact
    expect((w.differenceCi95![1] - w.differenceCi95![0]) - (same.differenceCi95![1] - same.differenceCi95![0])).toBeGreaterThan(1.5 * between);
  });

  it('with one side clip and a rear clip: hip drop from behind, and it says only one side was filmed', () => {
    const rear = analyse(loadSyntheticJointTruth(ownRenderedClip('rear')), 0);
    const s = mergeSession([{ name: 'right.mp4', result: right }, { name: 'rear.mp4', result: rear }]);
    expect(s.metrics.hipDropDeg).toEqual(rear.metrics.hipDropDeg);
    expect(s.metrics.contactTimeMs).toEqual(right.metrics.contactTimeMs);
    expect(s.verdict?.[0]).toMatch(/Only one side was filmed/);
    // how hip drop was read comes from the clip it was read in
    expect(s.method?.hipDropDeg).toBe(rear.method?.hipDropDeg);
    expect(s.method?.kneeFlexionAtStrikeDeg).toBe(right.method?.kneeFlexionAtStrikeDeg);
  });

  it.each(['heavy', 'full'])('a session of the demo clip and the same clip mirrored (BlazePose %s): left − right is 0 by construction, and every interval holds it', (model) => {
    // Mirrored, the demo's near LEFT leg is read as a near RIGHT leg: the session compares one leg, in the same frames,
    // read by the pose model twice. Every true difference is 0; whatever the model does differently in the mirror
    // image is the model's error, and the intervals must carry it (arm swing: sideViewMeasures ARM_POSE_BIAS_DEG).
    const at30 = (t: PoseTrack): AnalysisResult => analyseTrack(t, { view: 'auto' }, { path: 'clip', fps: 30, durationSec: 12, width: t.width, height: t.height });
    const demo = at30(loadCsvTrack(posetrackPath(`treadmill_side_30fps.blazepose-${model}.csv`)));
    const mirrored = at30(loadCsvTrack(mirroredDemoTrack(model)));
    const s = mergeSession([{ name: 'demo.mp4', result: demo }, { name: 'mirrored.mp4', result: mirrored }]);
    expect(s.session.clips.map((c) => c.role)).toEqual(['leftSide', 'rightSide']);
    let intervals = 0;
    for (const [id, m] of Object.entries(s.metrics)) {
      if (!m?.differenceCi95) continue;
      intervals++;
      expect(m.differenceCi95[0], id).toBeLessThanOrEqual(0);
      expect(m.differenceCi95[1], id).toBeGreaterThanOrEqual(0);
    }
    expect(intervals).toBeGreaterThanOrEqual(model === 'heavy' ? 11 : 7);
    expect(s.metrics.armSwingDeg?.differenceCi95).not.toBeNull();
    expect(s.flags.filter((f) => f.level === 'watch' || f.level === 'marked')).toEqual([]);
    // at 30 fps neither clip measures the foot-strike angle, so the session does not either: no numbers anywhere
    for (const r of [demo, mirrored, s]) {
      expect(r.metrics.footStrikeAngleDeg).toMatchObject({ left: null, right: null, differenceCi95: null, perStep: { left: [], right: [] } });
      expect(r.steps?.every((x) => x.footStrikeAngleDeg === null)).toBe(true);
    }
    expect(s.flags.find((f) => f.metricId === 'footStrikeAngleDeg')).toBeUndefined();
    expect(s.method?.footStrikeAngleDeg).toBe('Not measured: at 30 fps the foot strike is not timed closely enough for the foot\'s angle.');
  });

  it("says how each side's angles were read in its own clip: the left clip's vertical is not the right clip's", () => {
    const t = loadSyntheticJointTruth(ownRenderedClip('left'));
    // the left clip's camera rolled: its scene shows the vertical 3° off the image's
    const rolled = analyse({ ...t, sceneVertical: { tiltDeg: 3, lines: 4, scatterDeg: 0.4 } });
    const rear = analyse(loadSyntheticJointTruth(ownRenderedClip('rear')), 0);
    const s = mergeSession([{ name: 'left.mp4', result: rolled }, { name: 'right.mp4', result: right }, { name: 'rear.mp4', result: rear }]);
    expect(rolled.method?.trunkLeanDeg).not.toBe(right.method?.trunkLeanDeg);
    expect(s.method?.trunkLeanDeg).toBe(`left.mp4 (from the left): ${rolled.method?.trunkLeanDeg}\nright.mp4 (from the right): ${right.method?.trunkLeanDeg}`);
    // a text both side clips share is said once
    expect(s.method?.kneeFlexionAtStrikeDeg).toBe(right.method?.kneeFlexionAtStrikeDeg);
    expect(s.method?.hipDropDeg).toBe(rear.method?.hipDropDeg);
    expect(s.method?.timing).toBeUndefined();
    expect(s.method?.session).toMatch(/^left\.mp4: the left side/);
  });
});
