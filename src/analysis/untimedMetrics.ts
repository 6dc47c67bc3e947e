// Which of a foot's measures rest on events this clip could not time (gait/eventReliability.ts: hidden, wandering, or
// off the foot's own pixels). One table for every place that needs it: the comparison leaves that foot out of these
// measures (assembleResult), and the per-step tables grey its values rather than show them as measured.
import { hiddenFootReasons } from './gait/eventReliability';
import type { GaitEventType, MetricId, Side, TimingReliability } from './types';

/** The measures of a foot read at (or timed from) that foot's strikes, and at its toe-offs. */
export const METRICS_USING: Readonly<Record<GaitEventType, readonly MetricId[]>> = {
  footStrike: ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'stepLengthCm', 'strideLengthCm', 'kneeFlexionAtStrikeDeg', 'overstrideDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg'],
  toeOff: ['contactTimeMs', 'flightTimeMs', 'dutyFactorPct', 'hipExtensionAtToeOffDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg'],
};

/** Per foot, the events (strikes, toe-offs) this clip cannot time, each with its reason in words. */
export function untimedEvents(timing: TimingReliability | null | undefined, facing: string): Record<Side, Map<GaitEventType, string>> {
  const out: Record<Side, Map<GaitEventType, string>> = { left: new Map(), right: new Map() };
  if (!timing) return out;
  for (const h of hiddenFootReasons(timing, facing)) out[h.side].set(h.type, h.reason);
  return out;
}

/** Per foot, the measures resting on its untimed events (untimedEvents), each with the first reason in words. */
export function untimedMetrics(events: Record<Side, ReadonlyMap<GaitEventType, string>>): Record<Side, Map<MetricId, string>> {
  const out: Record<Side, Map<MetricId, string>> = { left: new Map(), right: new Map() };
  for (const side of ['left', 'right'] as const) {
    for (const [type, reason] of events[side]) for (const id of METRICS_USING[type]) if (!out[side].has(id)) out[side].set(id, reason);
  }
  return out;
}

/** The foot's untimed events among `types`, in words ("strikes", "toe-offs"), for a caption that says what is missing. */
export function untimedEventWords(untimed: ReadonlyMap<GaitEventType, string>, types: readonly GaitEventType[] = ['footStrike', 'toeOff']): string[] {
  return types.filter((type) => untimed.has(type)).map((type) => (type === 'footStrike' ? 'strikes' : 'toe-offs'));
}
