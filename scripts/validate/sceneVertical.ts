// Issue 16: the vertical the side-view angles are read against (src/analysis/worldVertical.ts). For each side clip
// with its video in the fixtures, the belt's slant and the scene's vertical (src/main/scene), and the angles read
// against each. Then the rendered side clip turned by known camera rolls (ffmpeg rotate, the centre cropped so the
// frame's own borders are not lines), its stored BlazePose track turned alike: the scene must find the roll, and the
// angles must come out as from the level camera.
// `npx tsx scripts/validate/sceneVertical.ts` (decodes a few frames per clip; renders two rolled clips: ~20 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleResult } from '../../src/analysis/assembleResult';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import type { AnalysisResult, MetricId, PoseTrack } from '../../src/analysis/types';
import { measureSceneVertical } from '../../src/main/scene/measureSceneVertical';
import { probeVideo } from '../../src/main/video/probeVideo';
import { DEMO_STEM, eyeMarkedClips, loadCsvTrack, renderedClips, storedPoseTrack } from './truthLoaders';
import { filteredClip } from './filteredClip';

const ANGLES: readonly MetricId[] = ['trunkLeanDeg', 'hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'overstrideDeg', 'kneeFlexionMidstanceDeg'];
const CROP = 0.88;

function analyse(track: PoseTrack, fps: number): AnalysisResult {
  const gait = findGaitEvents(track, { view: 'auto' });
  const meta = { path: 'video', fps, durationSec: (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0), width: track.width, height: track.height };
  return assembleResult(track, gait, { view: 'auto' }, meta);
}

const f = (v: number | null | undefined, w = 6, d = 1): string => (v !== null && v !== undefined && Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);
const angles = (r: AnalysisResult): string => ANGLES.map((id) => `${f(r.metrics[id]?.left)}/${f(r.metrics[id]?.right, 0)}`).join(' ');

/** The track as the rolled, centre-cropped clip shows it (clockwise + about the frame centre, then the crop). */
function rollTrack(track: PoseTrack, rollDeg: number, endSec: number): PoseTrack {
  const a = (rollDeg * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
  const cx = track.width / 2, cy = track.height / 2;
  const x0 = ((1 - CROP) * track.width) / 2, y0 = ((1 - CROP) * track.height) / 2;
  const n = track.timesSec.findIndex((t) => t >= endSec);
  const keep = n < 0 ? track.timesSec.length : n;
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) => {
    const xs = kp.x.slice(0, keep), ys = kp.y.slice(0, keep);
    return [name, {
      x: xs.map((x, i) => cx + c * (x - cx) - s * ((ys[i] as number) - cy) - x0),
      y: ys.map((y, i) => cy + s * (xs[i] as number - cx) + c * (y - cy) - y0),
      score: kp.score.slice(0, keep),
    }];
  }));
  return { ...track, timesSec: track.timesSec.slice(0, keep), width: Math.round(CROP * track.width), height: Math.round(CROP * track.height), keypoints };
}

function rollClip(src: string, rollDeg: number, endSec: number, dir: string): Promise<string> {
  const vf = `rotate=${rollDeg}*PI/180:fillcolor=gray,crop=iw*${CROP}:ih*${CROP}`;
  return filteredClip(src, join(dir, `rolled_${rollDeg}.mp4`), vf, { crf: 18, endSec, extra: ['-pix_fmt', 'yuv420p'] });
}

export async function sceneVerticalReport(log: (line: string) => void): Promise<void> {
  log(`Scene vertical (issue 16): the belt's slant, the scene's vertical at the runner, and the side-view angles (left/right) against each`);
  log(`${'clip'.padEnd(22)} belt°  scene° lines scatter°  vertical   ${ANGLES.map((id) => id.replace(/Deg$/, '').padEnd(13)).join(' ')}`);
  const clips = [
    ...eyeMarkedClips().flatMap((c) => {
      const track = storedPoseTrack(c.stem, 'heavy');
      return track ? [{ name: c.stem === DEMO_STEM ? `${c.trial} (demo)` : c.trial, video: c.video, track, fps: c.fps }] : [];
    }),
    ...renderedClips().filter((c) => c.view !== 'rear').flatMap((c) => {
      const track = storedPoseTrack(c.name, 'heavy');
      return track ? [{ name: c.name, video: c.video, track, fps: c.fps, rendered: true }] : [];
    }),
  ];
  for (const c of clips) {
    const track = loadCsvTrack(c.track);
    const scene = await measureSceneVertical(await probeVideo(c.video), track);
    const belt = analyse(track, c.fps);
    const withScene = scene ? analyse({ ...track, sceneVertical: scene }, c.fps) : belt;
    const beltDeg = findGaitEvents(track, { view: 'auto' }).beltAngleDeg;
    const head = `${c.name.padEnd(22)} ${f(beltDeg, 5)} ${f(scene?.tiltDeg, 6)} ${f(scene?.lines, 5, 0)} ${f(scene?.scatterDeg, 9, 2)}`;
    log(`${head}  ${belt.vertical?.from.padEnd(8) ?? '-'.padEnd(8)}   ${angles(belt)}`);
    if (scene) log(`${''.padEnd(head.length)}  ${'scene'.padEnd(8)}   ${angles(withScene)}`);
  }
  log('Rendered side clip turned by a known camera roll (first 6 s, centre 88%), stored track turned alike: found roll, and each angle minus the level clip\'s (left/right)');
  // the first rendered side clip with a stored track: a level camera by construction
  const src = clips.find((c) => 'rendered' in c);
  if (!src) {
    log('(no rendered side clip with a stored pose track in the fixtures)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lopsided-roll-'));
  try {
    const base = loadCsvTrack(src.track);
    const level = analyse(rollTrack(base, 0, 6), src.fps);
    for (const roll of [3, -4]) {
      const video = await rollClip(src.video, roll, 6, dir);
      const track = rollTrack(base, roll, 6);
      const scene = await measureSceneVertical(await probeVideo(video), track);
      const r = analyse(scene ? { ...track, sceneVertical: scene } : track, src.fps);
      const diff = ANGLES.map((id) => {
        const d = (s: 'left' | 'right'): number => (r.metrics[id]?.[s] ?? Number.NaN) - (level.metrics[id]?.[s] ?? Number.NaN);
        return `${f(d('left'), 5)}/${f(d('right'), 0)}`;
      }).join('  ');
      log(`roll ${f(roll, 3, 0)}°: scene ${f(scene?.tiltDeg, 5, 2)}° (${scene?.lines ?? 0} lines), belt ${f(findGaitEvents(track, { view: 'auto' }).beltAngleDeg, 5, 2)}°, vertical from ${r.vertical?.from ?? '-'}; angle − level: ${diff}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('sceneVertical.ts')) await sceneVerticalReport((line) => console.log(line));
