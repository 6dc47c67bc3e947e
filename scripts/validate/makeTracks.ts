// `npm run validate:tracks`: makes the BlazePose tracks the validation reads and the fixtures lack, through the real
// pipeline (`lopsided keypoints`, one worker so region-of-interest tracking runs unbroken, as the stored tracks were
// made: fixtures/posetracks/README.md). For clips this project does not have: put them in a fixtures folder of the
// same layout, then
//   LOPSIDED_FIXTURES_DIR=DIR LOPSIDED_POSETRACKS_DIR=TRACKS npm run validate:tracks
//   LOPSIDED_FIXTURES_DIR=DIR LOPSIDED_POSETRACKS_DIR=TRACKS npm run validate
// Every rendered clip (synthetic/<run>_<view>.mp4 with its _meta.json and _truth.csv) gets heavy and full tracks, and
// every eye-marked video (videos/<name>.mp4 beside <name>.events.json) too. Existing tracks are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eyeMarkedClips, posetrackPath, renderedClips, storedPoseTrack } from './truthLoaders';

const CLI = [join(import.meta.dirname, '..', '..', 'bin', 'lopsided.mjs'), join(import.meta.dirname, '..', 'bin', 'lopsided.mjs')]
  .find((p) => existsSync(p)) ?? 'bin/lopsided.mjs';

/** The clips the validation reads tracks of: every rendered clip and every eye-marked video, by track name stem. */
function trackedClips(): { stem: string; video: string }[] {
  return [...renderedClips().map((c) => ({ stem: c.name, video: c.video })), ...eyeMarkedClips().map((c) => ({ stem: c.stem, video: c.video }))];
}

function main(): void {
  let made = 0;
  for (const clip of trackedClips()) {
    for (const model of ['heavy', 'full']) {
      if (storedPoseTrack(clip.stem, model)) continue;
      const out = posetrackPath(`${clip.stem}.blazepose-${model}.csv`);
      mkdirSync(dirname(out), { recursive: true });
      console.log(`${clip.stem}: BlazePose ${model} → ${out}`);
      const r = spawnSync(process.execPath, [CLI, 'keypoints', clip.video, '--out', out, '--model', model, '--workers', '1'], { stdio: 'inherit' });
      if (r.status !== 0) {
        console.error(`lopsided keypoints failed on ${clip.video} (exit ${r.status ?? r.signal}); a read-only fixtures folder needs LOPSIDED_POSETRACKS_DIR`);
        process.exit(1);
      }
      made++;
    }
  }
  console.log(made ? `${made} track(s) made.` : 'Every clip already has its tracks.');
}

main();
