// Loads onnxruntime-node (an optional native module) once per thread and opens landmark sessions
// (issue 12). Loading never throws: a missing package, a platform without binaries or a broken
// .node file gives { ok: false, reason } and the caller falls back to TF.js WASM, naming the reason.
import type * as Ort from 'onnxruntime-node';

export type OnnxRuntimeModule = typeof Ort;
export type OnnxLoad = { ok: true; ort: OnnxRuntimeModule; version: string } | { ok: false; reason: string };

const loaded = new Map<string, Promise<OnnxLoad>>();

async function tryLoad(specifier: string): Promise<OnnxLoad> {
  try {
    const mod = (await import(specifier)) as OnnxRuntimeModule & { default?: OnnxRuntimeModule };
    // CommonJS through ESM import: the named exports may only be on `default`.
    const ort = typeof mod.InferenceSession === 'function' ? mod : mod.default;
    if (!ort || typeof ort.InferenceSession?.create !== 'function') return { ok: false, reason: `${specifier} has no InferenceSession` };
    const version = ort.env?.versions?.node ?? ort.env?.versions?.common ?? 'unknown';
    return { ok: true, ort, version };
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    return { ok: false, reason: `${specifier} does not load (${message.split('\n')[0]})` };
  }
}

/** The module under `specifier` (tests pass one that does not exist to exercise the fallback). */
export function loadOnnxRuntime(specifier = 'onnxruntime-node'): Promise<OnnxLoad> {
  let p = loaded.get(specifier);
  if (!p) {
    p = tryLoad(specifier);
    loaded.set(specifier, p);
  }
  return p;
}

/**
 * One intra-op thread and no spin-waiting: the pool runs one worker per core, and on the shared
 * 2-core machine two threads in one session measured 2–3× slower than one unless spinning was off
 * (probe, issue 12); one thread per worker with two workers was fastest.
 */
export function landmarkSession(ort: OnnxRuntimeModule, onnxPath: string): Promise<Ort.InferenceSession> {
  return ort.InferenceSession.create(onnxPath, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  });
}
