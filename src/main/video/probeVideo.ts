// probeVideo(path) → VideoInfo (issue 2): file checks with specific errors,
// ffprobe streams/format, then every packet's presentation time (no decoding)
// for the true frame count, average rate and variable-frame-rate detection.
import { access, constants, open, stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { VideoInfo } from '../../shared/contract';
import { buildPacketProbeArgs, buildProbeArgs } from './ffmpegArgs';
import { classifyFfmpegFailure, stderrTail } from './parseFfmpegStderr';
import { parsePacketTimes, parseProbeJson, statedFrameCount, summariseFrameTimes } from './parseProbeJson';
import { resolveFfmpeg } from './resolveFfmpeg';
import { runCapture } from './runFfmpeg';
import { VideoError } from './videoErrors';
import { fsReason } from '../pipeline/fsErrorText';

/** Checks the path before ffmpeg sees it, so each failure gets its own message. */
export async function checkInputFile(path: string): Promise<string> {
  const abs = resolvePath(path);
  let st;
  try {
    st = await stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new VideoError('FILE_NOT_FOUND', `File not found: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw new VideoError('NOT_READABLE', `Cannot read ${path}: permission denied.`);
    throw new VideoError('NOT_READABLE', `Cannot read ${path}: ${fsReason(e, path)}.`);
  }
  if (st.isDirectory()) throw new VideoError('IS_DIRECTORY', `${path} is a directory, not a video file.`);
  if (!st.isFile()) throw new VideoError('NOT_A_VIDEO', `${path} is not a regular file.`);
  if (st.size === 0) throw new VideoError('EMPTY_FILE', `${path} is empty (0 bytes).`);
  try {
    await access(abs, constants.R_OK);
  } catch {
    throw new VideoError('NOT_READABLE', `Cannot read ${path}: permission denied.`);
  }
  return abs;
}

const ISO_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid']);

/** True when the file starts with an ISO-BMFF/QuickTime box header (size + 4-letter type). */
async function looksLikeIsoMedia(abs: string): Promise<boolean> {
  const fh = await open(abs, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    return bytesRead === 8 && ISO_BOXES.has(head.subarray(4, 8).toString('latin1'));
  } finally {
    await fh.close();
  }
}

interface FrameTimesEntry {
  key: string;
  times: number[];
}
const frameTimesCache = new Map<string, FrameTimesEntry>();

async function fileKey(abs: string): Promise<string> {
  const st = await stat(abs);
  return `${abs}|${st.size}|${st.mtimeMs}`;
}

/**
 * Sorted presentation times (seconds, stream clock) of every shown frame of the
 * video. Cached per file; decodeFrames uses it to give chunked decodes the same
 * global indices as a full decode.
 */
export async function readFrameTimes(absPath: string, signal?: AbortSignal): Promise<number[]> {
  const key = await fileKey(absPath);
  const hit = frameTimesCache.get(absPath);
  if (hit && hit.key === key) return hit.times;
  const { ffprobe } = await resolveFfmpeg();
  const r = await runCapture(ffprobe.path, buildPacketProbeArgs(absPath), signal);
  if (r.code !== 0) {
    const c = classifyFfmpegFailure(r.stderr);
    throw new VideoError(c.code, `Cannot read the frames of ${absPath}: ${c.reason}.`, stderrTail(r.stderr));
  }
  const times = parsePacketTimes(r.stdout);
  frameTimesCache.set(absPath, { key, times });
  return times;
}

export async function probeVideo(path: string, signal?: AbortSignal): Promise<VideoInfo> {
  const abs = await checkInputFile(path);
  const { ffprobe } = await resolveFfmpeg();
  const r = await runCapture(ffprobe.path, buildProbeArgs(abs), signal);
  if (r.spawnError) throw new VideoError('FFMPEG_NOT_FOUND', `Cannot run ffprobe (${ffprobe.path}): ${r.spawnError.message}`);
  if (r.code !== 0) {
    let c = classifyFfmpegFailure(r.stderr);
    // ffmpeg picks the mp4 reader from the extension: a text file named .mp4 also "lacks a moov box".
    if (c.code === 'TRUNCATED' && !(await looksLikeIsoMedia(abs))) c = { code: 'NOT_A_VIDEO', reason: 'it is not a video file (its content is not an mp4/mov container)' };
    throw new VideoError(c.code, `Cannot open ${path} as a video: ${c.reason}.`, stderrTail(r.stderr));
  }
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new VideoError('NOT_A_VIDEO', `Cannot open ${path} as a video: ffprobe gave no usable description.`);
  }
  const info = parseProbeJson(json, abs);
  const times = await readFrameTimes(abs, signal);
  const summary = summariseFrameTimes(times);
  if (!summary) throw new VideoError('STILL_IMAGE', `${path} holds at most one frame, not a running clip.`);
  // The container's stated frame count says what was recorded; fewer packets mean the file was cut short.
  // (WebM/MKV state none: duration × rate is only an estimate and proves nothing.)
  const stated = statedFrameCount(json);
  if (stated !== null && summary.frameCount < 0.98 * stated - 1) {
    throw new VideoError('TRUNCATED', `${path} is cut short: only ${summary.frameCount} of its ${stated} frames are present.`);
  }
  return {
    ...info,
    frameCount: summary.frameCount,
    // Packet times are printed to 1 µs: keep ffprobe's exact fraction when they agree.
    avgFps: Math.abs(summary.avgFps / info.avgFps - 1) < 1e-3 ? info.avgFps : summary.avgFps,
    variableFrameRate: info.variableFrameRate || summary.variableFrameRate,
  };
}
