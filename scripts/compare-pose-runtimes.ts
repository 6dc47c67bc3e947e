// Prints how closely the ONNX landmark stage matches the TF.js path (issue 12): every frame of each
// fixture clip through both, in one thread, same decoded frames; per joint median / p95 / max pixel
// distance (displayed-video pixels), visibility-score difference, and the worst frames. Two modes:
//   same ROI — before each frame the ONNX path is given the TF.js path's region of interest, so the
//              landmark stage itself is compared (crop, model, decoding);
//   tracking — each path tracks its own ROI, as in use. The tracking loop feeds each frame's
//              landmarks into the next crop, and BlazePose's output is not smooth in the crop
//              (heatmap-window choice, refinement threshold): float-level differences grow.
//   npx tsx scripts/compare-pose-runtimes.ts [--models full,heavy] [--clips a.mp4,b.mp4] [--max-frames N]
import { readdirSync } from 'node:fs';
import { createPoseEstimator } from '../src/main/pose/createPoseEstimator';
import { keypointAgreement } from '../src/main/pose/keypointAgreement';
import { decodeFrames } from '../src/main/video/decodeFrames';
import { probeVideo } from '../src/main/video/probeVideo';
import type { PoseFrame, PoseModelName } from '../src/shared/contract';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const clips = arg('clips', readdirSync('fixtures/videos').filter((f) => f.endsWith('.mp4')).map((f) => `fixtures/videos/${f}`).join(',')).split(',');
const models = arg('models', 'full,heavy').split(',') as PoseModelName[];
const maxFrames = Number(arg('max-frames', '0')) || undefined;
const f1 = (x: number) => x.toFixed(2);

for (const model of models) {
  const onnx = await createPoseEstimator({ model, runtime: 'onnx' });
  const tfjs = await createPoseEstimator({ model, runtime: 'tfjs' });
  for (const clip of clips) {
    const info = await probeVideo(clip);
    for (const sameRoi of [true, false]) {
    const a: PoseFrame[] = [];
    const b: PoseFrame[] = [];
    onnx.reset();
    tfjs.reset();
    for await (const frame of decodeFrames(info, { longSide: 640, ...(maxFrames ? { maxFrames } : {}) })) {
      if (sameRoi) onnx.roi?.set(tfjs.roi?.get() ?? null);
      a.push(await onnx.estimate(frame));
      b.push(await tfjs.estimate(frame));
    }
    const r = keypointAgreement(a, b, 5);
    const worstJoints = [...r.joints].sort((x, y) => y.medianPx - x.medianPx).slice(0, 5);
    console.log(`\n${model} ${sameRoi ? 'same ROI' : 'tracking'} ${clip} (${info.width}x${info.height}, ${a.length} frames): median ${f1(r.medianPx)} px over all joints; ` +
      `worst joint medians ${worstJoints.map((j) => `${j.name} ${f1(j.medianPx)}`).join(', ')}; ` +
      `max joint median ${f1(Math.max(...r.joints.map((j) => j.medianPx)))} px; pose found by only one path in ${r.presenceMismatches} frames`);
    console.log(`  per joint p95 ≤ ${f1(Math.max(...r.joints.map((j) => j.p95Px)))} px, max ${f1(Math.max(...r.joints.map((j) => j.maxPx)))} px, visibility |Δ| ≤ ${Math.max(...r.joints.map((j) => j.maxScoreDiff)).toFixed(3)}`);
    console.log(`  worst frames: ${r.worstFrames.map((w) => (w.presenceDiffers ? `#${w.index} (pose in one path only)` : `#${w.index} ${w.joint} ${f1(w.maxPx)} px`)).join('; ')}`);
    }
  }
  onnx.dispose();
  tfjs.dispose();
}
