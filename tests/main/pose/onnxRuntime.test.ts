// ONNX Runtime loading fails gracefully: the estimator falls back to TF.js and says why; forcing it fails clearly.
import { describe, expect, it } from 'vitest';
import { createPoseEstimator } from '../../../src/main/pose/createPoseEstimator';
import { describePoseRuntime, shortRuntimeLabel } from '../../../src/main/pose/describeRuntime';
import { loadOnnxRuntime } from '../../../src/main/pose/onnxRuntime';

describe('loadOnnxRuntime', () => {
  it('loads onnxruntime-node (an optional dependency, installed here) and reports its version', async () => {
    const r = await loadOnnxRuntime();
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('returns a reason instead of throwing when the native module cannot be loaded', async () => {
    const r = await loadOnnxRuntime('onnxruntime-node-not-installed');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/onnxruntime-node-not-installed does not load/) });
  });
});

describe('createPoseEstimator runtime choice', () => {
  it('auto: ONNX Runtime for BlazePose when it loads', async () => {
    const est = await createPoseEstimator({ model: 'lite' });
    try {
      expect(est.runtime).toBe('onnx');
      expect(describePoseRuntime(est)).toMatch(/^ONNX Runtime \d.* CPU; person detector on tfjs-backend-wasm/);
    } finally {
      est.dispose();
    }
  });

  it('auto: falls back to TF.js WASM with the reason when ONNX Runtime does not load', async () => {
    const est = await createPoseEstimator({ model: 'lite', onnxRuntimeModule: 'onnxruntime-node-not-installed' });
    try {
      expect(est.runtime).toBe('tfjs');
      expect(est.fallbackReason).toMatch(/does not load/);
      expect(shortRuntimeLabel(est)).toMatch(/^TF\.js (WASM|native) \(ONNX Runtime not used: .*does not load/);
    } finally {
      est.dispose();
    }
  });

  it('onnx: refuses to run without ONNX Runtime (POSE_BACKEND_UNAVAILABLE)', async () => {
    await expect(createPoseEstimator({ model: 'lite', runtime: 'onnx', onnxRuntimeModule: 'onnxruntime-node-not-installed' }))
      .rejects.toMatchObject({ code: 'POSE_BACKEND_UNAVAILABLE' });
  });

  it('onnx: a missing .onnx file is MODELS_MISSING naming the fix', async () => {
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'lopsided-models-'));
    for (const f of ['blazepose-detector.json', 'blazepose-detector.bin', 'blazepose-lite.json', 'blazepose-lite.bin']) copyFileSync(join('models', f), join(dir, f));
    await expect(createPoseEstimator({ model: 'lite', runtime: 'onnx', modelsDir: dir })).rejects.toMatchObject({
      code: 'MODELS_MISSING',
      message: expect.stringMatching(/blazepose-lite\.onnx is missing; run: npm run fetch-models/),
    });
    const fallback = await createPoseEstimator({ model: 'lite', modelsDir: dir });
    expect(fallback.runtime).toBe('tfjs');
    expect(fallback.fallbackReason).toMatch(/blazepose-lite\.onnx is missing/);
    fallback.dispose();
  });

  it('MoveNet always runs on TF.js (no ONNX conversion for it)', async () => {
    const est = await createPoseEstimator({ model: 'movenet-lightning' });
    expect(est.runtime).toBe('tfjs');
    expect(est.fallbackReason).toBeUndefined();
    est.dispose();
  });
});
