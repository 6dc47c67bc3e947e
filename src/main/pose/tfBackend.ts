// Picks the TF.js backend once per thread (issue 2): tfjs-node when it is installed and
// loads (native TensorFlow), else WASM with SIMD. Never the plain CPU backend: ~0.5 frames/s.
import * as tf from '@tensorflow/tfjs-core';
import { PoseError } from './poseErrors';

export type PoseBackendName = 'tensorflow' | 'wasm';
export type BackendPreference = 'auto' | PoseBackendName;

let ready: Promise<PoseBackendName> | null = null;

async function tryTfjsNode(): Promise<boolean> {
  // A variable specifier keeps bundlers and tsc from requiring the optional package.
  const specifier = '@tensorflow/tfjs-node';
  try {
    await import(specifier);
    return await tf.setBackend('tensorflow');
  } catch {
    return false;
  }
}

type ProcessEvent = 'uncaughtException' | 'unhandledRejection';
type Listener = (...args: unknown[]) => void;
const emitter = process as unknown as { listeners(e: string): Listener[]; removeListener(e: string, l: Listener): void };
const WATCHED: ProcessEvent[] = ['uncaughtException', 'unhandledRejection'];

/**
 * The emscripten glue of tfjs-backend-wasm installs process handlers that rethrow every
 * unhandled rejection (printing its whole minified source line); they would replace our
 * typed error reporting, so any handler it adds is removed again.
 */
function removeAddedProcessHandlers(before: Map<ProcessEvent, Set<unknown>>): void {
  for (const event of WATCHED) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener);
    }
  }
}

async function tryWasm(): Promise<boolean> {
  const before = new Map(WATCHED.map((e) => [e, new Set<unknown>(emitter.listeners(e))]));
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) return false;
    await tf.ready();
    return true;
  } catch {
    return false;
  } finally {
    removeAddedProcessHandlers(before);
  }
}

async function pick(preference: BackendPreference): Promise<PoseBackendName> {
  if (preference !== 'wasm' && (await tryTfjsNode())) return 'tensorflow';
  if (preference !== 'tensorflow' && (await tryWasm())) return 'wasm';
  throw new PoseError(
    'POSE_BACKEND_UNAVAILABLE',
    preference === 'tensorflow'
      ? 'the tfjs-node backend was requested but @tensorflow/tfjs-node does not load'
      : 'no usable TF.js backend: @tensorflow/tfjs-backend-wasm failed to initialise (the CPU backend is too slow to use)',
  );
}

/** Initialises the backend of this thread once; later calls return the same answer. */
export function initPoseBackend(preference: BackendPreference = 'auto'): Promise<PoseBackendName> {
  if (!ready) {
    ready = pick(preference).catch((err: unknown) => {
      ready = null;
      throw err;
    });
  }
  return ready;
}

/** For method notes: which backend and whether WASM SIMD is on. */
export function describeBackend(name: PoseBackendName): string {
  if (name === 'tensorflow') return 'tfjs-node (TensorFlow C library)';
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  return `tfjs-backend-wasm ${simd ? 'SIMD' : 'no SIMD'}`;
}
