// The PoseEstimator (design.md station 2): BlazePose lite/full/heavy (33 keypoints incl. heel and
// foot index) with the landmark model on ONNX Runtime when it loads (issue 12, onnxBlazePose.ts),
// else — and for MoveNet lightning/thunder — @tensorflow-models/pose-detection on TF.js.
import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { Keypoint, PoseFrame, PoseModelName, RgbFrame } from '../../shared/contract';
import { fileModelHandler } from './fileModelHandler';
import { keypointNamesFor } from './keypointNames';
import { modelFilesFor, modelsDir } from './modelFiles';
import { PoseError } from './poseErrors';
import type { Rect } from './blazePoseCalculators';
import { createOnnxBlazePose } from './onnxBlazePose';
import { loadOnnxRuntime } from './onnxRuntime';
import { type BackendPreference, type PoseBackendName, initPoseBackend } from './tfBackend';

/** Where the landmark model runs: 'auto' = ONNX Runtime when it loads, else TF.js (issue 12). */
export type PoseRuntimePreference = 'auto' | 'onnx' | 'tfjs';
export type PoseRuntimeName = 'onnx' | 'tfjs';

export interface PoseEstimator {
  readonly model: PoseModelName;
  /** TF.js backend of the TF.js parts (all of the model on 'tfjs', the person detector on 'onnx'). */
  readonly backend: PoseBackendName;
  readonly runtime: PoseRuntimeName;
  /** ONNX Runtime version when runtime is 'onnx'. */
  readonly runtimeVersion?: string;
  /** Why 'auto' fell back to TF.js (ONNX Runtime did not load, no .onnx file). */
  readonly fallbackReason?: string;
  readonly keypointNames: readonly string[];
  /** Keypoints in displayed-video pixels (frame coordinates × frame.scaleToDisplay); NaN when no pose. */
  estimate(frame: RgbFrame): Promise<PoseFrame>;
  /**
   * BlazePose only: the region of interest the next frame is cropped from (null → person detector).
   * For the runtime equality check, which gives both runtimes the same ROI (compare-pose-runtimes).
   */
  roi?: { get(): Rect | null; set(r: Rect | null): void };
  /** Forgets the tracked region of interest (call between unrelated clips or chunks). */
  reset(): void;
  /** Frees the model. Resolves once ONNX Runtime has released its session: a worker thread must not be ended
   *  while that native call is in flight (runPoseWorker.ts says why). */
  dispose(): Promise<void>;
}

export interface CreatePoseEstimatorOptions {
  model?: PoseModelName;
  modelsDir?: string;
  backend?: BackendPreference;
  runtime?: PoseRuntimePreference;
  /** Module specifier of ONNX Runtime (tests give one that does not exist to exercise the fallback). */
  onnxRuntimeModule?: string;
}

const BLAZEPOSE_TYPES: Partial<Record<PoseModelName, 'lite' | 'full' | 'heavy'>> = { lite: 'lite', full: 'full', heavy: 'heavy' };

export async function createTfjsDetector(model: PoseModelName, dir: string): Promise<poseDetection.PoseDetector> {
  const files = modelFilesFor(model, dir);
  const blazeType = BLAZEPOSE_TYPES[model];
  // Smoothing off: the pose-detection filters lag by design; analysis low-passes with a
  // zero-phase filter itself (design.md station 3), and event timing must not shift.
  if (blazeType) {
    const [detector, landmark] = files;
    if (!detector || !landmark) throw new PoseError('MODELS_MISSING', `model files for ${model} incomplete`);
    return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType: blazeType,
      enableSmoothing: false,
      enableSegmentation: false,
      detectorModelUrl: fileModelHandler(detector.jsonPath),
      landmarkModelUrl: fileModelHandler(landmark.jsonPath),
    });
  }
  const [single] = files;
  if (!single) throw new PoseError('MODELS_MISSING', `model files for ${model} incomplete`);
  return poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
    modelType: model === 'movenet-thunder' ? poseDetection.movenet.modelType.SINGLEPOSE_THUNDER : poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING,
    enableSmoothing: false,
    modelUrl: fileModelHandler(single.jsonPath),
  });
}

