// The side-view pose tracks whose video is in the fixtures (every eye-marked clip's BlazePose tracks, the demo's
// RTMPose track, the demo mirrored, the rendered clips from the runner's right and left), each with the foot regions'
// image motion measured from that video (src/main/footMotion), as the pipeline measures it. The measurement decodes
// the clip once per case; it is cached per run of the script.
import { existsSync } from 'node:fs';
import type { PoseTrack } from '../../src/analysis/types';
import { runFootMotion } from '../../src/main/footMotion/runFootMotion';
import { footMotionLongSide } from '../../src/main/footMotion/trackFootMotion';
import { decodeFrames } from '../../src/main/video/decodeFrames';
import { probeVideo } from '../../src/main/video/probeVideo';
import { MIRRORED_DEMO_TRIAL, mirroredDemoTrack, mirroredDemoVideo, mirroredEyeTruth } from './mirroredDemo';
import { DEMO_STEM, eyeMarkedClips, loadCsvTrack, loadEyeTruth, loadRenderedTruth, loadRtmposeTrack, renderedClips, storedPoseTrack, type TruthEvent } from './truthLoaders';

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
    for (const clip of eyeMarkedClips()) {
      const p = storedPoseTrack(clip.stem, model);
      if (p) out.push({ source: `bp-${model}`, clip: clip.trial, fps: clip.fps, video: clip.video, track: () => loadCsvTrack(p), truth: () => loadEyeTruth(clip.stem).events });
    }
    for (const clip of renderedClips().filter((c) => c.view !== 'rear')) {
      const p = storedPoseTrack(clip.name, model);
      if (!p) continue;
      out.push({ source: `bp-${model}`, clip: clip.name, fps: clip.fps, video: clip.video, track: () => loadCsvTrack(p), truth: () => loadRenderedTruth(clip) });
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
  const demo = eyeMarkedClips().find((c) => c.stem === DEMO_STEM);
  if (demo) out.push({ source: 'rtmpose', clip: demo.trial, fps: demo.fps, video: demo.video, track: loadRtmposeTrack, truth: () => loadEyeTruth(DEMO_STEM).events });
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
