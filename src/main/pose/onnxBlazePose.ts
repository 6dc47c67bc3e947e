// BlazePose lite/full/heavy with the landmark model on ONNX Runtime and a lean landmark stage
// (issue 12): the ROI is warped straight into one reused Float32 input buffer, the outputs are
// decoded from plain arrays, and every geometric step (letterbox removal, projection back to the
// frame, the next frame's ROI from the two auxiliary landmarks) calls pose-detection's own
// calculators — so keypoints and visibility scores are those of the TF.js path, within the model's
// float differences. The person detector stays on TF.js (personDetector.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Keypoint, PoseFrame, PoseModelName, RgbFrame } from '../../shared/contract';
import {
  blazePoseConstants as C,
  calculateAlignmentPointsRects,
  calculateLandmarkProjection,
  landmarksToDetection,
  normalizedKeypointsToKeypoints,
  removeLandmarkLetterbox,
  transformNormalizedRect,
  type ImageSize,
  type NormalizedKeypoint,
  type Rect,
} from './blazePoseCalculators';
import { decodeLandmarks } from './landmarkDecode';
import { modelFilesFor } from './modelFiles';
import { landmarkSession, type OnnxRuntimeModule } from './onnxRuntime';
import { createPersonDetector, type PersonDetector } from './personDetector';
import { PoseError } from './poseErrors';
import { cropRoiInto, LANDMARK_INPUT_SIZE } from './roiCrop';

const NUM_KEYPOINTS = C.BLAZEPOSE_NUM_KEYPOINTS; // 33; landmarks 33 and 34 are the auxiliary pair that steer the ROI

/** The .onnx the set-up step converts from the landmark model (scripts/convert-models.mjs). */
export function onnxLandmarkPath(model: PoseModelName, dir: string): string {
  const landmark = modelFilesFor(model, dir)[1];
  if (!landmark) throw new PoseError('POSE_FAILED', `${model} has no landmark model`);
  return join(dir, `${landmark.stem}.onnx`);
}

export function hasOnnxLandmarkModel(model: PoseModelName, dir: string): boolean {
  return existsSync(onnxLandmarkPath(model, dir));
}

/** pose-detection's poseLandmarksToRoi: the next frame's ROI from the auxiliary (hip centre, scale) landmarks. */
function landmarksToRoi(auxiliary: NormalizedKeypoint[], imageSize: ImageSize): Rect {
  const rawRoi = calculateAlignmentPointsRects(landmarksToDetection(auxiliary), imageSize, {
    rotationVectorStartKeypointIndex: 0,
    rotationVectorEndKeypointIndex: 1,
    rotationVectorTargetAngleDegree: 90,
  });
  return transformNormalizedRect(rawRoi, imageSize, C.BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG);
}

export interface OnnxBlazePose {
  estimate(frame: RgbFrame): Promise<PoseFrame>;
  reset(): void;
  /** Resolves once ONNX Runtime has released the landmark session. */
  dispose(): Promise<void>;
  /** Person-detector runs so far (how often tracking was lost). */
  readonly detectorRuns: number;
  /**
   * The region of interest the next frame is cropped from (null: run the detector). Settable so the
   * equality check can give both runtimes the same ROI: the tracking loop amplifies float-level
   * differences (scripts/compare-pose-runtimes.ts).
   */
  roi: Rect | null;
}

export async function createOnnxBlazePose(ort: OnnxRuntimeModule, model: PoseModelName, dir: string, names: readonly string[]): Promise<OnnxBlazePose> {
  const [detectorFile] = modelFilesFor(model, dir);
  if (!detectorFile) throw new PoseError('MODELS_MISSING', `model files for ${model} incomplete`);
  const onnxPath = onnxLandmarkPath(model, dir);
  if (!existsSync(onnxPath)) throw new PoseError('MODELS_MISSING', `${onnxPath} is missing; run: npm run fetch-models`);
  const session = await landmarkSession(ort, onnxPath);
  let detector: PersonDetector;
  try {
    detector = await createPersonDetector(detectorFile.jsonPath);
  } catch (err) {
    await session.release();
    throw err;
  }
  const size = LANDMARK_INPUT_SIZE;
  const input = new Float32Array(3 * size * size);
  const feeds = { input_1: new ort.Tensor('float32', input, [1, 3, size, size]) };
  const fetches = ['ld_3d', 'output_poseflag', 'activation_heatmap'] as const;
  let roi: Rect | null = null;

  const missing = (frame: RgbFrame): PoseFrame => ({
    index: frame.index,
    timeSec: frame.timeSec,
    keypoints: names.map((name): Keypoint => ({ name, x: NaN, y: NaN, score: NaN })),
  });

  return {
    get detectorRuns() {
      return detector.runs;
    },
    get roi() {
      return roi;
    },
    set roi(r: Rect | null) {
      roi = r ? { ...r } : null;
    },
    async estimate(frame: RgbFrame): Promise<PoseFrame> {
      const imageSize = { width: frame.width, height: frame.height };
      if (!roi) roi = await detector.detect(frame);
      if (!roi) return missing(frame);
      const { padding } = cropRoiInto(frame, roi, input);
      const out = await session.run(feeds, fetches);
      const poseScore = (out.output_poseflag?.data as Float32Array)[0] ?? 0;
      if (poseScore < C.BLAZEPOSE_POSE_PRESENCE_SCORE) {
        roi = null; // as the stock pipeline: lost → detector on the next frame
        return missing(frame);
      }
      const all = decodeLandmarks(out.ld_3d?.data as Float32Array, out.activation_heatmap?.data as Float32Array);
      const landmarks = calculateLandmarkProjection(removeLandmarkLetterbox(all.slice(0, NUM_KEYPOINTS), padding), roi);
      const auxiliary = calculateLandmarkProjection(removeLandmarkLetterbox(all.slice(NUM_KEYPOINTS, C.BLAZEPOSE_NUM_AUXILIARY_KEYPOINTS), padding), roi);
      roi = landmarksToRoi(auxiliary, imageSize);
      const pixels = normalizedKeypointsToKeypoints(landmarks, imageSize);
      const s = frame.scaleToDisplay;
      return {
        index: frame.index,
        timeSec: frame.timeSec,
        keypoints: names.map((name, i): Keypoint => {
          const kp = pixels[i];
          return kp ? { name, x: kp.x * s, y: kp.y * s, score: kp.score ?? NaN } : { name, x: NaN, y: NaN, score: NaN };
        }),
      };
    },
    reset(): void {
      roi = null;
    },
    async dispose(): Promise<void> {
      detector.dispose();
      await session.release();
    },
  };
}
