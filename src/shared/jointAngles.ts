// The analysis's own 2D angle readers (knee flexion, shank inclination, the pelvis line), for the review screen's
// live readout: the page reads the same angle the numbers were made from, never a second formula.
export { kneeFlexionDeg, interiorAngleDeg } from '../analysis/jointAngles';
export { shankInclinationDeg } from '../analysis/segmentAngles';
export { pelvisLine } from '../analysis/hipDrop';
// …and the analysis's rule for whether the model saw the points an angle is made from (issue 11: a far leg hidden at
// the frame has no angle, on the page as in the numbers).
export { minScoreAt } from '../analysis/gait/pointVisibility';
export { MIN_VISIBILITY } from '../analysis/gait/eventReliability';
