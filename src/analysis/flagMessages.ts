// Flag wording: observations with size and interval, never injury risk (docs/references.md: Malisoux 2024 found
// asymmetry alone did not predict injury).
import { METRIC_NAME } from './metricNames';
import type { FlagLevel, MetricId, Side } from './types';

export interface Observation {
  metricId: MetricId;
  /** The side with the larger value. */
  larger: Side;
  /** Size of the difference (SI %, degrees, or the metric's own unit), positive. */
  size: number;
  /** Interval of the size, oriented like `size` (larger side minus smaller side). */
  lo: number;
  hi: number;
  /** '%' (symmetry index), '°', or the metric's own unit with a leading space (' cm', ' % hip width'). */
  unit: string;
  level: FlagLevel;
  /** Upper edge of the normal band in the same unit. */
  normalBand: number;
  leftMean: number;
  rightMean: number;
  metricUnit: string;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
// A true minus sign, so '−2.6–11.2%' does not read as a range starting with a dash.
const f1 = (v: number): string => v.toFixed(1).replace(/^-/, '−');

/** The measures' names (one table: metricNames.ts). */
export const LABEL = METRIC_NAME;

/** The difference in plain words, naming the side with the larger value. */
function phrase(o: Observation): string {
  const s = o.larger; const t = other(o.larger); const x = `${f1(o.size)}${o.unit}`;
  switch (o.metricId) {
    case 'contactTimeMs': return `${cap(s)} foot stays on the belt ${x} longer than the ${t}`;
    case 'flightTimeMs': return `The runner is in the air ${x} longer after pushing off the ${s} foot than after the ${t}`;
    case 'stepTimeMs': return `Steps onto the ${s} foot take ${x} longer than steps onto the ${t}`;
    case 'dutyFactorPct': return `The ${s} foot spends a ${x} larger share of its stride on the belt than the ${t}`;
    case 'kneeFlexionAtStrikeDeg': return `The ${s} knee is ${x} more bent at foot strike than the ${t}`;
    case 'overstrideDeg': return `The ${s} shin reaches ${x} further forward at foot strike than the ${t}`;
    case 'verticalOscillationPx':
    case 'verticalOscillationCm': return `The pelvis bounces ${x} more over ${s} steps than over ${t} steps`;
    case 'hipExtensionAtToeOffDeg': return `The ${s} hip extends ${x} further behind the body at toe-off than the ${t}`;
    case 'kneeDriveDeg': return `The ${s} knee drives ${x} further forward in swing than the ${t}`;
    case 'footStrikeAngleDeg': return `The ${s} foot lands with its toes ${x} higher than the ${t}`;
    case 'kneeFlexionMidstanceDeg': return `The ${s} knee bends ${x} more at mid-stance than the ${t}`;
    case 'trunkLeanDeg': return `The trunk leans ${x} further forward while standing on the ${s} leg than on the ${t}`;
    case 'armSwingDeg': return `The ${s} arm swings through ${x} more than the ${t}`;
    case 'hipDropDeg': return `The pelvis drops ${x} more when standing on the ${s} leg than on the ${t}`;
    case 'stepWidthCm':
    case 'stepWidthPctHip': return `Steps onto the ${s} foot land ${x} wider than steps onto the ${t}`;
    case 'lateralSwayPx': return `The pelvis sways ${x} further towards the ${s} side than towards the ${t}`;
    default: return `${LABEL[o.metricId]} is ${x} larger on the ${s} side than on the ${t}`;
  }
}

/** What would let a clip decide an unclear difference, by the kind of measure. */
function remedy(id: MetricId, session: boolean): string {
  // a session already films each leg as the near one: only more steps or a faster camera remain
  if (/Ms$|Pct$/.test(id)) return session ? 'more steps or a higher frame rate would settle it' : 'more steps, a higher frame rate or a clip filmed from the other side would settle it';
  if (!session && /^(kneeFlexion|overstride|hipExtension|kneeDrive|footStrike|armSwing)/.test(id)) return 'more steps or a clip filmed from the other side (each leg measured as the near one) would settle it';
  return 'more steps would settle it';
}

/** `session`: the observation comes from several clips of one run (mergeSession.ts), so it speaks of "these clips". */
export function flagMessage(o: Observation, session = false): string {
  const ci = `95% interval ${f1(o.lo)}–${f1(o.hi)}${o.unit}`;
  const band = `the normal band (±${f1(o.normalBand)}${o.unit})`;
  if (o.level === 'watch' || o.level === 'marked') return `${phrase(o)} (${ci}): ${o.level}.`;
  if (o.level === 'unclear') {
    return `Unclear: ${phrase(o).replace(/^[A-Z]/, (c) => c.toLowerCase())} on average (${ci}), but ${session ? 'these clips' : 'this clip'} cannot tell whether the sides differ beyond ${band}: ${remedy(o.metricId, session)}.`;
  }
  const u = o.metricUnit === 'deg' ? '°' : o.metricUnit === '%' ? '%' : ` ${o.metricUnit}`;
  const means = `left ${f1(o.leftMean)}${u}, right ${f1(o.rightMean)}${u}`;
  return `${LABEL[o.metricId]}: ${means}; difference ${x(o)} (${ci}), the whole interval within ${band}.`;
}

function x(o: Observation): string {
  return `${f1(o.size)}${o.unit}${o.size > 0 ? ` more on the ${o.larger}` : ''}`;
}
