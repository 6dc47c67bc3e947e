// Foot strike and toe-off per foot with sub-frame timing (issue 3), from a repaired, filtered track.
// Side view: treadmill belt rule + toe rise (events/sideViewEvents.ts). Rear view: vertical image motion of the
// feet (events/rearViewEvents.ts). Events are returned unpaired and sorted; cleanGaitEvents enforces the order.
import { footSignals } from './gait/footSignals';
import { DEFAULT_REAR_OPTIONS, rearViewFootEvents, rearViewToeOffs, type RearEventOptions, type RearFootSignals } from './gait/rearViewEvents';
import { DEFAULT_SIDE_OPTIONS, sideViewFootEvents, type FootEventIndices, type SideEventOptions } from './gait/sideViewEvents';
import { pointSeries } from './gait/bodyGeometry';
import type { Facing } from './detectView';
import { frameRateOf, timeAtIndex } from './signal/subFrame';
import { SIDES, type GaitEvent, type PoseTrack, type Side, type View } from './types';

export interface DetectGaitEventsOptions {
  view: View;
  facing: Facing;
  legLengthPx: number;
  side?: Partial<SideEventOptions>;
  rear?: Partial<RearEventOptions>;
  /** Side view: σ (px) of the noise in each foot's toe height on this track (signal/filteredNoise.ts). */
  toeNoisePx?: Partial<Record<Side, number>>;
}

function toEvents(idx: FootEventIndices, side: Side, timesSec: readonly number[]): GaitEvent[] {
  const n = timesSec.length;
  const make = (i: number, type: GaitEvent['type']): GaitEvent => ({
    side, type, timeSec: timeAtIndex(timesSec, i), frame: Math.max(0, Math.min(n - 1, Math.round(i))),
  });
  return [...idx.strikes.map((i) => make(i, 'footStrike')), ...idx.toeOffs.map((i) => make(i, 'toeOff'))];
}

function rearSignals(track: PoseTrack, side: Side): RearFootSignals {
  const ankle = pointSeries(track, `${side}_ankle`);
  const heel = pointSeries(track, `${side}_heel`);
  const toe = pointSeries(track, `${side}_foot_index`);
  const heelY = heel.y.map((v, i) => (Number.isFinite(v) ? v : (ankle.y[i] as number)));
  const toeY = toe.y.map((v, i) => (Number.isFinite(v) ? v : (heelY[i] as number)));
  return { heelY, toeY };
}

export function detectGaitEvents(track: PoseTrack, opts: DetectGaitEventsOptions): GaitEvent[] {
  const fps = frameRateOf(track.timesSec);
  const events: GaitEvent[] = [];
  const rearOpts = { ...DEFAULT_REAR_OPTIONS, ...opts.rear };
  const rear = opts.view === 'rear'
    ? { left: rearSignals(track, 'left'), right: rearSignals(track, 'right') }
    : undefined;
  for (const side of SIDES) {
    let idx: FootEventIndices;
    if (!rear) {
      const sign = opts.facing === 'imageLeft' ? -1 : 1;
      idx = sideViewFootEvents(footSignals(track, side, sign), fps, opts.legLengthPx, { ...DEFAULT_SIDE_OPTIONS, ...opts.side }, opts.toeNoisePx?.[side]);
    } else {
      const other = side === 'left' ? 'right' : 'left';
      const otherOffs = rearViewToeOffs(rear[other], track.timesSec, fps);
      idx = rearViewFootEvents(rear[side], track.timesSec, fps, rearOpts, otherOffs);
    }
    for (const e of toEvents(idx, side, track.timesSec)) events.push(e); // a 2-h clip has ~40,000 events: no spread
  }
  return events.sort((a, b) => a.timeSec - b.timeSec);
}
