// Two clips shown at the same phase of their own time window, looped: the left stance next to the right stance,
// or the same stride of two sessions. Each panel seeks its own hidden <video> to start + phase × length and draws
// that frame (cropped to the runner) with its skeleton, so both panels always show the same moment of the movement.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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

const CANVAS_W = 360;
const CANVAS_H = 480;
/** Phase steps per loop: about one per frame of a 60 fps stance. */
const STEPS = 24;

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

function drawPanel(canvas: HTMLCanvasElement, video: HTMLVideoElement, clip: LoopClip, box: Box, t: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.save();
  ctx.fillStyle = '#111';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (clip.mirror) { ctx.translate(canvas.width, 0); ctx.scale(-1, 1); }
  // Video pixels may differ from the track's displayed size (e.g. a smaller proxy): scale the crop box.
  const kx = video.videoWidth > 0 ? video.videoWidth / clip.track.width : 1;
  const ky = video.videoHeight > 0 ? video.videoHeight / clip.track.height : 1;
  if (video.readyState >= 2) ctx.drawImage(video, box.x * kx, box.y * ky, box.width * kx, box.height * ky, 0, 0, canvas.width, canvas.height);
  ctx.restore();
  drawSkeleton(ctx, clip.track, frameAtTime(clip.track.timesSec, t), boxToCanvas(box, canvas.width, canvas.height, clip.mirror ?? false), { lineWidth: 4 });
}

export function PhaseLoopPair({ clips, testId }: { clips: readonly [LoopClip, LoopClip]; testId: string }) {
  const videoA = useRef<HTMLVideoElement>(null);
  const videoB = useRef<HTMLVideoElement>(null);
  const canvasA = useRef<HTMLCanvasElement>(null);
  const canvasB = useRef<HTMLCanvasElement>(null);
  const [playing, setPlaying] = useState(true);
  const [phase, setPhase] = useState(0);
  const phaseRef = useRef(0);
  const boxes = useMemo(
    () => clips.map((c) => runnerBox(c.track, c.window.startSec, c.window.endSec, CANVAS_W / CANVAS_H)),
    [clips],
  );

  const render = useCallback(async (p: number, isCancelled: () => boolean): Promise<void> => {
    const pairs = [[videoA, canvasA], [videoB, canvasB]] as const;
    await Promise.all(clips.map(async (clip, k) => {
      const v = pairs[k]![0].current;
      if (!v) return;
      const t = clip.window.startSec + p * (clip.window.endSec - clip.window.startSec);
      await seekTo(v, t);
      const c = pairs[k]![1].current;
      if (c && !isCancelled()) drawPanel(c, v, clip, boxes[k]!, t);
    }));
  }, [clips, boxes]);

  // Playing: advance the phase in steps, each drawn only once both panels have their frame.
  useEffect(() => {
    if (!playing) return;
    let cancelled = false;
    const isCancelled = (): boolean => cancelled;
    void (async () => {
      while (!cancelled) {
        await render(phaseRef.current, isCancelled);
        // ~12 steps a second: a 250 ms stance takes about 2 s, slow enough to follow the knee and the foot.
        await new Promise((r) => setTimeout(r, 80));
        if (cancelled) break;
        phaseRef.current = phaseRef.current >= 1 - 1e-9 ? 0 : Math.min(1, phaseRef.current + 1 / STEPS);
        setPhase(phaseRef.current);
      }
    })();
    return () => { cancelled = true; };
  }, [render, playing]);

  // Paused: draw the phase the slider points at.
  useEffect(() => {
    if (playing) return;
    let cancelled = false;
    void render(phase, () => cancelled);
    return () => { cancelled = true; };
  }, [render, playing, phase]);

  return (
    <div className="phase-loop" data-testid={testId}>
      <div className="phase-panels">
        {clips.map((clip, k) => (
          <figure key={k} className="phase-panel">
            <figcaption style={{ color: clip.titleColour }}>{clip.title}{clip.mirror ? ' (mirrored)' : ''}</figcaption>
            <canvas ref={k === 0 ? canvasA : canvasB} width={CANVAS_W} height={CANVAS_H} />
            <video ref={k === 0 ? videoA : videoB} src={clip.src} muted preload="auto" playsInline className="hidden-video" />
          </figure>
        ))}
      </div>
      <div className="phase-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)}>{playing ? '❚❚ Pause loop' : '▶ Loop'}</button>
        <label>
          Phase {Math.round(phase * 100)}%{' '}
          <input type="range" min={0} max={STEPS} value={Math.round(phase * STEPS)} aria-label="Phase"
            onChange={(e) => { setPlaying(false); phaseRef.current = Number(e.target.value) / STEPS; setPhase(phaseRef.current); }} />
        </label>
      </div>
    </div>
  );
}
