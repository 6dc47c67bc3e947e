// Pure: ffprobe JSON (and packet times) → VideoInfo. Kept apart from spawning so
// captured ffprobe output of real and rotated phone clips can be unit-tested.
import type { VideoInfo } from '../../shared/contract';
import { VideoError } from './videoErrors';
import { seriesExtent } from '../../shared/seriesExtent';

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  start_time?: string;
  sample_aspect_ratio?: string;
  disposition?: { attached_pic?: number; still_image?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number | string }>;
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

export function parseRate(s: string | undefined): number {
  if (!s) return NaN;
  const [a, b] = s.split('/');
  const num = Number(a);
  const den = b === undefined ? 1 : Number(b);
  return den > 0 && Number.isFinite(num) && num > 0 ? num / den : NaN;
}

/** Clockwise display rotation, snapped to 0/90/180/270. */
export function readRotationDeg(stream: ProbeStream): VideoInfo['rotationDeg'] {
  let cw: number | null = null;
  // Display matrix rotation is counter-clockwise in ffprobe (ffmpeg's autorotate negates it).
  const dm = stream.side_data_list?.find((d) => d.side_data_type === 'Display Matrix' && d.rotation !== undefined);
  if (dm) cw = -Number(dm.rotation);
  else if (stream.tags?.rotate !== undefined) cw = Number(stream.tags.rotate); // legacy tag: already clockwise
  if (cw === null || !Number.isFinite(cw)) return 0;
  const snapped = ((Math.round(cw / 90) * 90) % 360 + 360) % 360;
  return snapped as VideoInfo['rotationDeg'];
}

const IMAGE_FORMAT_RE = /(^|,)(image2|[a-z0-9]+_pipe)(,|$)/;

/** Stream start time (seconds) of the first real video stream; 0 when unknown. */
export function readVideoStartSec(json: unknown): number {
  const v = pickVideoStream(json as ProbeJson);
  const t = Number(v?.start_time ?? (json as ProbeJson).format?.start_time);
  return Number.isFinite(t) ? t : 0;
}

function pickVideoStream(j: ProbeJson): ProbeStream | undefined {
  return (j.streams ?? []).find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
}

/** Parses `ffprobe -show_format -show_streams -of json` output. Throws VideoError for non-videos. */
export function parseProbeJson(json: unknown, path = ''): VideoInfo {
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as ProbeJson;
  const formatName = j.format?.format_name ?? '';
  if (formatName === 'tty') throw new VideoError('NOT_A_VIDEO', `Not a video file: ${path} (it looks like text).`);
  const v = pickVideoStream(j);
  if (!v) {
    const hasAudio = (j.streams ?? []).some((s) => s.codec_type === 'audio');
    throw new VideoError('NO_VIDEO_STREAM', `No video in ${path}${hasAudio ? ' (it holds only audio)' : ''}.`);
  }
  if (IMAGE_FORMAT_RE.test(formatName)) {
    throw new VideoError('STILL_IMAGE', `${path} is a still image (${v.codec_name ?? formatName}), not a video: a running clip is needed.`);
  }
  const storedW = Number(v.width);
  const storedH = Number(v.height);
  if (!(storedW > 0 && storedH > 0)) throw new VideoError('NOT_A_VIDEO', `${path}: the video stream has no picture size.`);

  const rotationDeg = readRotationDeg(v);
  // Non-square pixels (some camcorders): the displayed width is stored width × SAR.
  const sar = parseRate(v.sample_aspect_ratio?.replace(':', '/'));
  const sarW = Number.isFinite(sar) && sar > 0 ? Math.round(storedW * sar) : storedW;
  const quarter = rotationDeg === 90 || rotationDeg === 270;

  const realFps = parseRate(v.r_frame_rate);
  let duration = Number(v.duration);
  if (!(duration > 0)) duration = Number(j.format?.duration);
  if (!(duration > 0)) duration = NaN;
  let avgFps = parseRate(v.avg_frame_rate);
  const nb = Number(v.nb_frames);
  let frameCount = Number.isFinite(nb) && nb > 0 ? nb : NaN;
  if (!Number.isFinite(avgFps) && frameCount > 0 && duration > 0) avgFps = frameCount / duration;
  if (!Number.isFinite(avgFps)) avgFps = realFps;
  if (!Number.isFinite(frameCount) && duration > 0 && avgFps > 0) frameCount = Math.round(duration * avgFps);
  if (frameCount <= 1 || v.disposition?.still_image) {
    throw new VideoError('STILL_IMAGE', `${path} holds a single picture, not a video: a running clip is needed.`);
  }
  // Nominal and average rates that disagree by >1% mean frames are not evenly spaced.
  const variableFrameRate = Number.isFinite(realFps) && Number.isFinite(avgFps) && Math.abs(realFps / avgFps - 1) > 0.01;

  return {
    path,
    durationSec: duration,
    avgFps,
    realFps: Number.isFinite(realFps) ? realFps : avgFps,
    frameCount: Number.isFinite(frameCount) ? frameCount : 0,
    width: quarter ? storedH : sarW,
    height: quarter ? sarW : storedH,
    // Stored frame size before rotation (ffprobe's coded_width may include macroblock padding, e.g. 1088).
    codedWidth: storedW,
    codedHeight: storedH,
    rotationDeg,
    codec: v.codec_name ?? 'unknown',
    variableFrameRate,
  };
}

