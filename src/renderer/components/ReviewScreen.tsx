// Screen 3: the clip with its skeleton, player controls, the event timeline and the charts.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AnalysisResult, PoseTrack } from '../../shared/contract';
import { ChartsPanel } from '../charts/ChartsPanel';
import type { EventEditing } from '../hooks/useEventEdits';
import { EventEditor } from './EventEditor';
import { drawPelvisLine } from '../draw/drawPelvisLine';
import { drawVerticalReference, hipAndLegAt } from '../draw/drawVerticalReference';
import { pelvisAtFrame, pelvisReference } from '../format/pelvisAtFrame';
import { useMeasurements, type MeasurementStore } from '../hooks/useMeasurements';
import { AngleReadout } from './AngleReadout';
import { MeasureLayer } from './MeasureLayer';
import { MeasureTools } from './MeasureTools';
import { frameAtTime, framePeriodSec, nextStrike, prevStrike, seekTimeForFrame } from '../format/eventNav';
import { useHeightToWindowBottom } from '../hooks/useHeightToWindowBottom';
import { PlayerControls } from './PlayerControls';
import { SideLegend } from './SideLegend';
import { Timeline } from './Timeline';
import { VideoOverlay } from './VideoOverlay';

export interface ReviewScreenProps {
  videoSrc: string;
  result: AnalysisResult;
  track: PoseTrack;
  /** Events corrected by hand (issue 13); without it the review is read-only. */
  editing?: EventEditing | null;
  /** Where the measuring tools' drawings are kept (the job's folder); absent → this view only. */
  measurementStore?: MeasurementStore;
}

export function ReviewScreen({ videoSrc, result, track, editing, measurementStore }: ReviewScreenProps) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const columnRef = useRef<HTMLDivElement | null>(null);
  // Picture, controls and timeline share the height left under the header: all three always on screen.
  const columnHeightPx = useHeightToWindowBottom(columnRef, 12, 380);
  const [timeSec, setTimeSec] = useState(0);
  // The time of the frame on screen, updated synchronously: steps count from what the user sees (the frame
  // callback's media time), not from video.currentTime, which after a pause can sit a frame behind it; and two
  // quick key presses must move two frames even before React re-renders.
  const shownTime = useRef(0);
  const showTime = useCallback((t: number) => { shownTime.current = t; setTimeSec(t); }, []);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [showSkeleton, setShowSkeleton] = useState(true);
  const periodSec = useMemo(() => framePeriodSec(track.timesSec), [track]);
  const frame = frameAtTime(track.timesSec, timeSec);
  const measures = useMeasurements(measurementStore);
  const durationSec = result.video.durationSec || (track.timesSec[track.timesSec.length - 1] ?? 0);
  // Rear view: the measured pelvis line and its level reference, drawn over the picture at every frame.
  const pelvisRef = useMemo(() => pelvisReference(result, track), [result, track]);
  const pelvis = pelvisRef ? pelvisAtFrame(pelvisRef, result, track, frame) : null;
  // Side view: the vertical the angles were read against, dashed through the hips.
  const vertical = result.view === 'side' ? result.vertical ?? null : null;
  const drawExtra = useCallback((ctx: CanvasRenderingContext2D, t: number) => {
    const f = frameAtTime(track.timesSec, t);
    if (vertical) {
      const at = hipAndLegAt(track, f);
      if (at) drawVerticalReference(ctx, at.hip, at.legPx, vertical.deg, Math.max(2, ctx.canvas.width / 360));
    }
    if (!pelvisRef) return;
    const p = pelvisAtFrame(pelvisRef, result, track, f);
    if (p) drawPelvisLine(ctx, p, Math.max(3, ctx.canvas.width / 180));
  }, [pelvisRef, vertical, result, track]);

  const seek = useCallback((t: number) => {
    const v = videoRef.current;
    if (v) { v.pause(); v.currentTime = t; }
    // Show the target at once; the frame callback confirms it when the frame is on screen.
    showTime(t);
  }, [showTime]);
  const togglePlay = useCallback(() => {
    const v = videoRef.current;
    if (!v) return;
    if (v.paused || v.ended) void v.play().catch(() => setPlaying(false));
    else v.pause();
  }, []);
  const step = useCallback((delta: number) => {
    const current = frameAtTime(track.timesSec, shownTime.current);
    const target = Math.max(0, Math.min(track.timesSec.length - 1, current + delta));
    seek(seekTimeForFrame(track.timesSec, target));
  }, [track, seek]);
  const jumpStrike = useCallback((dir: 1 | -1) => {
    const now = shownTime.current;
    const ev = dir > 0 ? nextStrike(result.events, now, periodSec / 2) : prevStrike(result.events, now, periodSec / 2);
    if (ev) seek(ev.timeSec);
  }, [result, periodSec, seek]);
  const changeRate = useCallback((r: number) => {
    setRate(r);
    if (videoRef.current) videoRef.current.playbackRate = r;
  }, []);

  return (
    <div className="review-screen">
      <div className="review-left">
      <div className="review-video" ref={columnRef} style={{ height: columnHeightPx }}>
        <VideoOverlay ref={videoRef} src={videoSrc} track={track} showSkeleton={showSkeleton}
          onTime={showTime} drawExtra={pelvisRef || vertical ? drawExtra : undefined} onPlayingChange={(p) => { setPlaying(p); if (videoRef.current) videoRef.current.playbackRate = rate; }}>
          <MeasureLayer width={track.width} height={track.height} shown={measures.all.filter((m) => m.frame === frame)}
            drawing={measures.drawing} active={measures.tool !== null} onPoint={(p) => measures.addPoint(p, frame)} />
        </VideoOverlay>
        <div className="legend-bar">
          <SideLegend />
          <AngleReadout result={result} track={track} frame={frame} pelvis={pelvis} />
        </div>
        <div className="tools-row">
          <MeasureTools state={measures} frame={frame} />
          <label className="inline skeleton-toggle"><input type="checkbox" checked={showSkeleton} onChange={(e) => setShowSkeleton(e.target.checked)} /> Skeleton</label>
        </div>
        <PlayerControls playing={playing} rate={rate} frame={frame} frameCount={track.timesSec.length} timeSec={timeSec}
          onTogglePlay={togglePlay} onStep={step} onPrevStrike={() => jumpStrike(-1)} onNextStrike={() => jumpStrike(1)} onRate={changeRate} />
        <Timeline events={result.events} durationSec={durationSec} currentTimeSec={timeSec} onSeek={seek} {...(editing ? { onSelectEvent: editing.select } : {})} />
      </div>
      {/* Under the window-high column, not in it: inside, the editor and its step table left a 1366×768 window no
          height for the picture at all. */}
      {editing && <EventEditor editing={editing} timesSec={track.timesSec} frame={frame} onSeekFrame={(f) => seek(seekTimeForFrame(track.timesSec, f))} />}
      </div>
      <ChartsPanel result={result} />
    </div>
  );
}
