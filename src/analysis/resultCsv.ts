// events.csv and steps.csv beside report.json (issue 3, "What a user gets"). Stable columns; an empty cell
// means the view or the data could not give that value.
import { csvNumber as cell } from './csvCell';
import { untimedEvents } from './untimedMetrics';
import type { AnalysisResult } from './types';

/** Column of events.csv saying a person set the event (1) or the detector did (0); `--events` reads it back. */
export const EVENTS_CSV_HEADER = 'side,type,time_s,frame,corrected_by_hand';

/**
 * One row per event: side, type (footStrike|toeOff), time_s (sub-frame), frame (nearest frame index),
 * corrected_by_hand (1 when a person set or moved it). Six decimals of a second: a re-read file (`--events`)
 * gives the same contact times to the microsecond.
 */
export function formatEventsCsv(result: AnalysisResult): string {
  const rows = [...result.events]
    .sort((a, b) => a.timeSec - b.timeSec)
    .map((e) => [e.side, e.type, cell(e.timeSec, 6), String(e.frame), e.correctedByHand === true ? '1' : '0'].join(','));
  return [EVENTS_CSV_HEADER, ...rows].join('\n') + '\n';
}

/** An event type in the steps.csv columns that list them (corrected_by_hand, not_timed). */
const HAND_WORD = { footStrike: 'strike', toeOff: 'toe_off' } as const;

/** One row per step (a stance of one foot and the step that ends with its strike). */
export function formatStepsCsv(result: AnalysisResult): string {
  const header = 'side,strike_time_s,toe_off_time_s,contact_ms,flight_ms,step_ms,knee_flexion_at_strike_deg,overstride_deg,hip_drop_deg,'
    + 'step_width_cm,step_width_pct_hip,crossover,lateral_sway_px'
    // issue 16's side-view angles, appended so readers of the earlier columns are unaffected
    + ',hip_extension_at_toe_off_deg,knee_drive_deg,foot_strike_angle_deg,knee_flexion_midstance_deg,trunk_lean_deg,arm_swing_deg'
    + ',corrected_by_hand'
    // issue 11: this foot's events the clip could not time (its values in this row are then not part of the comparison)
    + ',not_timed';
  const untimed = untimedEvents(result.timing, result.facing ?? '');
  const flag = (v: boolean | null | undefined): string => (v === true ? '1' : v === false ? '0' : '');
  const rows = (result.steps ?? []).map((s) => [
    s.side, cell(s.strikeTimeSec, 5), cell(s.toeOffTimeSec, 5), cell(s.contactMs, 1), cell(s.flightMs, 1),
    cell(s.stepMs, 1), cell(s.kneeFlexionAtStrikeDeg, 1), cell(s.overstrideDeg, 1), cell(s.hipDropDeg, 2),
    cell(s.stepWidthCm, 2), cell(s.stepWidthPctHip, 1), flag(s.crossover), cell(s.lateralSwayPx, 1),
    cell(s.hipExtensionAtToeOffDeg, 1), cell(s.kneeDriveDeg, 1), cell(s.footStrikeAngleDeg, 1), cell(s.kneeFlexionMidstanceDeg, 1),
    cell(s.trunkLeanDeg, 1), cell(s.armSwingDeg, 1),
    (s.correctedByHand ?? []).map((t) => HAND_WORD[t]).join('+'),
    (['footStrike', 'toeOff'] as const).filter((t) => untimed[s.side].has(t)).map((t) => HAND_WORD[t]).join('+'),
  ].join(','));
  return [header, ...rows].join('\n') + '\n';
}
