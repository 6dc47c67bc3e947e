// Which keypoints are joined by a bone (BlazePose names, design.md station 2). Each side's bones are drawn in that
// side's colour; the shoulder and hip lines belong to neither side.
import type { Side } from '../../shared/contract';

export type Bone = readonly [string, string];

const SIDE_BONES: readonly Bone[] = [
  ['shoulder', 'elbow'], ['elbow', 'wrist'], ['shoulder', 'hip'], ['hip', 'knee'], ['knee', 'ankle'],
  ['ankle', 'heel'], ['heel', 'foot_index'], ['ankle', 'foot_index'],
];

export function sideBones(side: Side): Bone[] {
  return SIDE_BONES.map(([a, b]) => [`${side}_${a}`, `${side}_${b}`] as const);
}

export const CENTRE_BONES: readonly Bone[] = [
  ['left_shoulder', 'right_shoulder'], ['left_hip', 'right_hip'], ['left_pelvis_mark', 'right_pelvis_mark'],
];

/** Joints that get a dot, per side. */
export function sideJoints(side: Side): string[] {
  return ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle', 'heel', 'foot_index', 'pelvis_mark'].map((j) => `${side}_${j}`);
}
