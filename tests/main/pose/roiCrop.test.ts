// The lean crop against the stock pipeline's convertImageToTensor (tf.image.transform on the WASM backend).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blazePoseConstants as C, convertImageToTensor, type Rect } from '../../../src/main/pose/blazePoseCalculators';
import { cropRoiInto } from '../../../src/main/pose/roiCrop';
import { initPoseBackend } from '../../../src/main/pose/tfBackend';
import type { RgbFrame } from '../../../src/shared/contract';

function syntheticFrame(width: number, height: number): RgbFrame {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = (x * 7 + y * 3 + c * 50 + ((x * y) % 23)) % 256;
  return { index: 0, timeSec: 0, width, height, data, scaleToDisplay: 1 };
}

async function stockCrop(frame: RgbFrame, roi: Rect): Promise<{ nhwc: Float32Array; padding: unknown }> {
  const image = tf.tidy(() => tf.cast(tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32'), 'float32')) as tf.Tensor3D;
  const { imageTensor, padding } = convertImageToTensor(image, C.BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG, roi);
  const nhwc = (await imageTensor.data()) as Float32Array;
  tf.dispose([image, imageTensor]);
  return { nhwc, padding };
}

function maxDiff(nhwc: Float32Array, nchw: Float32Array): number {
  let max = 0;
  for (let i = 0; i < 256 * 256; i++) for (let c = 0; c < 3; c++) max = Math.max(max, Math.abs((nhwc[i * 3 + c] as number) - (nchw[c * 65536 + i] as number)));
  return max;
}

beforeAll(async () => {
  await initPoseBackend('auto');
});

describe('cropRoiInto', () => {
  const frame = syntheticFrame(360, 640);

  it('equals convertImageToTensor for a rotated ROI inside the frame (within float32 rounding)', async () => {
    const roi = { xCenter: 0.5, yCenter: 0.55, width: 0.8, height: 0.45, rotation: 0.3 };
    const out = new Float32Array(3 * 256 * 256);
    const mine = cropRoiInto(frame, roi, out);
    const stock = await stockCrop(frame, roi);
    expect(mine.padding).toEqual(stock.padding);
    expect(maxDiff(stock.nhwc, out)).toBeLessThan(1e-4);
  });

  it('fills the part outside the frame with 0 as TF.js does, and letterboxes a non-square ROI the same way', async () => {
    const roi = { xCenter: 0.9, yCenter: 0.1, width: 1.2, height: 0.3, rotation: -1.1 };
    const out = new Float32Array(3 * 256 * 256).fill(7); // stale values from a previous frame must all be overwritten
    const mine = cropRoiInto(frame, roi, out);
    const stock = await stockCrop(frame, roi);
    expect(mine.padding).toEqual(stock.padding);
    expect(out.filter((v) => v === 0).length).toBeGreaterThan(10_000);
    expect(maxDiff(stock.nhwc, out)).toBeLessThan(1e-4);
  });
});
