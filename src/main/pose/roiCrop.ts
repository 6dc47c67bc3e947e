// The landmark model's input, built in one pass (issue 12): the rotated region of interest is
// warped straight from the packed RGB frame into a reused, channel-planar Float32Array
// [3, 256, 256] in [0, 1]. It reproduces pose-detection's convertImageToTensor for BlazePose
// (getRoi → padRoi → rotated-sub-rect matrix → projective matrix → tf.image.transform bilinear
// with zero fill → ×1/255) without the four tensors that path allocates per frame (the probe
// measured ~15 ms/frame of such pre/post-processing around the model).
import type { RgbFrame } from '../../shared/contract';
import { getProjectiveTransformMatrix, getRoi, getRotatedSubRectToRectTransformMatrix, padRoi, type Padding, type Rect } from './blazePoseCalculators';

export const LANDMARK_INPUT_SIZE = 256;

export interface RoiCrop {
  /** Letterbox padding added to keep the ROI's aspect (as convertImageToTensor returns it). */
  padding: Padding;
}

/**
 * Fills `out` (length 3·256·256, planes R, G, B) with the ROI `normRect` (normalised to the frame)
 * of `frame`. Pixels outside the frame are 0, as in TF.js's 'constant' fill.
 */
export function cropRoiInto(frame: RgbFrame, normRect: Rect, out: Float32Array): RoiCrop {
  const size = LANDMARK_INPUT_SIZE;
  const { width: w, height: h, data } = frame;
  const imageSize = { width: w, height: h };
  const outputSize = { width: size, height: size };
  const roi = getRoi(imageSize, normRect);
  const padding = padRoi(roi, outputSize, true);
  const m = getRotatedSubRectToRectTransformMatrix(roi, w, h, false);
  const [a0, a1, a2, b0, b1, b2] = getProjectiveTransformMatrix(m, imageSize, outputSize) as number[];
  const plane = size * size;
  const scale = 1 / 255; // shiftImageValue(0..255 → 0..1): x·(1/255) + 0
  const row = w * 3;
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      const x = (a0 as number) * ox + (a1 as number) * oy + (a2 as number);
      const y = (b0 as number) * ox + (b1 as number) * oy + (b2 as number);
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const o = oy * size + ox;
      // Weights of the four neighbours; a neighbour outside the frame reads 0.
      const in00 = y0 >= 0 && y0 < h && x0 >= 0 && x0 < w;
      const in01 = y0 >= 0 && y0 < h && x0 + 1 >= 0 && x0 + 1 < w;
      const in10 = y0 + 1 >= 0 && y0 + 1 < h && x0 >= 0 && x0 < w;
      const in11 = y0 + 1 >= 0 && y0 + 1 < h && x0 + 1 >= 0 && x0 + 1 < w;
      const p00 = y0 * row + x0 * 3;
      const p10 = p00 + row;
      for (let c = 0; c < 3; c++) {
        const v00 = in00 ? (data[p00 + c] as number) : 0;
        const v01 = in01 ? (data[p00 + 3 + c] as number) : 0;
        const v10 = in10 ? (data[p10 + c] as number) : 0;
        const v11 = in11 ? (data[p10 + 3 + c] as number) : 0;
        const top = (1 - fx) * v00 + fx * v01;
        const bottom = (1 - fx) * v10 + fx * v11;
        out[c * plane + o] = ((1 - fy) * top + fy * bottom) * scale;
      }
    }
  }
  return { padding };
}
