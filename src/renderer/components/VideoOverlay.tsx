// The clip with the skeleton drawn over it, in sync with the frame on screen. The canvas bitmap has the video's
// own pixel size (the e2e test reads its pixels) and is stretched over the video by CSS.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { PoseTrack } from '../../shared/contract';
import { drawSkeleton, fitWholeFrame } from '../draw/drawSkeleton';
import { frameAtTime } from '../format/eventNav';
import { useVideoFrameTime } from '../hooks/useVideoFrameTime';

export interface VideoOverlayProps {
  src: string;
  track: PoseTrack;
  showSkeleton: boolean;
  onTime: (timeSec: number) => void;
  onPlayingChange: (playing: boolean) => void;
}

export const VideoOverlay = forwardRef<HTMLVideoElement | null, VideoOverlayProps>(function VideoOverlay(
  { src, track, showSkeleton, onTime, onPlayingChange }, ref,
) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const lastTime = useRef(0);
  const [failed, setFailed] = useState(false);
  useImperativeHandle(ref, () => videoRef.current as HTMLVideoElement, []);

  const draw = useCallback((timeSec: number) => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!showSkeleton) return;
    const frame = frameAtTime(track.timesSec, timeSec);
    // Line width follows the picture size so the skeleton reads the same on a phone clip and a 4K one.
    drawSkeleton(ctx, track, frame, fitWholeFrame(track, canvas.width, canvas.height), { lineWidth: Math.max(3, canvas.width / 180) });
  }, [track, showSkeleton]);

  const onFrameTime = useCallback((timeSec: number) => {
    lastTime.current = timeSec;
    draw(timeSec);
    onTime(timeSec);
  }, [draw, onTime]);
  useVideoFrameTime(videoRef, onFrameTime, src);
  useEffect(() => { draw(lastTime.current); }, [draw]);

  return (
    <div className="video-overlay" style={{ aspectRatio: `${track.width} / ${track.height}` }}>
      {failed && (
        <p className="video-failed" role="alert">
          This browser cannot play this video file (often HEVC/H.265 from a phone). The analysis, charts and verdict
          are still valid; export the CSVs or the PDF report to see the key frames.
        </p>
      )}
      <video ref={videoRef} src={src} data-testid="video-player" preload="auto" playsInline muted
        onError={() => setFailed(true)} onLoadedData={() => setFailed(false)}
        onPlay={() => onPlayingChange(true)} onPause={() => onPlayingChange(false)} onEnded={() => onPlayingChange(false)} />
      <canvas ref={canvasRef} data-testid="overlay-canvas" width={track.width} height={track.height} aria-hidden="true" />
    </div>
  );
});
