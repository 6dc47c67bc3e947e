// The analysis from events given instead of detected (design.md "Events carry their own uncertainty"; issue 13):
// hand corrections in the review screen and `lopsided analyse … --events`. The track is prepared exactly as for a
// detected analysis (findGaitEvents: leg repair, filtering, view, facing, and the clip's own timing evidence), then
// the given events replace the detected ones and go through the same metrics → comparison → flags → verdict
// (assembleResult). Pure and deterministic, so the page, the server and the CLI give the same numbers.
import { AnalysisError } from './analysisError';
import { validateTrack } from './analyseTrack';
import { assembleResult, type VideoMeta } from './assembleResult';
import { findGaitEvents, type GaitEventsResult } from './findGaitEvents';
import { measureTimingReliability } from './gait/eventReliability';
import { handSetTiming } from './gait/handSetTiming';
import { indexAtOrBefore } from './seriesMath';
import { frameRateOf } from './signal/subFrame';
import type { AnalysisOptions, AnalysisResult, GaitEvent, PoseTrack } from './types';

/** Index of the frame nearest to timeSec (frame times strictly increasing). */
export function nearestFrame(timesSec: readonly number[], timeSec: number): number {
  const i = indexAtOrBefore(timesSec, timeSec);
  if (i < 0) return 0;
  if (i >= timesSec.length - 1) return timesSec.length - 1;
  return timeSec - (timesSec[i] as number) <= (timesSec[i + 1] as number) - timeSec ? i : i + 1;
}

/**
 * The given events sorted, each with the frame nearest its time (a file's frame column may count differently); an
 * event outside the track is an error naming it, never silently dropped.
 */
export function placeGivenEvents(events: readonly GaitEvent[], timesSec: readonly number[]): GaitEvent[] {
  const first = timesSec[0] ?? 0;
  const last = timesSec[timesSec.length - 1] ?? 0;
  const halfFrame = 0.5 / (frameRateOf(timesSec) || 30);
  return [...events].sort((a, b) => a.timeSec - b.timeSec).map((e) => {
    if (!Number.isFinite(e.timeSec) || e.timeSec < first - halfFrame || e.timeSec > last + halfFrame) {
      throw new AnalysisError('EVENTS_INVALID', `The ${e.side} ${e.type === 'footStrike' ? 'foot strike' : 'toe-off'} at ${e.timeSec} s lies outside the clip (${first.toFixed(3)}–${last.toFixed(3)} s).`);
    }
    const { correctedByHand, ...rest } = e;
    return { ...rest, frame: nearestFrame(timesSec, e.timeSec), ...(correctedByHand === true ? { correctedByHand: true } : {}) };
  });
}

const eventKey = (e: GaitEvent): string => `${e.side} ${e.type} ${e.timeSec}`;

/** Whether two event lists hold the same events (side, type, time), in any order. */
function sameEvents(a: readonly GaitEvent[], b: readonly GaitEvent[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(eventKey));
  return b.every((e) => keys.has(eventKey(e)));
}

/**
 * The detector's result with the given events in place of its own, and timing evidence that knows which a person set.
 * The clip's evidence (pose confidence, agreement with a second rule, wandering) is measured again on the detector's
 * events that remain: a person who moved or deleted the wrong ones leaves the right ones, and their evidence is what
 * they earn; the events a person set carry the eye-marking bound (gait/handSetTiming.ts).
 */
export function withGivenEvents(gait: GaitEventsResult, events: readonly GaitEvent[]): GaitEventsResult {
  const fps = frameRateOf(gait.track.timesSec); // as findGaitEvents measured the clip
  const placed = placeGivenEvents(events, gait.track.timesSec);
  if (sameEvents(placed, gait.events)) return { ...gait, events: placed };
  const detected = placed.filter((e) => e.correctedByHand !== true);
  const clip = measureTimingReliability({ track: gait.eventTrack, pictureTrack: gait.track, events: detected, fps, view: gait.view, facing: gait.facing, legLengthPx: gait.legLengthPx });
  return { ...gait, events: placed, timing: handSetTiming(clip, placed, fps) };
}

/** analyseTrack with given events (`lopsided analyse … --events`). */
export function analyseTrackWithEvents(track: PoseTrack, options: AnalysisOptions, video: VideoMeta, events: readonly GaitEvent[],
  app?: { name: string; version: string }): AnalysisResult {
  validateTrack(track);
  const gait = findGaitEvents(track, { view: options.view });
  return assembleResult(track, withGivenEvents(gait, events), options, video, app);
}

/**
 * A recompute function for one stored analysis (review screen, server): the track is prepared once, then each call
 * assembles the result from a set of events in milliseconds. Warnings the pipeline added to the stored result after
 * the analysis (a second person, undecoded frames, variable frame rate) are kept; the analysis's own are made anew.
 * The stored result may itself come from corrected events: its own warnings are those the analysis gives for its events.
 */
export function prepareRecompute(track: PoseTrack, options: AnalysisOptions, stored: AnalysisResult): (events: readonly GaitEvent[]) => AnalysisResult {
  validateTrack(track);
  const gait = findGaitEvents(track, { view: options.view });
  const video: VideoMeta = { ...stored.video };
  const app = stored.app;
  const assemble = (events: readonly GaitEvent[]): AnalysisResult => assembleResult(track, withGivenEvents(gait, events), options, video, app);
  const own = new Set(assemble(stored.events).quality.warnings);
  const pipelineWarnings = stored.quality.warnings.filter((w) => !own.has(w));
  return (events) => {
    const result = assemble(events);
    result.quality.warnings.push(...pipelineWarnings);
    return result;
  };
}
