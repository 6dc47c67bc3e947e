// The demo clip mirrored in x: the camera at the runner's RIGHT and the runner facing image-RIGHT, the other way round
// from the demo itself (camera at the left, facing left). The real clips users bring come both ways, and a pose model
// is not mirror-symmetric (BlazePose heavy scores the far knee at the far foot's strikes 0.03–0.25 on the demo and
// 0.55–0.98 on the same frames mirrored), so the analysis is checked on both. Truth: the demo's eye marks with their
// sides swapped (mirroring moves no frame in time). The stored track is BlazePose heavy on the clip that
// `mirroredDemoVideo` makes (fixtures/posetracks/README.md); the video is made afresh for the pixels.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filteredClip } from './filteredClip';
import { FIXTURES, loadTreadmillEyeTruth, posetrackPath, type TruthEvent } from './truthLoaders';

export const MIRRORED_DEMO_TRIAL = 'treadmill_side_mirrored';

export function mirroredDemoTrack(model: string): string {
  return posetrackPath(`treadmill_side_30fps.mirrored.blazepose-${model}.csv`);
}

/** The demo's eye marks with left and right swapped. */
export function mirroredEyeTruth(): TruthEvent[] {
  return loadTreadmillEyeTruth().events.map((e) => ({ ...e, side: e.side === 'left' ? 'right' : 'left' }));
}

let made: Promise<string> | null = null;

/** The mirrored demo clip, made once per run (ffmpeg hflip, x264 CRF 16: the settings its stored track was made from). */
export function mirroredDemoVideo(): Promise<string> {
  made ??= filteredClip(join(FIXTURES, 'videos', 'treadmill_side_30fps.mp4'),
    join(mkdtempSync(join(tmpdir(), 'lopsided-mirror-')), 'treadmill_side_30fps.mirrored.mp4'), 'hflip', { crf: 16, extra: ['-an'] });
  return made;
}
