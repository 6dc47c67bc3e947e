// Flag wording: observations with size and interval, never injury risk (references.md: Malisoux 2024 found
// asymmetry alone did not predict injury).
import type { FlagLevel, MetricId, Side } from './types';

export interface Observation {
  metricId: MetricId;
  /** The side with the larger value. */
  larger: Side;
  /** Size of the difference (SI % or degrees), positive. */
  size: number;
  /** Interval of the size, oriented like `size` (larger side minus smaller side). */
  lo: number;
  hi: number;
  unit: '%' | '°';
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

export const LABEL: Record<MetricId, string> = {
  contactTimeMs: 'Contact time', flightTimeMs: 'Flight time', stepTimeMs: 'Step time', dutyFactorPct: 'Duty factor',
  kneeFlexionAtStrikeDeg: 'Knee flexion at foot strike', overstrideDeg: 'Shin angle at foot strike',
  verticalOscillationPx: 'Vertical oscillation', verticalOscillationCm: 'Vertical oscillation', stepLengthCm: 'Step length',
  strideLengthCm: 'Stride length', hipDropDeg: 'Hip drop',
};

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
    case 'hipDropDeg': return `The pelvis drops ${x} more when standing on the ${s} leg than on the ${t}`;
    default: return `${LABEL[o.metricId]} is ${x} larger on the ${s} side than on the ${t}`;
  }
}

export function flagMessage(o: Observation): string {
  const ci = `95% interval ${f1(o.lo)}–${f1(o.hi)}${o.unit}`;
  if (o.level !== 'normal') return `${phrase(o)} (${ci}): ${o.level}.`;
  const u = o.metricUnit === 'deg' ? '°' : o.metricUnit === '%' ? '%' : ` ${o.metricUnit}`;
  const means = `left ${o.leftMean.toFixed(1)}${u}, right ${o.rightMean.toFixed(1)}${u}`;
  const inside = o.size <= o.normalBand
    ? `within the normal band (±${f1(o.normalBand)}${o.unit})`
    : `but the interval does not clear the normal band (±${f1(o.normalBand)}${o.unit}), so it is not flagged`;
  return `${LABEL[o.metricId]}: ${means}; difference ${x(o)} (${ci}), ${inside}.`;
}

function x(o: Observation): string {
  return `${f1(o.size)}${o.unit}${o.size > 0 ? ` more on the ${o.larger}` : ''}`;
}
