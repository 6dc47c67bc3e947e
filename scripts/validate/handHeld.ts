// A hand-held phone (src/analysis/steadyCamera.ts): every rendered side clip and every eye-marked clip shaken as a
// hand holds a phone (ffmpeg `rotate` and `crop`: the picture sways by up to ~30 px at 0.7–7 Hz and rolls ±0.6°),
// its pose track made through the real pipeline (`lopsided keypoints`, BlazePose heavy, the side view's model), and
// each foot's mean strike and toe-off error against the truth printed three ways: the stored track of the still clip,
// the shaken clip's track with its camera motion taken out (as the app analyses it), and the same track without it.
// Also the camera's speed read on the shaken clip (tripod clips read 0.001–0.014 leg lengths per second: README).
// Run: `npx tsx scripts/validate/handHeld.ts` (about 3 minutes on two cores).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { cameraShake } from '../../src/analysis/steadyCamera';
import type { PoseTrack } from '../../src/analysis/types';
import { filteredClip } from './filteredClip';
import { matchEvents, meanOf } from './matchEvents';
import { eyeMarkedClips, loadCsvTrack, loadEyeTruth, loadRenderedTruth, renderedClips, storedPoseTrack, type TruthEvent } from './truthLoaders';

const CLI = [join(import.meta.dirname, '..', '..', 'bin', 'lopsided.mjs'), join(import.meta.dirname, '..', 'bin', 'lopsided.mjs')]
  .find((p) => existsSync(p)) ?? 'bin/lopsided.mjs';

/** The hand: slow sway, a faster wobble and a tremor across and up and down, and a little roll (README "Accuracy"). */
const SWAY_X = '20+9*sin(2*PI*0.7*t)+4*sin(2*PI*2.3*t+1)+1.5*sin(2*PI*6.1*t+2)';
const SWAY_Y = '20+7*sin(2*PI*0.9*t+0.5)+4*sin(2*PI*1.9*t+2)+1.5*sin(2*PI*7.3*t)';
const ROLL = '0.010*sin(2*PI*0.8*t)+0.004*sin(2*PI*3.1*t+1)';

interface Clip { name: string; video: string; truth: () => TruthEvent[] }

function clips(): Clip[] {
  return [
    ...renderedClips().filter((c) => c.view !== 'rear').map((c) => ({ name: c.name, video: c.video, truth: () => loadRenderedTruth(c) })),
    ...eyeMarkedClips().map((c) => ({ name: c.stem, video: c.video, truth: () => loadEyeTruth(c.stem).events })),
  ];
}

const f = (v: number, w = 6): string => (Number.isFinite(v) ? v.toFixed(1) : '-').padStart(w);

/** Each foot's mean strike and toe-off error (ms), L-FS L-TO R-FS R-TO. */
function biases(track: PoseTrack, truth: TruthEvent[]): string {
  const m = matchEvents(findGaitEvents(track, { view: 'side' }).events, truth);
  return (['left', 'right'] as const).flatMap((side) => (['footStrike', 'toeOff'] as const).map((type) => f(1000 * meanOf(m.errorsBySideSec[side][type])))).join(' ');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lopsided-hand-held-'));
  try {
    console.log('Hand-held phone: each foot\'s mean error (ms) against the truth, left strike / toe-off, right strike / toe-off; camera speed in leg lengths per second.');
    console.log(`${'clip'.padEnd(24)} ${'track'.padEnd(30)}  L-FS   L-TO   R-FS   R-TO  camera`);
    for (const clip of clips()) {
      const stored = storedPoseTrack(clip.name, 'heavy');
      const truth = clip.truth();
      const shakenVideo = await filteredClip(clip.video, join(dir, `${clip.name}.shaken.mp4`),
        `rotate='${ROLL}':fillcolor=black,crop=iw-40:ih-40:'${SWAY_X}':'${SWAY_Y}'`, { crf: 18, extra: ['-pix_fmt', 'yuv420p', '-an'] });
      const csv = join(dir, `${clip.name}.shaken.csv`);
      const r = spawnSync(process.execPath, [CLI, 'keypoints', shakenVideo, '--out', csv, '--model', 'heavy', '--quiet'], { stdio: 'inherit' });
      if (r.status !== 0) { console.log(`${clip.name}: lopsided keypoints failed (exit ${r.status ?? r.signal})`); continue; }
      const shaken = loadCsvTrack(csv);
      const speed = (t: PoseTrack): string => {
        const s = cameraShake(t);
        return s ? `${s.speedLegPerSec.toFixed(3)} (read on ${(100 * s.measuredShare).toFixed(0)}% of frame pairs)` : 'not read';
      };
      if (stored) console.log(`${clip.name.padEnd(24)} ${'still (stored track)'.padEnd(30)} ${biases(loadCsvTrack(stored), truth)}`);
      console.log(`${clip.name.padEnd(24)} ${'shaken, camera taken out'.padEnd(30)} ${biases(shaken, truth)}  ${speed(shaken)}`);
      const { camera: _c, ...feetOnly } = shaken.footMotion ?? { left: undefined, right: undefined };
      const unsteadied = shaken.footMotion ? { ...shaken, footMotion: feetOnly as NonNullable<PoseTrack['footMotion']> } : shaken;
      console.log(`${clip.name.padEnd(24)} ${'shaken, camera left in'.padEnd(30)} ${biases(unsteadied, truth)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('handHeld.ts')) await main();
