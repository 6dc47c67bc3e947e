// The overlay draws the track with the analysis's leg-label repairs applied (see src/analysis/applyLegSwaps.ts).
export { applyLegSwaps as displayTrack } from '../../analysis/applyLegSwaps';
