// The quality check shown before analysis (issue 4, "a quality check of the chosen file").
// Thresholds follow docs/references.md: one frame is 33 ms at 30 fps, so contact-time asymmetry
// needs high frame rates and many steps; phones offer 60/120/240 fps, so ask for the highest.
import type { CaptureCheck } from '../../shared/api';
import type { VideoInfo } from '../../shared/contract';

export function checkCapture(info: VideoInfo): CaptureCheck[] {
  const checks: CaptureCheck[] = [];
  const fps = info.avgFps;
  const frameMs = fps > 0 ? 1000 / fps : Infinity;
  if (!(fps >= 20)) {
    checks.push({ id: 'fps', level: 'error', message: `${fps.toFixed(1)} fps is too low to time foot contacts; record at 60 fps or more.` });
  } else if (fps < 50) {
    checks.push({ id: 'fps', level: 'warn', message: `${fps.toFixed(0)} fps: one frame is ${frameMs.toFixed(0)} ms, so contact times rely on sub-frame timing and many steps; 60–240 fps is better.` });
  } else {
    checks.push({ id: 'fps', level: 'ok', message: `${fps.toFixed(0)} fps: one frame is ${frameMs.toFixed(0)} ms.` });
  }

  const shortSide = Math.min(info.width, info.height);
  if (shortSide < 360) {
    checks.push({ id: 'resolution', level: 'warn', message: `${info.width}×${info.height} is small; the feet may be only a few pixels. 720p or more is better.` });
  } else {
    checks.push({ id: 'resolution', level: 'ok', message: `${info.width}×${info.height}.` });
  }

  const d = info.durationSec;
  if (!(d >= 3)) {
    checks.push({ id: 'duration', level: 'error', message: `${d.toFixed(1)} s is too short: record 20–30 s of steady running.` });
  } else if (d < 10) {
    checks.push({ id: 'duration', level: 'warn', message: `${d.toFixed(1)} s gives few steps per side, so the intervals will be wide; 20–30 s is better.` });
  } else if (d > 120) {
    checks.push({ id: 'duration', level: 'warn', message: `${d.toFixed(0)} s is long; 20–30 s of steady running is enough and analyses faster.` });
  } else {
    checks.push({ id: 'duration', level: 'ok', message: `${d.toFixed(1)} s.` });
  }

  if (info.rotationDeg !== 0) {
    checks.push({ id: 'rotation', level: 'ok', message: `The phone stored the clip rotated by ${info.rotationDeg}°; it is turned upright for analysis.` });
  }
  if (info.variableFrameRate) {
    checks.push({ id: 'variableFrameRate', level: 'warn', message: 'Variable frame rate: timing uses each frame’s own timestamp, but a fixed-rate recording is more even.' });
  }
  return checks;
}
