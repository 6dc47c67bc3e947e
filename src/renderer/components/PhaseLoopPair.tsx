// Two clips shown at the same phase of their own time window, looped: the left stance next to the right stance,
// or the same stride of two sessions. Each panel seeks its own <video> to start + phase × length, shows it cropped
// to the runner and draws the skeleton over it, so both panels always show the same moment of the movement.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PoseTrack } from '../../shared/contract';
import { boxToCanvas, runnerBox, type Box } from '../draw/cropBox';
import { drawSkeleton } from '../draw/drawSkeleton';
import { fitContain, type Size } from '../draw/viewZoom';
import { frameAtTime, seekTimeForFrame, type TimeWindow } from '../format/eventNav';
import { formatClock } from '../format/formatValue';
import { isTyping } from '../format/isTyping';
import { useElementSize } from '../hooks/useElementSize';
import { useHeightToWindowBottom } from '../hooks/useHeightToWindowBottom';
import { phaseAfterFrameStep } from '../format/phaseStep';

export interface LoopClip {
  title: string;
  titleColour?: string;
  src: string;
  track: PoseTrack;
  window: TimeWindow;
  mirror?: boolean;
}

/** Panels are portrait (a standing runner); both get the same size, as large as the row and the window allow. */
const PANEL_ASPECT = 320 / 420;
/** Caption above and loop controls below each panel. */
const PANEL_CHROME_PX = 90;
const GAP_PX = 16;

function seekTo(video: HTMLVideoElement, t: number): Promise<void> {
  return new Promise((resolve) => {
    if (Math.abs(video.currentTime - t) < 1e-4 && video.readyState >= 2) { resolve(); return; }
    // A clip that cannot load never fires 'seeked': give up after a while so the other panel keeps looping.
    const timer = setTimeout(() => done(), 2000);
    const done = (): void => { clearTimeout(timer); video.removeEventListener('seeked', done); resolve(); };
    video.addEventListener('seeked', done);
    video.currentTime = t;
  });
}

function drawSkeletonPanel(canvas: HTMLCanvasElement, clip: LoopClip, box: Box, t: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  drawSkeleton(ctx, clip.track, frameAtTime(clip.track.timesSec, t), boxToCanvas(box, canvas.width, canvas.height, clip.mirror ?? false), { lineWidth: 4 });
}

/** CSS that shows the crop box of the (visible) video in the panel; mirrored by the layer around it. */
function videoStyle(track: PoseTrack, box: Box, panelWidth: number): CSSProperties {
  const s = panelWidth / box.width;
  return { left: -box.x * s, top: -box.y * s, width: track.width * s, height: track.height * s };
}

/** The frame of a clip shown at a phase of its window (the nearest frame: both panels show real frames). */
function frameAtPhase(clip: LoopClip, phase: number): number {
  const w = clip.window;
  return frameAtTime(clip.track.timesSec, w.startSec + phase * (w.endSec - w.startSec));
}

/** One loop lasts this long whatever the window: a 250 ms stance plays at 1/8 speed, slow enough to follow. */
const LOOP_SEC = 2.4;

