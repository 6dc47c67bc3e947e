// Pure builders of ffmpeg/ffprobe argument lists (issue 2: "argument building
// ... pure, unit-tested"). No spawning here: runFfmpeg.ts does that.
import type { VideoInfo } from '../../shared/contract';

/**
 * The input argument for an ABSOLUTE path. The `file:` protocol prefix stops
 * ffmpeg from reading `-x.mp4` as an option or `a:b.mp4` as protocol `a`.
 */
export function toFfmpegInput(absPath: string): string {
  return `file:${absPath}`;
}

export function buildProbeArgs(absPath: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', toFfmpegInput(absPath)];
}

/** Lists the first video stream's packets (pts + flags), without decoding: frame times and VFR. */
export function buildPacketProbeArgs(absPath: string): string[] {
  return [
    '-v', 'error', '-select_streams', 'V:0', '-show_entries', 'packet=pts_time,flags',
    '-print_format', 'csv=p=0', toFfmpegInput(absPath),
  ];
}

/** Even output size with the long side ≈ longSide, never upscaling (the pose model gains nothing from it). */
export function computeScaledSize(width: number, height: number, longSide: number): { width: number; height: number; scale: number } {
  const long = Math.max(width, height);
  const target = Math.min(longSide, long);
  const even = (v: number) => Math.max(2, 2 * Math.round(v / 2));
  const w = even((width * target) / long);
  const h = even((height * target) / long);
  return { width: w, height: h, scale: w / width };
}

/** ffmpeg filters that turn coded frames into displayed ones (clockwise rotation). */
export function rotationFilters(rotationDeg: VideoInfo['rotationDeg']): string[] {
  switch (rotationDeg) {
    case 90: return ['transpose=clock'];
    case 180: return ['hflip', 'vflip'];
    case 270: return ['transpose=cclock'];
    default: return [];
  }
}

export interface DecodeArgsInput {
  absPath: string;
  rotationDeg: VideoInfo['rotationDeg'];
  outWidth: number;
  outHeight: number;
  /** Seek target in seconds from the stream start (input option: fast keyframe seek + exact discard). */
  seekSec?: number;
  /** Input duration limit from seekSec. */
  durationSec?: number;
  /** Decoder threads; 0 = ffmpeg's choice. */
  threads?: number;
  /** libavutil ≥ 57.28 (ffmpeg 5.1) has -fps_mode; older builds (the bundled 4.1) only -vsync. */
  hasFpsMode: boolean;
  /** Only this many frames (extractFrameAt). */
  maxFrames?: number;
}

/**
 * Decode to raw RGB24 on stdout, with `showinfo` printing every frame's pts on
 * stderr: the presentation timestamps come from the stream itself, never from
 * index / fps (phones record variable frame rate). `-copyts` keeps the original
 * timestamps after a seek so chunked decodes share one timeline. Rotation is
 * applied by us (-noautorotate + transpose) so it matches probeVideo exactly
 * whatever the ffmpeg version does by default.
 */
export function buildDecodeArgs(a: DecodeArgsInput): string[] {
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'info', '-noautorotate'];
  if (a.threads !== undefined && a.threads > 0) args.push('-threads', String(a.threads));
  if (a.seekSec !== undefined && a.seekSec > 0) args.push('-ss', a.seekSec.toFixed(6));
  if (a.durationSec !== undefined) args.push('-t', Math.max(0, a.durationSec).toFixed(6));
  args.push('-copyts', '-i', toFfmpegInput(a.absPath));
  const filters = [
    ...rotationFilters(a.rotationDeg),
    // area averaging: the right kernel for 2-4x downscaling (no aliasing), same cost as bilinear here.
    `scale=${a.outWidth}:${a.outHeight}:flags=area`,
    'format=rgb24',
    'showinfo',
  ];
  args.push('-map', '0:V:0', '-an', '-sn', '-dn');
  args.push(...(a.hasFpsMode ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough']));
  args.push('-vf', filters.join(','));
  if (a.maxFrames !== undefined) args.push('-frames:v', String(a.maxFrames));
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  return args;
}
