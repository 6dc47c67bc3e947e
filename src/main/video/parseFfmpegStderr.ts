// Pure parsers of ffmpeg's stderr (issue 2; model: mifi/lossless-cut
// src/main/progress.ts). Tested on real lines captured from the bundled builds.
import type { VideoErrorCode } from './videoErrors';

export interface ShowinfoFrame {
  /** Frame number within this ffmpeg run. */
  n: number;
  /** pts in the filter's time base (exact), and ffmpeg's rounded seconds. */
  pts: number;
  ptsTime: number;
}

// [Parsed_showinfo_2 @ 0x37662a40] n:   3 pts:  16384 pts_time:1.06667 pos: ...
const SHOWINFO_RE = /\[Parsed_showinfo_\d+ @ [^\]]+\]\s+n:\s*(\d+)\s+pts:\s*(-?\d+)\s+pts_time:\s*(-?[\d.e+-]+)/;
// [Parsed_showinfo_2 @ 0x37662a40] config in time_base: 1/15360, frame_rate: 30/1
const TIMEBASE_RE = /\[Parsed_showinfo_\d+ @ [^\]]+\]\s+config in time_base:\s*(\d+)\/(\d+)/;

export function parseShowinfoLine(line: string): ShowinfoFrame | null {
  const m = SHOWINFO_RE.exec(line);
  if (!m) return null;
  return { n: Number(m[1]), pts: Number(m[2]), ptsTime: Number(m[3]) };
}

/** Seconds per tick of the showinfo filter's input, or null. */
export function parseShowinfoTimeBase(line: string): number | null {
  const m = TIMEBASE_RE.exec(line);
  if (!m) return null;
  const num = Number(m[1]);
  const den = Number(m[2]);
  return num > 0 && den > 0 ? num / den : null;
}

export interface FfmpegProgress {
  frame?: number;
  fps?: number;
  /** Output time reached, seconds. */
  timeSec?: number;
  speed?: number;
  /** 0..1 when the total duration is known. */
  fraction?: number;
}

function parseClock(s: string): number | null {
  const m = /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(s);
  if (!m) return null;
  const v = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] === '-' ? -v : v;
}

/**
 * Parses a stats line such as
 * `frame=  360 fps=0.0 q=-0.0 Lsize=  248832kB time=00:00:12.00 bitrate=169869.3kbits/s speed=13.6x`.
 * Returns null for any other line.
 */
export function parseFfmpegProgress(line: string, durationSec?: number): FfmpegProgress | null {
  if (!/(^|\s)(frame|size|Lsize)=/.test(line) || !/time=/.test(line)) return null;
  const out: FfmpegProgress = {};
  const frame = /frame=\s*(\d+)/.exec(line);
  if (frame) out.frame = Number(frame[1]);
  const fps = /fps=\s*([\d.]+)/.exec(line);
  if (fps) out.fps = Number(fps[1]);
  const time = /time=\s*(-?[\d:.]+)/.exec(line);
  const t = time ? parseClock(time[1] ?? '') : null;
  if (t !== null) out.timeSec = t;
  const speed = /speed=\s*([\d.e+]+)x/.exec(line);
  if (speed) out.speed = Number(speed[1]);
  if (t !== null && durationSec !== undefined && durationSec > 0) out.fraction = Math.min(1, Math.max(0, t / durationSec));
  return out;
}

/** Splits a byte stream of stderr into lines at \n and \r (stats lines end in \r). */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const parts = text.split(/\r\n|\r|\n/);
    this.rest = parts.pop() ?? '';
    return parts.filter((p) => p.length > 0);
  }

  flush(): string[] {
    const r = this.rest;
    this.rest = '';
    return r.length > 0 ? [r] : [];
  }
}

/**
 * Maps ffprobe/ffmpeg failure text to a code. Order matters: a truncated mp4
 * says "moov atom not found" AND "Invalid data found".
 */
export function classifyFfmpegFailure(stderr: string): { code: VideoErrorCode; reason: string } {
  const s = stderr.toLowerCase();
  if (s.includes('moov atom not found')) return { code: 'TRUNCATED', reason: 'the file is cut short (its index, the mp4 "moov" box, is missing)' };
  if (s.includes('no such file or directory')) return { code: 'FILE_NOT_FOUND', reason: 'the file does not exist' };
  if (s.includes('is a directory')) return { code: 'IS_DIRECTORY', reason: 'it is a directory' };
  if (s.includes('permission denied')) return { code: 'NOT_READABLE', reason: 'permission denied' };
  if (s.includes('invalid data found when processing input')) return { code: 'NOT_A_VIDEO', reason: 'ffmpeg does not recognise it as a video file' };
  if (/partial file|truncat|end of file|stream ends prematurely|error while decoding/.test(s)) {
    return { code: 'TRUNCATED', reason: 'the file is cut short or damaged' };
  }
  return { code: 'DECODE_FAILED', reason: 'ffmpeg could not read it' };
}

/** Last few meaningful lines of stderr, for error details. */
export function stderrTail(stderr: string, lines = 6): string {
  return stderr.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0 && !l.includes('Parsed_showinfo')).slice(-lines).join('\n');
}
