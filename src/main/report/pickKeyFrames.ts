// Which moments to show as key frames (issue 5): per side, one representative stance — the one
// whose contact (strike to toe-off) is nearest that side's median, so the picture shows a typical step, not an
// outlier. Its mid-stance picture is taken where that stance's hip drop was read (rear view: `midStanceTimeSec`, the
// pelvis's own low where the feet are mistimed), so the pelvis line drawn over it is the one its caption states.
import type { AnalysisResult, Side, StepRow } from '../../shared/contract';
import { stepMidStanceSec } from '../../shared/hipDropSeries';

export interface KeyStance {
  side: Side;
  strikeTimeSec: number;
  midStanceTimeSec: number;
  step: StepRow | null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Strike to toe-off (s): the stance's length even where its contact time is not reported (a rear view). */
const stanceSec = (s: StepRow): number => (s.toeOffTimeSec ?? Number.NaN) - s.strikeTimeSec;

function fromSteps(steps: StepRow[], side: Side): KeyStance | null {
  const own = steps.filter((s) => s.side === side && Number.isFinite(stanceSec(s)));
  if (own.length === 0) return null;
  // Skip the first and last stance of the clip when possible: filters and trackers settle there.
  const inner = own.length > 4 ? own.slice(1, -1) : own;
  const mid = median(inner.map(stanceSec));
  let best = inner[0] as StepRow;
  for (const s of inner) if (Math.abs(stanceSec(s) - mid) < Math.abs(stanceSec(best) - mid)) best = s;
  return { side, strikeTimeSec: best.strikeTimeSec, midStanceTimeSec: stepMidStanceSec(best), step: best };
}

function fromEvents(result: AnalysisResult, side: Side): KeyStance | null {
  const events = result.events.filter((e) => e.side === side).sort((a, b) => a.timeSec - b.timeSec);
  const stances: { strike: number; toeOff: number }[] = [];
  events.forEach((e, i) => {
    const next = events[i + 1];
    if (e.type === 'footStrike' && next && next.type === 'toeOff') stances.push({ strike: e.timeSec, toeOff: next.timeSec });
  });
  if (stances.length === 0) return null;
  const mid = median(stances.map((s) => s.toeOff - s.strike));
  let best = stances[0] as { strike: number; toeOff: number };
  for (const s of stances) if (Math.abs(s.toeOff - s.strike - mid) < Math.abs(best.toeOff - best.strike - mid)) best = s;
  return { side, strikeTimeSec: best.strike, midStanceTimeSec: (best.strike + best.toeOff) / 2, step: null };
}

export function pickKeyStances(result: AnalysisResult): Record<Side, KeyStance | null> {
  const steps = result.steps ?? [];
  return {
    left: fromSteps(steps, 'left') ?? fromEvents(result, 'left'),
    right: fromSteps(steps, 'right') ?? fromEvents(result, 'right'),
  };
}
