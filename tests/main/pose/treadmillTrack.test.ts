// The real treadmill clip through the whole pool (2 workers, 2 chunks): coverage, frame times,
// and agreement with a third-party model (RTMPose, Halpe-26) published with the clip.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../../src/main/video/resolveFfmpeg';
import type { PoseTrack } from '../../../src/shared/contract';
import { median, realPoseTrack } from './realTrack';

const CLIP = 'fixtures/videos/treadmill_side_30fps.mp4';
const RTM = 'fixtures/videos/treadmill_side_30fps.rtmpose-halpe26.json';
const JOINTS = ['hip', 'knee', 'ankle'] as const;
const SIDES = ['left', 'right'] as const;

interface RtmTrack {
  keypoint_names: string[];
  frames: number[][][];
  timestamps: number[];
}

let track: PoseTrack;
const rtm = JSON.parse(readFileSync(RTM, 'utf8')) as RtmTrack;

beforeAll(async () => {
  track = (await realPoseTrack(CLIP, 'full')).track;
}, 600_000); // ~15 s on a quiet 2-core machine; generous because the CPU is shared

const score = (name: string, i: number) => track.keypoints[name]?.score[i] ?? NaN;

describe('treadmill_side_30fps through the pose pool', () => {
  it('has one pose frame per video frame, at ffprobe’s presentation times', async () => {
    const { ffprobe } = await resolveFfmpeg();
    const out = execFileSync(ffprobe.path, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', CLIP], { encoding: 'utf8' });
    const pts = out.split('\n').map((l) => l.replace(/,/g, '').trim()).filter(Boolean).map(Number);
    expect(pts).toHaveLength(360);
    expect(track.timesSec).toHaveLength(pts.length);
    track.timesSec.forEach((t, i) => {
      expect(Math.abs(t - ((pts[i] as number) - (pts[0] as number)))).toBeLessThan(1e-6);
      if (i > 0) expect(t).toBeGreaterThan(track.timesSec[i - 1] as number);
    });
    expect([track.width, track.height]).toEqual([720, 1280]);
  });

  it('finds hips, knees and ankles in at least 95% of frames', () => {
    // BlazePose's keypoint score is *visibility* (is the point unoccluded), not location confidence:
    // the far (right) leg hidden behind the console gets low visibility while its position is still
    // predicted (vs RTMPose: median 21 px for knee frames with score < 0.3, 12 px otherwise).
    // So "has the keypoint" = score ≥ 0.1 (the model has not given the joint up); the near (left)
    // leg and the hips must also be plainly visible (≥ 0.5).
    const n = track.timesSec.length;
    const frac = (pred: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(pred).length / n;
    const all = frac((i) => SIDES.every((s) => JOINTS.every((j) => score(`${s}_${j}`, i) >= 0.1)));
    const near = frac((i) => JOINTS.every((j) => score(`left_${j}`, i) >= 0.5) && score('right_hip', i) >= 0.5);
    console.log(`frames with all six leg keypoints (score >= 0.1): ${(100 * all).toFixed(1)}%; near leg + hips >= 0.5: ${(100 * near).toFixed(1)}%`);
    expect(all).toBeGreaterThanOrEqual(0.95);
    expect(near).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees with the third-party RTMPose track (median distance per joint)', () => {
    expect(rtm.frames).toHaveLength(track.timesSec.length);
    const rtmAt = (i: number, side: 'left' | 'right', joint: string) => {
      const k = rtm.keypoint_names.indexOf(`${side[0]}_${joint}`);
      return rtm.frames[i]?.[k] as number[];
    };
    // Scale: RTMPose's own median thigh length (hip–knee) in this clip, in pixels.
    const thighPx = median(rtm.frames.map((_, i) => Math.hypot(rtmAt(i, 'left', 'hip')[0]! - rtmAt(i, 'left', 'knee')[0]!, rtmAt(i, 'left', 'hip')[1]! - rtmAt(i, 'left', 'knee')[1]!)));
    const rows: string[] = [`thigh length (RTMPose, median) ${thighPx.toFixed(0)} px`, 'joint          same-label  best-of-swap  (px, median)'];
    for (const joint of JOINTS) {
      for (const side of SIDES) {
        const other = side === 'left' ? 'right' : 'left';
        const kp = track.keypoints[`${side}_${joint}`];
        const same: number[] = [];
        const best: number[] = [];
        track.timesSec.forEach((_, i) => {
          const x = kp?.x[i] ?? NaN;
          const y = kp?.y[i] ?? NaN;
          const a = rtmAt(i, side, joint);
          const b = rtmAt(i, other, joint);
          const dSame = Math.hypot(x - a[0]!, y - a[1]!);
          same.push(dSame);
          best.push(Math.min(dSame, Math.hypot(x - b[0]!, y - b[1]!)));
        });
        const mSame = median(same);
        const mBest = median(best);
        rows.push(`${`${side}_${joint}`.padEnd(14)} ${mSame.toFixed(1).padStart(10)}  ${mBest.toFixed(1).padStart(12)}`);
        // Bounds as fractions of the thigh: knees/ankles are the same anatomical points in both
        // skeletons (0.2 thigh ≈ 27 px allows two models' scatter); hip joint centres are defined
        // differently (Halpe marks a higher, more lateral point: ~20–30 px apart here), so 0.35.
        const bound = (joint === 'hip' ? 0.35 : 0.2) * thighPx;
        expect(mSame, `${side}_${joint} same-label median`).toBeLessThan(bound);
        expect(mBest).toBeLessThanOrEqual(mSame);
      }
    }
    console.log(rows.join('\n'));
  });
});
