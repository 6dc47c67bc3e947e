import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeBackend, initPoseBackend } from '../../../src/main/pose/tfBackend';

const tfjsNodeInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
})();

describe('initPoseBackend', () => {
  it.skipIf(tfjsNodeInstalled)('says POSE_BACKEND_UNAVAILABLE when tfjs-node is demanded but absent', async () => {
    await expect(initPoseBackend('tensorflow')).rejects.toMatchObject({ code: 'POSE_BACKEND_UNAVAILABLE' });
  });

  it('falls back to WASM with SIMD (never the plain CPU backend), leaving process handlers alone', async () => {
    const before = process.listeners('unhandledRejection').length + process.listeners('uncaughtException').length;
    const name = await initPoseBackend('auto');
    expect(name).toBe(tfjsNodeInstalled ? 'tensorflow' : 'wasm');
    expect(tf.getBackend()).toBe(name);
    expect(tf.getBackend()).not.toBe('cpu');
    if (name === 'wasm') expect(describeBackend(name)).toBe('tfjs-backend-wasm SIMD');
    // tfjs-backend-wasm's emscripten glue adds rethrowing handlers; they must be gone.
    expect(process.listeners('unhandledRejection').length + process.listeners('uncaughtException').length).toBe(before);
    expect(await initPoseBackend('auto')).toBe(name); // once per thread
  });
});
