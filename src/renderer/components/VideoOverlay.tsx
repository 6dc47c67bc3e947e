// The clip with the skeleton drawn over it, in sync with the frame on screen, fitted into the space it is given
// (never cropped, never pushing the controls below the fold) and zoomable: wheel, pinch, drag, keys (+ − 0 F) and
// a "feet" preset. The canvas bitmap has the video's own pixel size (the e2e test reads its pixels) and is
// stretched over the video; video and canvas share one transformed stage, so they zoom together.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PoseTrack } from '../../shared/contract';
import { FEET_KEYPOINTS, runnerBox } from '../draw/cropBox';
import { drawSkeleton, fitWholeFrame } from '../draw/drawSkeleton';
import { clampView, fitContain, frameRegion, NO_ZOOM, zoomAbout, panBy, type ZoomView } from '../draw/viewZoom';
import { frameAtTime } from '../format/eventNav';
import { isTyping } from '../format/isTyping';
import { useElementSize } from '../hooks/useElementSize';
import { useVideoFrameTime } from '../hooks/useVideoFrameTime';
import { useZoomPan } from '../hooks/useZoomPan';

export interface VideoOverlayProps {
  src: string;
  track: PoseTrack;
  showSkeleton: boolean;
  onTime: (timeSec: number) => void;
  onPlayingChange: (playing: boolean) => void;
  /** Drawn after the skeleton, on the same canvas, in video pixels (e.g. the rear view's pelvis line). */
  drawExtra?: (ctx: CanvasRenderingContext2D, timeSec: number) => void;
  /** Layers over the picture that zoom with it (e.g. measuring tools), in video pixels via a viewBox. */
  children?: ReactNode;
}

/** Half a second either side of the frame on screen: both feet's whole swing, so the preset does not jump. */
const FEET_WINDOW_SEC = 0.5;

export const VideoOverlay = forwardRef<HTMLVideoElement | null, VideoOverlayProps>(function VideoOverlay(
  { src, track, showSkeleton, onTime, onPlayingChange, drawExtra, children }, ref,
) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const lastTime = useRef(0);
  const [failed, setFailed] = useState(false);
  const [view, setView] = useState<ZoomView>(NO_ZOOM);
  useImperativeHandle(ref, () => videoRef.current as HTMLVideoElement, []);

  const space = useElementSize(frameRef);
  const fitted = useMemo(() => fitContain(space, track.width / track.height), [space, track.width, track.height]);
  const hasSize = fitted.width > 0;
  // A new picture size (window resized, a line of text above or below wrapped): keep the same part of the frame
  // in view, with the offsets scaled to the new size.
  const lastFitted = useRef(fitted);
  useEffect(() => {
    const before = lastFitted.current;
    lastFitted.current = fitted;
    if (before.width > 0 && (before.width !== fitted.width || before.height !== fitted.height)) {
      const k = fitted.width / before.width;
      setView((v) => clampView({ scale: v.scale, x: v.x * k, y: v.y * k }, fitted));
    }
  }, [fitted]);
  const update = useCallback((f: (v: ZoomView) => ZoomView) => setView(f), []);
  useZoomPan(boxRef, fitted, view, update);

  const frameFeet = useCallback(() => {
    const t = lastTime.current;
    const region = runnerBox(track, t - FEET_WINDOW_SEC, t + FEET_WINDOW_SEC, fitted.width / Math.max(1, fitted.height), 0.25, FEET_KEYPOINTS);
    setView(frameRegion(region, track, fitted));
  }, [track, fitted]);
  const zoomCentre = useCallback((factor: number) => {
    setView((v) => zoomAbout(v, factor, { x: fitted.width / 2, y: fitted.height / 2 }, fitted));
  }, [fitted]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const step = fitted.width / 10;
      if (e.key === '+' || e.key === '=') zoomCentre(1.25);
      else if (e.key === '-' || e.key === '_') zoomCentre(0.8);
      else if (e.key === '0') setView(NO_ZOOM);
      else if (e.key === 'f' || e.key === 'F') frameFeet();
      // Shift + arrows pan the zoomed picture; plain arrows stay frame steps (PlayerControls).
      else if (e.shiftKey && e.key.startsWith('Arrow')) {
        const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
        if (!d) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        setView((v) => panBy(v, d[0]!, d[1]!, fitted));
      } else return;
    };
    // Capture phase: Shift+arrow must be seen before the frame-step listener.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [fitted, zoomCentre, frameFeet]);

  const draw = useCallback((timeSec: number) => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (showSkeleton) {
      const frame = frameAtTime(track.timesSec, timeSec);
      // Line width follows the picture size so the skeleton reads the same on a phone clip and a 4K one; thinner
      // when zoomed in so the joints stay visible under the lines.
      const width = Math.max(3, canvas.width / 180) / Math.sqrt(view.scale);
      drawSkeleton(ctx, track, frame, fitWholeFrame(track, canvas.width, canvas.height), { lineWidth: width });
    }
    drawExtra?.(ctx, timeSec);
  }, [track, showSkeleton, drawExtra, view.scale]);

  const onFrameTime = useCallback((timeSec: number) => {
    lastTime.current = timeSec;
    draw(timeSec);
    onTime(timeSec);
  }, [draw, onTime]);
  useVideoFrameTime(videoRef, onFrameTime, src);
  useEffect(() => { draw(lastTime.current); }, [draw]);

  const zoomed = view.scale > 1.001;
  return (
    <div className="video-frame" ref={frameRef}>
      <div className={zoomed ? 'video-overlay zoomed' : 'video-overlay'} ref={boxRef} data-testid="video-box" data-zoom={view.scale.toFixed(3)}
        style={hasSize ? { width: fitted.width, height: fitted.height } : { aspectRatio: `${track.width} / ${track.height}` }}>
        <div className="video-stage" data-testid="video-stage"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}>
          <video ref={videoRef} src={src} data-testid="video-player" preload="auto" playsInline muted
            onError={() => setFailed(true)} onLoadedData={() => setFailed(false)}
            onPlay={() => onPlayingChange(true)} onPause={() => onPlayingChange(false)} onEnded={() => onPlayingChange(false)} />
          <canvas ref={canvasRef} data-testid="overlay-canvas" width={track.width} height={track.height} aria-hidden="true" />
          {children}
        </div>
        {failed && (
          <p className="video-failed" role="alert">
            This browser cannot play this video file (often HEVC/H.265 from a phone). The analysis, charts and verdict
            are still valid; export the CSVs or the PDF report to see the key frames.
          </p>
        )}
      </div>
      <div className="zoom-bar" role="toolbar" aria-label="Zoom">
        <button type="button" data-testid="zoom-in" title="Zoom in (+, wheel, pinch)" onClick={() => zoomCentre(1.25)}>+</button>
        <button type="button" data-testid="zoom-out" title="Zoom out (−)" onClick={() => zoomCentre(0.8)} disabled={!zoomed}>−</button>
        <button type="button" data-testid="zoom-feet" title="Frame the feet (F)" onClick={frameFeet}>Feet</button>
        <button type="button" data-testid="zoom-reset" title="Whole frame (0)" onClick={() => setView(NO_ZOOM)} disabled={!zoomed}>Whole</button>
        <span className="zoom-level" aria-live="polite">{Math.round(view.scale * 100)}%</span>
      </div>
    </div>
  );
});
