// BlazePose's person detector on TF.js (issue 12). It runs only when there is no region of
// interest to track: the first frame of a chunk and after the landmark model loses the runner
// (pose flag < 0.5), so it stays on TF.js WASM; `npm run bench` counts how often it runs.
// Same steps as pose-detection's BlazePoseTfjsDetector.detectPose + poseDetectionToRoi.
import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import type { RgbFrame } from '../../shared/contract';
import {
  blazePoseConstants as C,
  calculateAlignmentPointsRects,
  convertImageToTensor,
  createSsdAnchors,
  detectorResult,
  nonMaxSuppression,
  removeDetectionLetterbox,
  tensorsToDetections,
  transformNormalizedRect,
  type Rect,
} from './blazePoseCalculators';
import { fileModelHandler } from './fileModelHandler';

export interface PersonDetector {
  /** The landmark model's region of interest around the first person found, normalised; null when none. */
  detect(frame: RgbFrame): Promise<Rect | null>;
  /** How many times detect ran (bench). */
  readonly runs: number;
  dispose(): void;
}

export async function createPersonDetector(jsonPath: string): Promise<PersonDetector> {
  const model = await tfconv.loadGraphModel(fileModelHandler(jsonPath));
  const anchors = createSsdAnchors(C.BLAZEPOSE_DETECTOR_ANCHOR_CONFIGURATION);
  const anchorTensor = {
    x: tf.tensor1d(anchors.map((a) => a.xCenter)),
    y: tf.tensor1d(anchors.map((a) => a.yCenter)),
    w: tf.tensor1d(anchors.map((a) => a.width)),
    h: tf.tensor1d(anchors.map((a) => a.height)),
  };
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    async detect(frame: RgbFrame): Promise<Rect | null> {
      runs++;
      const imageSize = { width: frame.width, height: frame.height };
      const image = tf.tidy(() => tf.cast(tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32'), 'float32'));
      const { imageTensor, padding } = convertImageToTensor(image as tf.Tensor3D, C.BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG);
      const raw = model.predict(imageTensor) as tf.Tensor3D;
      const { boxes, logits } = detectorResult(raw);
      try {
        const detections = await tensorsToDetections([logits, boxes], anchorTensor, C.BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION);
        if (detections.length === 0) return null;
        const nms = C.BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION;
        const selected = await nonMaxSuppression(detections, 1, nms.minSuppressionThreshold, nms.overlapType);
        const [first] = removeDetectionLetterbox(selected, padding);
        if (!first) return null;
        const rawRoi = calculateAlignmentPointsRects(first, imageSize, {
          rotationVectorStartKeypointIndex: 0,
          rotationVectorEndKeypointIndex: 1,
          rotationVectorTargetAngleDegree: 90,
        });
        return transformNormalizedRect(rawRoi, imageSize, C.BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG);
      } finally {
        tf.dispose([image, imageTensor, raw, boxes, logits]);
      }
    },
    dispose(): void {
      tf.dispose([anchorTensor.x, anchorTensor.y, anchorTensor.w, anchorTensor.h]);
      model.dispose();
    },
  };
}
