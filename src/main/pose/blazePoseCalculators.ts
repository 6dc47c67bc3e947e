// The pure calculators of @tensorflow-models/pose-detection's BlazePose TF.js pipeline, imported
// from the package's per-module CommonJS files (issue 12). The lean ONNX landmark stage calls the
// very functions the stock pipeline calls for ROI geometry, projection, detection decoding and
// the ROI tracking from landmarks, so its keypoints can only differ where it replaces tensor work
// (crop, landmark and heatmap decoding). The package has no "exports" map, so these paths resolve;
// they are pinned by package-lock (^2.1.3). `.js` suffixes: Node ESM needs them for deep imports.
export { calculateAlignmentPointsRects } from '@tensorflow-models/pose-detection/dist/shared/calculators/calculate_alignment_points_rects.js';
export { transformNormalizedRect } from '@tensorflow-models/pose-detection/dist/shared/calculators/transform_rect.js';
export { landmarksToDetection } from '@tensorflow-models/pose-detection/dist/shared/calculators/landmarks_to_detection.js';
export { calculateLandmarkProjection } from '@tensorflow-models/pose-detection/dist/shared/calculators/calculate_landmark_projection.js';
export { removeLandmarkLetterbox } from '@tensorflow-models/pose-detection/dist/shared/calculators/remove_landmark_letterbox.js';
export { normalizedKeypointsToKeypoints } from '@tensorflow-models/pose-detection/dist/shared/calculators/normalized_keypoints_to_keypoints.js';
export { getRoi, padRoi, getProjectiveTransformMatrix } from '@tensorflow-models/pose-detection/dist/shared/calculators/image_utils.js';
export { getRotatedSubRectToRectTransformMatrix } from '@tensorflow-models/pose-detection/dist/shared/calculators/get_rotated_sub_rect_to_rect_transformation_matrix.js';
export { convertImageToTensor } from '@tensorflow-models/pose-detection/dist/shared/calculators/convert_image_to_tensor.js';
export { createSsdAnchors } from '@tensorflow-models/pose-detection/dist/shared/calculators/create_ssd_anchors.js';
export { detectorResult } from '@tensorflow-models/pose-detection/dist/shared/calculators/detector_result.js';
export { tensorsToDetections } from '@tensorflow-models/pose-detection/dist/shared/calculators/tensors_to_detections.js';
export { nonMaxSuppression } from '@tensorflow-models/pose-detection/dist/shared/calculators/non_max_suppression.js';
export { removeDetectionLetterbox } from '@tensorflow-models/pose-detection/dist/shared/calculators/remove_detection_letterbox.js';
export * as blazePoseConstants from '@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants.js';
export type { Rect } from '@tensorflow-models/pose-detection/dist/shared/calculators/interfaces/shape_interfaces.js';
export type { Keypoint as NormalizedKeypoint, Padding, ImageSize } from '@tensorflow-models/pose-detection/dist/shared/calculators/interfaces/common_interfaces.js';