/** pose-detection keeps the tracked ROI in a private field of its BlazePose TF.js detector (2.1.3). */
function tfjsRoi(detector: poseDetection.PoseDetector): NonNullable<PoseEstimator['roi']> {
  const d = detector as unknown as { regionOfInterest: Rect | null };
  return { get: () => d.regionOfInterest, set: (r) => (d.regionOfInterest = r ? { ...r } : null) };
}

function bind(o: { estimate: PoseEstimator['estimate']; reset(): void; dispose(): Promise<void> }): Pick<PoseEstimator, 'estimate' | 'reset' | 'dispose'> {
  return { estimate: (f) => o.estimate(f), reset: () => o.reset(), dispose: () => o.dispose() };
}

function missingKeypoints(names: readonly string[]): Keypoint[] {
  return names.map((name) => ({ name, x: NaN, y: NaN, score: NaN }));
}

export async function createPoseEstimator(opts: CreatePoseEstimatorOptions = {}): Promise<PoseEstimator> {
  const model = opts.model ?? 'full';
  const runtime = opts.runtime ?? 'auto';
  const backend = await initPoseBackend(opts.backend ?? 'auto');
  const dir = opts.modelsDir ?? modelsDir();
  let fallbackReason: string | undefined;
  if (BLAZEPOSE_TYPES[model] && runtime !== 'tfjs') {
    const ort = await loadOnnxRuntime(opts.onnxRuntimeModule);
    if (ort.ok) {
      try {
        const names = keypointNamesFor(model);
        const onnx = await createOnnxBlazePose(ort.ort, model, dir, names);
        return {
          model,
          backend,
          runtime: 'onnx',
          runtimeVersion: ort.version,
          keypointNames: names,
          ...bind(onnx),
          roi: { get: () => onnx.roi, set: (r) => (onnx.roi = r) },
        };
      } catch (err) {
        if (runtime === 'onnx') throw err instanceof PoseError ? err : new PoseError('POSE_FAILED', `ONNX Runtime: ${(err as Error).message}`, { cause: err });
        fallbackReason = (err as Error).message;
      }
    } else if (runtime === 'onnx') {
      throw new PoseError('POSE_BACKEND_UNAVAILABLE', `ONNX Runtime was requested but ${ort.reason}`);
    } else {
      fallbackReason = ort.reason;
    }
  }
  let detector: poseDetection.PoseDetector;
  try {
    detector = await createTfjsDetector(model, dir);
  } catch (err) {
    if (err instanceof PoseError) throw err;
    throw new PoseError('POSE_FAILED', `cannot load pose model ${model}: ${(err as Error).message}`, { cause: err });
  }
  const names = keypointNamesFor(model);
  const indexOf = new Map(names.map((n, i) => [n, i]));

  return {
    model,
    backend,
    runtime: 'tfjs',
    ...(fallbackReason !== undefined ? { fallbackReason } : {}),
    keypointNames: names,
    ...(BLAZEPOSE_TYPES[model] ? { roi: tfjsRoi(detector) } : {}),
    async estimate(frame: RgbFrame): Promise<PoseFrame> {
      // int32 is the image dtype pose-detection expects; tfjs has no uint8, so this is the one copy.
      const image = tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
      let poses: poseDetection.Pose[];
      try {
        poses = await detector.estimatePoses(image, { maxPoses: 1, flipHorizontal: false }, frame.timeSec * 1000);
      } finally {
        image.dispose();
      }
      const keypoints = missingKeypoints(names);
      const pose = poses[0];
      if (pose) {
        const s = frame.scaleToDisplay;
        pose.keypoints.forEach((kp, i) => {
          const at = kp.name !== undefined ? indexOf.get(kp.name) : i;
          const slot = at !== undefined ? keypoints[at] : undefined;
          if (!slot) return;
          slot.x = kp.x * s;
          slot.y = kp.y * s;
          slot.score = kp.score ?? NaN;
        });
      }
      return { index: frame.index, timeSec: frame.timeSec, keypoints };
    },
    reset(): void {
      detector.reset();
    },
    dispose(): Promise<void> {
      detector.dispose();
      return Promise.resolve();
    },
  };
}
