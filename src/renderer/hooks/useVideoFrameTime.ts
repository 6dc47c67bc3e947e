// Follows the time of the frame a <video> is showing. requestVideoFrameCallback gives the presentation time of
// the frame actually composited (exact sync for the overlay); browsers without it fall back to timeupdate plus
// animation frames while playing.
import { useEffect, type RefObject } from 'react';

interface FrameMeta { mediaTime: number }
type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: FrameMeta) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function useVideoFrameTime(videoRef: RefObject<HTMLVideoElement | null>, onTime: (timeSec: number) => void, key?: unknown): void {
  useEffect(() => {
    const video = videoRef.current as VideoWithRvfc | null;
    if (!video) return;
    let stopped = false;
    let rvfcHandle: number | null = null;
    let rafHandle: number | null = null;
    const cleanups: (() => void)[] = [];
    const report = (): void => { if (!stopped) onTime(video.currentTime); };

    if (typeof video.requestVideoFrameCallback === 'function') {
      const onFrame = (_now: number, meta: FrameMeta): void => {
        if (stopped) return;
        onTime(meta.mediaTime);
        rvfcHandle = video.requestVideoFrameCallback!(onFrame);
      };
      rvfcHandle = video.requestVideoFrameCallback(onFrame);
    } else {
      const loop = (): void => {
        report();
        if (!video.paused && !stopped) rafHandle = requestAnimationFrame(loop);
      };
      video.addEventListener('play', loop);
      video.addEventListener('timeupdate', report);
      cleanups.push(() => video.removeEventListener('play', loop));
    }
    // A seek while paused may not present a new frame callback in every browser: report it too.
    video.addEventListener('seeked', report);
    video.addEventListener('loadeddata', report);
    return () => {
      stopped = true;
      if (rvfcHandle !== null) video.cancelVideoFrameCallback?.(rvfcHandle);
      if (rafHandle !== null) cancelAnimationFrame(rafHandle);
      video.removeEventListener('seeked', report);
      video.removeEventListener('loadeddata', report);
      video.removeEventListener('timeupdate', report);
      for (const c of cleanups) c();
    };
  }, [videoRef, onTime, key]);
}
