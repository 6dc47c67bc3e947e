// The runtime in words, for the progress line, keypoints JSON and report.json's method (issue 12):
// which engine ran the landmark model, and why TF.js when ONNX Runtime was wanted but not used.
import type { PoseEstimator } from './createPoseEstimator';
import { describeBackend } from './tfBackend';

export function describePoseRuntime(est: Pick<PoseEstimator, 'runtime' | 'runtimeVersion' | 'backend' | 'fallbackReason'>): string {
  if (est.runtime === 'onnx') {
    return `ONNX Runtime ${est.runtimeVersion ?? ''} CPU; person detector on ${describeBackend(est.backend)}`.replace('  ', ' ');
  }
  const tfjs = `TF.js ${describeBackend(est.backend)}`;
  return est.fallbackReason ? `${tfjs} (ONNX Runtime not used: ${est.fallbackReason})` : tfjs;
}

/** For the progress line: "ONNX Runtime 1.30.0", "TF.js WASM", "TF.js WASM (ONNX Runtime not used: …)". */
export function shortRuntimeLabel(est: Pick<PoseEstimator, 'runtime' | 'runtimeVersion' | 'backend' | 'fallbackReason'>): string {
  if (est.runtime === 'onnx') return `ONNX Runtime ${est.runtimeVersion ?? ''}`.trim();
  const tfjs = est.backend === 'tensorflow' ? 'TF.js native' : 'TF.js WASM';
  return est.fallbackReason ? `${tfjs} (ONNX Runtime not used: ${est.fallbackReason})` : tfjs;
}
