// Decodes the ONNX landmark model's outputs the way pose-detection's BlazePose TF.js pipeline does
// (issue 12): tensorsToLandmarks (39 landmarks × [x, y, z, visibility, presence], pixels of the
// 256² input → normalised, visibility through a sigmoid) then refineLandmarksFromHeatmap (7×7
// window, refined when the window's peak ≥ 0.5) — on plain Float32Arrays, no tensors. The heatmap
// is channel-planar [39, 64, 64] here (the converted graph's layout) where TF.js has [64, 64, 39].
import type { NormalizedKeypoint } from './blazePoseCalculators';
import { LANDMARK_INPUT_SIZE } from './roiCrop';

export const NUM_LANDMARKS = 39;
const HEATMAP_SIZE = 64;
const KERNEL = 7;
const MIN_CONFIDENCE_TO_REFINE = 0.5;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** 39 landmarks normalised to the model input (x, y in [0, 1]), score = sigmoid(visibility). */
export function decodeLandmarks(ld3d: Float32Array, heatmap: Float32Array): NormalizedKeypoint[] {
  const dims = ld3d.length / NUM_LANDMARKS;
  const out: NormalizedKeypoint[] = [];
  for (let i = 0; i < NUM_LANDMARKS; i++) {
    const at = i * dims;
    out.push({
      x: (ld3d[at] as number) / LANDMARK_INPUT_SIZE,
      y: (ld3d[at + 1] as number) / LANDMARK_INPUT_SIZE,
      z: (ld3d[at + 2] as number) / LANDMARK_INPUT_SIZE,
      score: sigmoid(ld3d[at + 3] as number),
    });
  }
  refineFromHeatmap(out, heatmap);
  return out;
}

/** refineLandmarksFromHeatmap, in place; same loop order, so the same float sums. */
function refineFromHeatmap(landmarks: NormalizedKeypoint[], heatmap: Float32Array): void {
  const size = HEATMAP_SIZE;
  const offset = Math.trunc((KERNEL - 1) / 2);
  landmarks.forEach((lm, i) => {
    const centerCol = Math.trunc(lm.x * size);
    const centerRow = Math.trunc(lm.y * size);
    // pose-detection 2.1.3 tests `centerCol >= hmHeight` where it means centerRow: a landmark up to
    // 3 heatmap rows below the crop (feet at the ROI's bottom edge) is still refined from the
    // window's part inside. Kept, so the keypoints stay those of the TF.js path.
    if (centerCol < 0 || centerCol >= size || centerRow < 0 || centerCol >= size) return;
    const beginCol = Math.max(0, centerCol - offset);
    const endCol = Math.min(size, centerCol + offset + 1);
    const beginRow = Math.max(0, centerRow - offset);
    const endRow = Math.min(size, centerRow + offset + 1);
    const plane = i * size * size;
    let sum = 0;
    let weightedCol = 0;
    let weightedRow = 0;
    let maxValue = 0;
    for (let row = beginRow; row < endRow; ++row) {
      for (let col = beginCol; col < endCol; ++col) {
        const confidence = heatmap[plane + row * size + col] as number;
        sum += confidence;
        maxValue = Math.max(maxValue, confidence);
        weightedCol += col * confidence;
        weightedRow += row * confidence;
      }
    }
    if (maxValue >= MIN_CONFIDENCE_TO_REFINE && sum > 0) {
      lm.x = weightedCol / size / sum;
      lm.y = weightedRow / size / sum;
    }
  });
}
