// The steps around the frame on screen (issue 13): each contact's strike and toe-off frames with its contact, flight
// and step time to 0.1 ms, so a physio sees what a correction changed, step by step. The step whose contact or
// flight holds the current frame is highlighted; rows whose events were set by hand say so. A foot's values that rest
// on events this clip could not time are greyed, with the reason: they are not part of the comparison. A measure no
// step has (contact, flight and step time from behind: not measured there) has no column; a rear view's hip drop has.
import { useMemo } from 'react';
import type { AnalysisResult, GaitEventType, MetricId, StepRow } from '../../shared/contract';
import { untimedEvents, untimedMetrics } from '../../shared/timingReliability';
import { METRIC_LABEL } from '../format/metricLabels';
import { SIDE_COLOUR, SIDE_LABEL } from '../format/sideStyle';

/** Seconds of steps shown each side of the current time: about three strides at running cadence. */
const WINDOW_SEC = 2;

const ms = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(1));

export interface StepTableProps {
  result: AnalysisResult;
  timeSec: number;
  /** Frame index of a time (the track's own frame times). */
  frameOf: (timeSec: number) => number;
}

export function StepTable({ result, timeSec, frameOf }: StepTableProps) {
  const steps = [...(result.steps ?? [])].sort((a, b) => a.strikeTimeSec - b.strikeTimeSec);
  const shown = steps.filter((s) => Math.abs(s.strikeTimeSec - timeSec) <= WINDOW_SEC);
  // by frames, as the strip shows them: a strike a fraction of a frame after the frame's time is on that frame
  const frame = frameOf(timeSec);
  const holds = (s: StepRow): boolean => {
    const next = steps[steps.indexOf(s) + 1];
    return frame >= frameOf(s.strikeTimeSec) && (next === undefined || frame < frameOf(next.strikeTimeSec));
  };
  // Once per result, not per frame: the table re-renders with every frame of playback.
  const { untimedEvent, untimed } = useMemo(() => {
    const events = untimedEvents(result.timing, result.facing ?? '');
    return { untimedEvent: events, untimed: untimedMetrics(events) };
  }, [result.timing, result.facing]);
  if (shown.length === 0) return null;
  const someStepHas = (v: (s: StepRow) => number | null | undefined): boolean => steps.some((s) => Number.isFinite(v(s) ?? Number.NaN));
  const timed = someStepHas((s) => s.contactMs) || someStepHas((s) => s.flightMs) || someStepHas((s) => s.stepMs);
  const withDrop = someStepHas((s) => s.hipDropDeg);
  /** A number cell, greyed with the reason when it rests on an event this clip could not time. */
  const td = (key: string, why: string | undefined, text: string) => (
    <td className={why ? 'num muted' : 'num'} data-cell={key} data-untimed={why ? 'true' : undefined} title={why ? `Not timed: ${why}` : undefined}>{text}</td>
  );
  const eventCell = (s: StepRow, type: GaitEventType, key: string, t: number | null) => td(key, untimedEvent[s.side].get(type), t === null ? '—' : String(frameOf(t)));
  const cell = (s: StepRow, id: MetricId, key: string, v: number | null) => td(key, untimed[s.side].get(id), ms(v));
  return (
    <table className="step-table" data-testid="step-table">
      <caption className="muted small">Steps near this frame (all of them in steps.csv and the PDF)</caption>
      <thead>
        <tr>
          <th scope="col">Side</th>
          <th scope="col">Strike frame</th>
          <th scope="col">Toe-off frame</th>
          {timed && <th scope="col">{METRIC_LABEL.contactTimeMs} (ms)</th>}
          {timed && <th scope="col">{METRIC_LABEL.flightTimeMs} (ms)</th>}
          {timed && <th scope="col">{METRIC_LABEL.stepTimeMs} (ms)</th>}
          {withDrop && <th scope="col">{METRIC_LABEL.hipDropDeg} (°)</th>}
          <th scope="col">By hand</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((s) => (
          <tr key={`${s.side}-${s.strikeTimeSec}`} data-testid="step-row" data-side={s.side} data-strike-frame={frameOf(s.strikeTimeSec)}
            data-strike-time-sec={s.strikeTimeSec} className={holds(s) ? 'current' : undefined}>
            <th scope="row" style={{ color: SIDE_COLOUR[s.side] }}>{SIDE_LABEL[s.side]}</th>
            {eventCell(s, 'footStrike', 'strike-frame', s.strikeTimeSec)}
            {eventCell(s, 'toeOff', 'toe-off-frame', s.toeOffTimeSec)}
            {timed && cell(s, 'contactTimeMs', 'contact', s.contactMs)}
            {timed && cell(s, 'flightTimeMs', 'flight', s.flightMs)}
            {timed && cell(s, 'stepTimeMs', 'step', s.stepMs)}
            {withDrop && td('hip-drop', undefined, s.hipDropDeg === null || !Number.isFinite(s.hipDropDeg) ? '—' : s.hipDropDeg.toFixed(1))}
            <td data-cell="by-hand">{(s.correctedByHand ?? []).map((t) => (t === 'footStrike' ? 'strike' : 'toe-off')).join(' + ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
