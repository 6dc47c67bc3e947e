// Per-contact timing from cleaned gait events (definitions: docs/references.md table, and the RBDS truth.json
// `definitions`): contact = toe-off − strike of that foot; step = strike − previous contralateral strike (the step
// that ENDS on this side's strike); flight = next contralateral strike − this toe-off; stride = next same-side strike − strike.
import type { GaitEvent, Side } from './types';
import { median } from './seriesMath';

export interface StepTiming {
  side: Side;
  strikeTimeSec: number;
  strikeFrame: number;
  toeOffTimeSec: number | null;
  contactMs: number | null;
  flightMs: number | null;
  stepMs: number | null;
  strideMs: number | null;
  /** Strike of the other foot that follows this contact (end of this stance + flight), when the events alternate. */
  nextOtherStrikeSec: number | null;
}

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/**
 * No running or walking step lasts a second (60 steps/min): running cadence is about 130–240 steps/min and walking
 * about 100–120 (docs/references.md, "Cadence"). With only a few contacts found the median step can itself span a gap
 * (the overground walking clip of fixtures/videos gave a median of 2.4 s and printed a "step" of 5.8 s), so the
 * relative bound below gets this absolute ceiling.
 */
export const MAX_STEP_SEC = 1;

/** Times (s) between consecutive strikes of alternate feet, in order, with no bound on their length. */
export function alternateStrikeGapsSec(strikes: readonly { side: Side; timeSec: number }[]): number[] {
  const sorted = [...strikes].sort((a, b) => a.timeSec - b.timeSec);
  return sorted.slice(1).flatMap((b, i) => {
    const a = sorted[i] as { side: Side; timeSec: number };
    return a.side !== b.side ? [b.timeSec - a.timeSec] : [];
  });
}

/**
 * Pairs strikes with toe-offs and neighbours. A gap in the events (a missed contact) leaves the affected
 * intervals null instead of producing a double-length step: an interval is only kept when the events on either
 * side alternate and it is shorter than 1.6 × the median step (a missed strike would make it ~2×) and than
 * MAX_STEP_SEC.
 */
export function buildStepTimings(events: readonly GaitEvent[]): StepTiming[] {
  const sorted = [...events].sort((a, b) => a.timeSec - b.timeSec);
  const strikes = sorted.filter((e) => e.type === 'footStrike');
  const toeOffs = sorted.filter((e) => e.type === 'toeOff');
  const typicalStepSec = median(alternateStrikeGapsSec(strikes));
  const maxStepSec = Number.isFinite(typicalStepSec) ? Math.min(1.6 * typicalStepSec, MAX_STEP_SEC) : MAX_STEP_SEC;

  return strikes.map((s, i) => {
    const prev = strikes[i - 1];
    const next = strikes[i + 1];
    const nextSame = strikes.slice(i + 1).find((e) => e.side === s.side);
    const limit = nextSame?.timeSec ?? Number.POSITIVE_INFINITY;
    // Toe-off of this foot: the first one after the strike and before this foot strikes again (and, in running,
    // before the other foot strikes: there is no double support).
    const toe = toeOffs.find((e) => e.side === s.side && e.timeSec > s.timeSec && e.timeSec < limit
      && (next === undefined || e.timeSec < next.timeSec || next.side === s.side));
    const toeOk = toe !== undefined && toe.timeSec - s.timeSec < maxStepSec;
    const nextOther = next !== undefined && next.side === other(s.side) && next.timeSec - s.timeSec < maxStepSec ? next : undefined;
    const stepOk = prev !== undefined && prev.side === other(s.side) && s.timeSec - prev.timeSec < maxStepSec;
    const strideOk = nextSame !== undefined && nextOther !== undefined && nextSame.timeSec - s.timeSec < 2 * maxStepSec
      && strikes.slice(i + 1).filter((e) => e.timeSec < nextSame.timeSec).length === 1;
    const toeOffTimeSec = toeOk ? toe.timeSec : null;
    const flightSec = toeOffTimeSec !== null && nextOther !== undefined ? nextOther.timeSec - toeOffTimeSec : null;
    return {
      side: s.side,
      strikeTimeSec: s.timeSec,
      strikeFrame: s.frame,
      toeOffTimeSec,
      contactMs: toeOffTimeSec !== null ? (toeOffTimeSec - s.timeSec) * 1000 : null,
      flightMs: flightSec !== null ? flightSec * 1000 : null,
      stepMs: stepOk ? (s.timeSec - (prev as GaitEvent).timeSec) * 1000 : null,
      strideMs: strideOk ? (nextSame.timeSec - s.timeSec) * 1000 : null,
      nextOtherStrikeSec: nextOther?.timeSec ?? null,
    };
  });
}

/**
 * Cadence of both feet, steps per minute, from the alternating strike pairs only (equals
 * 60·(n−1)/(last − first) when no contact is missing; RBDS truth.json `cadence_spm`).
 */
export function cadenceFromTimings(timings: readonly StepTiming[]): number | null {
  const steps = timings.map((t) => t.stepMs).filter((v): v is number => v !== null);
  if (steps.length < 2) return null;
  return 60000 / (steps.reduce((a, b) => a + b, 0) / steps.length);
}
