// The analysis's own 2D angle readers (knee flexion, shank inclination, the pelvis line), for the review screen's
// live readout: the page reads the same angle the numbers were made from, never a second formula.
export { kneeFlexionDeg, shankInclinationDeg, interiorAngleDeg } from '../analysis/jointAngles';
export { pelvisLine } from '../analysis/hipDrop';
