import { describe, expect, it } from 'vitest';
import { findUndecodedFrames, undecodedFramesWarning, withLostFrames } from '../../../src/main/pipeline/undecodedFrames';
import type { PoseTrack } from '../../../src/shared/contract';

const at30 = (n: number) => Array.from({ length: n }, (_, i) => Number((i / 30).toFixed(6)));

describe('findUndecodedFrames', () => {
  it('finds nothing when every packet has its frame', () => {
    const t = at30(90);
    expect(findUndecodedFrames(t, t)).toEqual({ count: 0, timesSec: [], ranges: [] });
    expect(undecodedFramesWarning({ count: 0, timesSec: [], ranges: [] }, 90)).toBeNull();
  });

  it('counts lost frames and groups them into stretches', () => {
    const packets = at30(300);
    const decoded = packets.filter((_, i) => !(i >= 60 && i < 75) && i !== 200 && i < 290);
    const lost = findUndecodedFrames(packets, decoded);
    expect(lost.count).toBe(15 + 1 + 10);
    expect(lost.ranges).toEqual([[2, 74 / 30], [200 / 30, 200 / 30], [290 / 30, 299 / 30]].map(([a, b]) => [Number(a!.toFixed(6)), Number(b!.toFixed(6))]));
    const w = undecodedFramesWarning(lost, 300);
    expect(w).toBe('26 frames of 300 (8.7%) could not be decoded and were left out, at 2.00–2.47 s, 6.67 s, 9.67–9.97 s: events there are missing or interpolated. Re-export or re-record the clip if that matters.');
  });

  it('tolerates sub-millisecond differences between packet and frame times', () => {
    const packets = at30(30);
    const decoded = packets.map((t) => t + 2e-4);
    expect(findUndecodedFrames(packets, decoded).count).toBe(0);
  });

  it('puts a no-pose row at every lost frame, so the analysis sees the hole instead of bridging it', () => {
    const packets = at30(10);
    const decoded = packets.filter((_, i) => i < 3 || i > 6);
    const track: PoseTrack = {
      timesSec: decoded, width: 10, height: 10, source: { kind: 'csv', name: 't' },
      keypoints: { left_hip: { x: decoded.map((_, i) => i), y: decoded.map(() => 1), score: decoded.map(() => 0.9) } },
    };
    const full = withLostFrames(track, findUndecodedFrames(packets, decoded));
    expect(full.timesSec).toEqual(packets);
    expect(full.keypoints.left_hip!.x.map((v) => (Number.isNaN(v) ? null : v))).toEqual([0, 1, 2, null, null, null, null, 3, 4, 5]);
    expect(full.keypoints.left_hip!.score.filter(Number.isNaN)).toHaveLength(4);
    expect(withLostFrames(track, findUndecodedFrames(decoded, decoded))).toBe(track);
  });
});
