// Two clips shown at the same phase of their own time window, looped: the left stance next to the right stance,
// or the same stride of two sessions. Each panel seeks its own <video> to start + phase × length, shows it cropped
// to the runner and draws the skeleton over it, so both panels always show the same moment of the movement.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PoseTrack } from '../../shared/contract';
import { boxToCanvas, runnerBox, type Box } from '../draw/cropBox';
import { drawSkeleton } from '../draw/drawSkeleton';
import { frameAtTime, type TimeWindow } from '../format/eventNav';

export interface LoopClip {
  title: string;
  titleColour?: string;
  src: string;
  track: PoseTrack;
  window: TimeWindow;
  mirror?: boolean;
}

const CANVAS_W = 320;
const CANVAS_H = 420;

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
function videoStyle(track: PoseTrack, box: Box): CSSProperties {
  const s = CANVAS_W / box.width;
  return { left: -box.x * s, top: -box.y * s, width: track.width * s, height: track.height * s };
}

/** One loop lasts this long whatever the window: a 250 ms stance plays at 1/8 speed, slow enough to follow. */
const LOOP_SEC = 2.4;

export function PhaseLoopPair({ clips, testId }: { clips: readonly [LoopClip, LoopClip]; testId: string }) {
  const videoA = useRef<HTMLVideoElement>(null);
  const videoB = useRef<HTMLVideoElement>(null);
  const canvasA = useRef<HTMLCanvasElement>(null);
  const canvasB = useRef<HTMLCanvasElement>(null);
  const [playing, setPlaying] = useState(true);
  const [phase, setPhase] = useState(0);
  const [seeking, setSeeking] = useState(true);
  const boxes = useMemo(
    () => clips.map((c) => runnerBox(c.track, c.window.startSec, c.window.endSec, CANVAS_W / CANVAS_H)),
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

  // Paused: show the phase the slider points at.
  useEffect(() => {
    if (playing) return;
    let cancelled = false;
    clips.forEach((clip, k) => {
      const v = panels()[k]![0];
      if (!v) return;
      const t = clip.window.startSec + phase * (clip.window.endSec - clip.window.startSec);
      void seekTo(v, t).then(() => { if (!cancelled) drawAt(k, t); });
    });
    return () => { cancelled = true; };
  }, [clips, playing, phase, panels, drawAt]);

  return (
    <div className="phase-loop" data-testid={testId}>
      <div className="phase-panels">
        {clips.map((clip, k) => (
          <figure key={k} className="phase-panel">
            <figcaption style={{ color: clip.titleColour }}>{clip.title}{clip.mirror ? ' (mirrored)' : ''}</figcaption>
            {/* The video stays visible (Chromium stops decoding undisplayed ones); CSS crops and mirrors it. */}
            <div className="phase-view" style={{ width: CANVAS_W, height: CANVAS_H }}>
              <div className="phase-mirror" style={clip.mirror ? { transform: 'scaleX(-1)' } : undefined}>
                <video ref={k === 0 ? videoA : videoB} src={clip.src} muted preload="auto" playsInline style={videoStyle(clip.track, boxes[k]!)} />
              </div>
              <canvas ref={k === 0 ? canvasA : canvasB} width={CANVAS_W} height={CANVAS_H} />
            </div>
          </figure>
        ))}
      </div>
      <div className="phase-controls">
        {seeking && playing && <span className="muted" role="status">Loading frames…</span>}
        <button type="button" onClick={() => setPlaying((p) => !p)}>{playing ? '❚❚ Pause loop' : '▶ Loop'}</button>
        <label>
          Phase {Math.round(phase * 100)}%{' '}
          <input type="range" min={0} max={100} value={Math.round(phase * 100)} aria-label="Phase"
            onChange={(e) => { setPlaying(false); setPhase(Number(e.target.value) / 100); }} />
        </label>
      </div>
    </div>
  );
}
