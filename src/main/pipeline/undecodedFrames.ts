// Frames the decoder could not read (issue 15, "decoding tells the truth"): the container lists a packet for every
// frame; a frame whose packet time has no decoded frame in the pose track was lost (a corrupt stretch, a decoder
// that gave up). They are counted and said, with where they are, instead of the track silently closing the gap.
import type { PoseTrack } from '../../shared/contract';
import { medianInterval } from '../video/frameIndex';

export interface UndecodedFrames {
  count: number;
  /** Packet time of every lost frame (seconds from the first frame), in order. */
  timesSec: number[];
  /** Time ranges (seconds from the first frame) of consecutive lost frames, in order. */
  ranges: Array<[number, number]>;
}

/** Packet times (seconds from the first frame, sorted) against the track's frame times (same clock). */
export function findUndecodedFrames(packetTimes: readonly number[], trackTimes: readonly number[]): UndecodedFrames {
  const tol = Math.max(1e-5, Math.min(1e-3, 0.25 * medianInterval(packetTimes)));
  const ranges: Array<[number, number]> = [];
  const timesSec: number[] = [];
  let count = 0;
  let j = 0;
  let openRange: [number, number] | null = null;
  for (const t of packetTimes) {
    while (j < trackTimes.length && (trackTimes[j] as number) < t - tol) j++;
    const decoded = j < trackTimes.length && Math.abs((trackTimes[j] as number) - t) <= tol;
    if (decoded) {
      openRange = null;
      continue;
    }
    count++;
    timesSec.push(t);
    if (openRange === null) {
      openRange = [t, t];
      ranges.push(openRange);
    } else {
      openRange[1] = t;
    }
  }
  return { count, timesSec, ranges };
}

/**
 * The track with a row of NaN (no pose) at every lost frame's time. Without them the frames on either side of a hole
 * sit next to each other and the filters and event rules bridge it as if no time had passed; with them the
 * analysis sees the gap (short ones are filled, long ones break the steps there, and too few steps are refused).
 */
export function withLostFrames(track: PoseTrack, lost: UndecodedFrames): PoseTrack {
  if (lost.timesSec.length === 0) return track;
  const times: number[] = [];
  const rows: number[] = []; // index into the track, or -1 for a lost frame
  let j = 0;
  for (const t of lost.timesSec) {
    while (j < track.timesSec.length && (track.timesSec[j] as number) < t) { times.push(track.timesSec[j] as number); rows.push(j); j++; }
    times.push(t);
    rows.push(-1);
  }
  while (j < track.timesSec.length) { times.push(track.timesSec[j] as number); rows.push(j); j++; }
  const pick = (v: readonly number[]): number[] => rows.map((r) => (r < 0 ? Number.NaN : (v[r] as number)));
  const keypoints: PoseTrack['keypoints'] = {};
  for (const [name, kp] of Object.entries(track.keypoints)) keypoints[name] = { x: pick(kp.x), y: pick(kp.y), score: pick(kp.score) };
  return { ...track, timesSec: times, keypoints };
}

/** The quality warning, or null when every frame was decoded. At most five ranges are listed. */
export function undecodedFramesWarning(lost: UndecodedFrames, totalFrames: number): string | null {
  if (lost.count === 0) return null;
  const pct = (100 * lost.count) / Math.max(1, totalFrames);
  const fmt = ([a, b]: [number, number]) => (b - a < 0.005 ? `${a.toFixed(2)} s` : `${a.toFixed(2)}–${b.toFixed(2)} s`);
  const shown = lost.ranges.slice(0, 5).map(fmt).join(', ');
  const more = lost.ranges.length > 5 ? ` and ${lost.ranges.length - 5} more stretches` : '';
  const frames = lost.count === 1 ? '1 frame' : `${lost.count} frames`;
  return `${frames} of ${totalFrames} (${pct < 0.1 ? '<0.1' : pct.toFixed(1)}%) could not be decoded and were left out, at ${shown}${more}: events there are missing or interpolated. Re-export or re-record the clip if that matters.`;
}
