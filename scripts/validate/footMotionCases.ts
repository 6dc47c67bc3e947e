// The side-view pose tracks whose video is in the fixtures (the demo clip's BlazePose and RTMPose tracks, the demo
// clip mirrored,
// rendered RBDS008 clips from the runner's right and left), each with the foot regions' image motion measured from that video (src/main/footMotion),
// as the pipeline measures it. The measurement decodes the clip once per case; it is cached per run of the script.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PoseTrack } from '../../src/analysis/types';
import { runFootMotion } from '../../src/main/footMotion/runFootMotion';
import { footMotionLongSide } from '../../src/main/footMotion/trackFootMotion';
import { decodeFrames } from '../../src/main/video/decodeFrames';
import { probeVideo } from '../../src/main/video/probeVideo';
import { MIRRORED_DEMO_TRIAL, mirroredDemoTrack, mirroredDemoVideo, mirroredEyeTruth } from './mirroredDemo';
import { FIXTURES, loadCsvTrack, loadRbdsTruth, loadRtmposeTrack, loadTreadmillEyeTruth, posetrackPath, SYNTHETIC_T0_SEC, type TruthEvent } from './truthLoaders';

export interface PixelCase {
  source: string;
  clip: string;
  fps: number;
  /** The clip; with `makeVideo`, the path that makes it (a clip derived from a fixture, not stored). */
  video: string;
  makeVideo?: () => Promise<string>;
  track: () => PoseTrack;
  truth: () => TruthEvent[];
}

export function pixelCases(): PixelCase[] {
  const out: PixelCase[] = [];
  for (const model of ['heavy', 'full']) {
    const demo = posetrackPath(`treadmill_side_30fps.blazepose-${model}.csv`);
    if (existsSync(demo)) {
      out.push({ source: `bp-${model}`, clip: 'treadmill_side', fps: 30, video: join(FIXTURES, 'videos', 'treadmill_side_30fps.mp4'),
        track: () => loadCsvTrack(demo), truth: () => loadTreadmillEyeTruth().events });
    }
    for (const view of ['side', 'left']) {
      const p = posetrackPath(`RBDS008_T35_${view}.blazepose-${model}.csv`);
      if (!existsSync(p)) continue;
      out.push({ source: `bp-${model}`, clip: `RBDS008_T35_${view}`, fps: 60, video: join(FIXTURES, 'synthetic', `RBDS008_T35_${view}.mp4`),
        track: () => loadCsvTrack(p), truth: () => loadRbdsTruth('RBDS008_T35', SYNTHETIC_T0_SEC) });
    }
  }
  // the demo mirrored: camera at the runner's right, runner facing image-right (mirroredDemo.ts)
  for (const model of ['heavy', 'full']) {
    const mirrored = mirroredDemoTrack(model);
    if (!existsSync(mirrored)) continue;
    out.push({ source: `bp-${model}`, clip: MIRRORED_DEMO_TRIAL, fps: 30, video: '', makeVideo: mirroredDemoVideo,
      track: () => loadCsvTrack(mirrored), truth: mirroredEyeTruth });
  }
  // a third, independent pose model of the demo clip (RTMPose, Halpe-26; truthLoaders.ts)
  out.push({ source: 'rtmpose', clip: 'treadmill_side', fps: 30, video: join(FIXTURES, 'videos', 'treadmill_side_30fps.mp4'),
    track: loadRtmposeTrack, truth: () => loadTreadmillEyeTruth().events });
  return out.filter((c) => c.makeVideo || existsSync(c.video));
}

const cache = new Map<string, PoseTrack>();

/** The case's pose track with `footMotion` measured from its video, as analyseVideo adds it. */
export async function trackWithFootMotion(c: PixelCase): Promise<PoseTrack> {
  const key = `${c.source} ${c.clip}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const track = c.track();
  const info = await probeVideo(c.makeVideo ? await c.makeVideo() : c.video);
  const times = track.timesSec;
  const dt = times.length > 1 ? ((times[times.length - 1] as number) - (times[0] as number)) / (times.length - 1) : 1;
  const frames = decodeFrames(info, { longSide: footMotionLongSide(info, track), startSec: Math.max(0, (times[0] ?? 0) - dt / 2), endSec: (times[times.length - 1] ?? 0) + dt / 2 });
  const withMotion = { ...track, footMotion: await runFootMotion({ frames, track }) };
  cache.set(key, withMotion);
  return withMotion;
}