/** The frame count the container itself states (mp4/mov nb_frames), or null when it is only an estimate. */
export function statedFrameCount(json: unknown): number | null {
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as ProbeJson;
  const n = Number(pickVideoStream(j)?.nb_frames);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export interface FrameTimesSummary {
  frameCount: number;
  avgFps: number;
  medianIntervalSec: number;
  variableFrameRate: boolean;
}

/**
 * Frame-time statistics from the (sorted) presentation times of every packet.
 * VFR when more than 2% of intervals differ from the median by more than 10%:
 * phones vary their interval with exposure; a CFR file has identical spacing
 * (up to time-base rounding, far below 10%).
 */
export function summariseFrameTimes(sortedTimesSec: number[]): FrameTimesSummary | null {
  const n = sortedTimesSec.length;
  if (n < 2) return null;
  const intervals: number[] = [];
  for (let i = 1; i < n; i++) intervals.push((sortedTimesSec[i] ?? 0) - (sortedTimesSec[i - 1] ?? 0));
  const sorted = [...intervals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (!(median > 0)) return null;
  const odd = intervals.filter((d) => Math.abs(d - median) > 0.1 * median).length;
  const span = (sortedTimesSec[n - 1] ?? 0) - (sortedTimesSec[0] ?? 0);
  return {
    frameCount: n,
    avgFps: (n - 1) / span,
    medianIntervalSec: median,
    variableFrameRate: odd > Math.max(1, 0.02 * intervals.length),
  };
}

/**
 * Parses `ffprobe -show_entries packet=pts_time,flags -of csv=p=0` → sorted frame times.
 * Packets flagged D(iscard) BEFORE the first shown one (an edit list starting
 * after B-frame priming) are never shown and dropped; a D packet at the end
 * (some muxers, e.g. the bundled ffmpeg 4.1, end the edit list at the last pts)
 * is still decoded and shown by ffmpeg, so it is kept.
 */
export function parsePacketTimes(csv: string): number[] {
  const kept: number[] = [];
  const discarded: number[] = [];
  for (const line of csv.split('\n')) {
    const [t, flags] = line.trim().split(',');
    if (!t || t === 'N/A') continue;
    const v = Number(t);
    if (!Number.isFinite(v)) continue;
    (flags?.includes('D') ? discarded : kept).push(v);
  }
  const first = seriesExtent(kept)[0]; // Infinity when none
  for (const v of discarded) if (v >= first) kept.push(v);
  return kept.sort((a, b) => a - b);
}