export function PhaseLoopPair({ clips, testId }: { clips: readonly [LoopClip, LoopClip]; testId: string }) {
  const rowRef = useRef<HTMLDivElement>(null);
  const row = useElementSize(rowRef);
  const rowHeight = useHeightToWindowBottom(rowRef, 12, 300);
  const panel: Size = useMemo(() => {
    const fitted = fitContain({ width: Math.max(0, (row.width - GAP_PX) / 2), height: rowHeight - PANEL_CHROME_PX }, PANEL_ASPECT);
    // Before the first layout (and in tests without layout) keep the former fixed size.
    return fitted.width > 40 ? { width: Math.floor(fitted.width), height: Math.floor(fitted.height) } : { width: 320, height: 420 };
  }, [row.width, rowHeight]);
  const videoA = useRef<HTMLVideoElement>(null);
  const videoB = useRef<HTMLVideoElement>(null);
  const canvasA = useRef<HTMLCanvasElement>(null);
  const canvasB = useRef<HTMLCanvasElement>(null);
  const [playing, setPlaying] = useState(true);
  const [phase, setPhase] = useState(0);
  const [seeking, setSeeking] = useState(true);
  const boxes = useMemo(
    () => clips.map((c) => runnerBox(c.track, c.window.startSec, c.window.endSec, PANEL_ASPECT)),
    [clips],
  );
  const panels = useCallback(() => [[videoA.current, canvasA.current], [videoB.current, canvasB.current]] as const, []);
  const drawAt = useCallback((k: number, t: number) => {
    const c = panels()[k]![1];
    if (c) drawSkeletonPanel(c, clips[k]!, boxes[k]!, t);
  }, [clips, boxes, panels]);

  // Playing: both clips play their own window at a rate that makes the two windows last equally long, so they
  // stay at the same phase; every loop restarts both from their window start together. Seeking frame by frame
  // would be far slower (each seek decodes from the previous key frame).
  useEffect(() => {
    if (!playing) return;
    let cancelled = false;
    let raf = 0;
    let shownPct = -1;
    const restart = async (): Promise<void> => {
      const list = panels();
      list.forEach(([v]) => v?.pause());
      setSeeking(true);
      await Promise.all(clips.map((clip, k) => { const v = list[k]![0]; return v ? seekTo(v, clip.window.startSec) : Promise.resolve(); }));
      if (cancelled) return;
      setSeeking(false);
      await Promise.all(clips.map((clip, k) => {
        const v = list[k]![0];
        if (!v) return Promise.resolve();
        v.playbackRate = Math.max(0.0625, (clip.window.endSec - clip.window.startSec) / LOOP_SEC);
        return v.play().catch(() => undefined);
      }));
    };
    const tick = (): void => {
      if (cancelled) return;
      const list = panels();
      let ended = false;
      clips.forEach((clip, k) => {
        const v = list[k]![0];
        if (!v) return;
        drawAt(k, v.currentTime);
        if (v.currentTime >= clip.window.endSec || v.ended) ended = true;
      });
      const v0 = list[0]![0];
      if (v0) {
        const w = clips[0].window;
        const pct = Math.round(Math.max(0, Math.min(1, (v0.currentTime - w.startSec) / (w.endSec - w.startSec))) * 100);
        if (pct !== shownPct) { shownPct = pct; setPhase(pct / 100); }
      }
      if (ended) { void restart().then(() => { raf = requestAnimationFrame(tick); }); return; }
      raf = requestAnimationFrame(tick);
    };
    void restart().then(() => { if (!cancelled) raf = requestAnimationFrame(tick); });
    return () => {
      cancelled = true;
      cancelAnimationFrame(raf);
      panels().forEach(([v]) => v?.pause());
    };
  }, [clips, playing, panels, drawAt]);

  // Paused: each panel shows the real frame nearest to the phase (frame-exact: the skeleton drawn is that frame's).
  useEffect(() => {
    if (playing) return;
    let cancelled = false;
    clips.forEach((clip, k) => {
      const v = panels()[k]![0];
      if (!v) return;
      const frame = frameAtPhase(clip, phase);
      void seekTo(v, seekTimeForFrame(clip.track.timesSec, frame)).then(() => {
        if (!cancelled) drawAt(k, clip.track.timesSec[frame] ?? 0);
      });
    });
    return () => { cancelled = true; };
  }, [clips, playing, phase, panels, drawAt, panel]);

  // ← / → step the first panel one frame (the second follows at the same phase); space toggles the loop.
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        const first = clips[0];
        setPlaying(false);
        setPhase(phaseAfterFrameStep(first.track.timesSec, first.window, phaseRef.current, e.key === 'ArrowRight' ? 1 : -1));
      } else if (e.key === ' ' || e.code === 'Space') {
        e.preventDefault();
        setPlaying((p) => !p);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clips]);

  const stepBy = (delta: 1 | -1): void => {
    setPlaying(false);
    setPhase((p) => phaseAfterFrameStep(clips[0].track.timesSec, clips[0].window, p, delta));
  };
  return (
    <div className="phase-loop" data-testid={testId}>
      <div className="phase-panels" ref={rowRef}>
        {clips.map((clip, k) => {
          const frame = frameAtPhase(clip, phase);
          return (
            <figure key={k} className="phase-panel" data-testid="phase-panel" data-frame={playing ? undefined : frame}>
              <figcaption style={{ color: clip.titleColour }}>{clip.title}{clip.mirror ? ' (mirrored)' : ''}</figcaption>
              {/* The video stays visible (Chromium stops decoding undisplayed ones); CSS crops and mirrors it. */}
              <div className="phase-view" style={{ width: panel.width, height: panel.height }}>
                <div className="phase-mirror" style={clip.mirror ? { transform: 'scaleX(-1)' } : undefined}>
                  <video ref={k === 0 ? videoA : videoB} src={clip.src} muted preload="auto" playsInline style={videoStyle(clip.track, boxes[k]!, panel.width)} />
                </div>
                <canvas ref={k === 0 ? canvasA : canvasB} width={panel.width} height={panel.height} />
              </div>
              {!playing && (
                <p className="phase-frame muted small">
                  {/* frames counted from 0, as in events.csv and steps.csv */}
                  Frame {frame} · {formatClock(clip.track.timesSec[frame] ?? 0)}
                </p>
              )}
            </figure>
          );
        })}
      </div>
      <div className="phase-controls">
        {seeking && playing && <span className="muted" role="status">Loading frames…</span>}
        <button type="button" data-testid="loop-step-back" onClick={() => stepBy(-1)} title="One frame back (←)">◀ Frame</button>
        <button type="button" data-testid="loop-play" onClick={() => setPlaying((p) => !p)} title="Loop / pause (space)">{playing ? '❚❚ Pause loop' : '▶ Loop'}</button>
        <button type="button" data-testid="loop-step-forward" onClick={() => stepBy(1)} title="One frame forward (→)">Frame ▶</button>
        <label>
          Phase {Math.round(phase * 100)}%{' '}
          <input type="range" min={0} max={1} step={0.001} value={phase} aria-label="Phase"
            onChange={(e) => { setPlaying(false); setPhase(Number(e.target.value)); }}
            // ← / → on the focused slider are frame steps too, not a thousandth of the window.
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              stepBy(e.key === 'ArrowRight' ? 1 : -1);
            }} />
        </label>
      </div>
    </div>
  );
}
