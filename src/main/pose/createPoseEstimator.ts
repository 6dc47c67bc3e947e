// The PoseEstimator (design.md station 2) over @tensorflow-models/pose-detection:
// BlazePose lite/full/heavy (33 keypoints incl. heel and foot index) and MoveNet lightning/thunder.
import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { Keypoint, PoseFrame, PoseModelName, RgbFrame } from '../../shared/contract';
import { fileModelHandler } from './fileModelHandler';
import { keypointNamesFor } from './keypointNames';
import { modelFilesFor, modelsDir } from './modelFiles';
import { PoseError } from './poseErrors';
import { type BackendPreference, type PoseBackendName, initPoseBackend } from './tfBackend';

export interface PoseEstimator {
  readonly model: PoseModelName;
  readonly backend: PoseBackendName;
  readonly keypointNames: readonly string[];
  /** Keypoints in displayed-video pixels (frame coordinates × frame.scaleToDisplay); NaN when no pose. */
  estimate(frame: RgbFrame): Promise<PoseFrame>;
  /** Forgets the tracked region of interest (call between unrelated clips or chunks). */
  reset(): void;
  dispose(): void;
}

export interface CreatePoseEstimatorOptions {
  model?: PoseModelName;
  modelsDir?: string;
  backend?: BackendPreference;
}

const BLAZEPOSE_TYPES: Partial<Record<PoseModelName, 'lite' | 'full' | 'heavy'>> = { lite: 'lite', full: 'full', heavy: 'heavy' };

async function createDetector(model: PoseModelName, dir: string): Promise<poseDetection.PoseDetector> {
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

function missingKeypoints(names: readonly string[]): Keypoint[] {
  return names.map((name) => ({ name, x: NaN, y: NaN, score: NaN }));
}

export async function createPoseEstimator(opts: CreatePoseEstimatorOptions = {}): Promise<PoseEstimator> {
  const model = opts.model ?? 'full';
  const backend = await initPoseBackend(opts.backend ?? 'auto');
  let detector: poseDetection.PoseDetector;
  try {
    detector = await createDetector(model, opts.modelsDir ?? modelsDir());
  } catch (err) {
    if (err instanceof PoseError) throw err;
    throw new PoseError('POSE_FAILED', `cannot load pose model ${model}: ${(err as Error).message}`, { cause: err });
  }
  const names = keypointNamesFor(model);
  const indexOf = new Map(names.map((n, i) => [n, i]));

  return {
    model,
    backend,
    keypointNames: names,
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
    dispose(): void {
      detector.dispose();
    },
  };
}
