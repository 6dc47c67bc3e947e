// Keypoint names in the fixed order each model outputs them (same order as
// @tensorflow-models/pose-detection's BLAZEPOSE_KEYPOINTS / COCO_KEYPOINTS).
import type { PoseModelName } from '../../shared/contract';

export const BLAZEPOSE_KEYPOINT_NAMES = [
  'nose', 'left_eye_inner', 'left_eye', 'left_eye_outer', 'right_eye_inner', 'right_eye', 'right_eye_outer',
  'left_ear', 'right_ear', 'mouth_left', 'mouth_right', 'left_shoulder', 'right_shoulder', 'left_elbow',
  'right_elbow', 'left_wrist', 'right_wrist', 'left_pinky', 'right_pinky', 'left_index', 'right_index',
  'left_thumb', 'right_thumb', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
  'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index',
] as const;

export const MOVENET_KEYPOINT_NAMES = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow',
  'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle',
  'right_ankle',
] as const;

export function keypointNamesFor(model: PoseModelName): readonly string[] {
  return model.startsWith('movenet') ? MOVENET_KEYPOINT_NAMES : BLAZEPOSE_KEYPOINT_NAMES;
}
