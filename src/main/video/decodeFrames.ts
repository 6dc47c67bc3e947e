// decodeFrames(info, opts) → RGB24 frames with their presentation timestamps
// (issue 2). ffmpeg scales and rotates; `showinfo` on stderr gives each
// frame's pts (never index / fps: phones record variable frame rate); the
// stream's packet times give the global frame index, so chunks decoded by
// different pose workers share indices and times with a full decode.
import { resolve as resolvePath } from 'node:path';
import type { JobProgress, RgbFrame, VideoInfo } from '../../shared/contract';
import { buildDecodeArgs, computeScaledSize } from './ffmpegArgs';
import { countTimesInRange, medianInterval, nearestTimeIndex } from './frameIndex';
import { classifyFfmpegFailure, LineSplitter, parseShowinfoLine, parseShowinfoTimeBase, stderrTail } from './parseFfmpegStderr';
import { checkInputFile, readFrameTimes } from './probeVideo';
import { resolveFfmpeg } from './resolveFfmpeg';
import { runFfmpeg } from './runFfmpeg';
import { abortError, VideoError } from './videoErrors';

export interface DecodeOptions {
  /** Long side of decoded frames in pixels (ffmpeg scales); default 640. */
  longSide?: number;
  /** Decode only [startSec, endSec) of presentation time (seconds from the first frame). */
  startSec?: number;
  endSec?: number;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** ffmpeg decoder threads (0/undefined = ffmpeg's choice). */
  threads?: number;
  /** Stop after this many frames (extractFrameAt). */
  maxFrames?: number;
}

/** Seconds decoded before startSec and dropped here: input seeking with -copyts can land a frame late or early. */
const SEEK_MARGIN_SEC = 0.25;

interface StderrState {
  frames: Array<{ n: number; pts: number; ptsTime: number }>;
  timeBase: number | null;
  ended: boolean;
  text: string[];
  wake: (() => void) | null;
}

function readStderr(stream: NodeJS.ReadableStream, st: StderrState): void {
  const split = new LineSplitter();
  const handle = (lines: string[]) => {
    for (const line of lines) {
      const f = parseShowinfoLine(line);
      if (f) st.frames.push(f);
      else {
        const tb = parseShowinfoTimeBase(line);
        if (tb !== null && st.timeBase === null) st.timeBase = tb;
        if (st.text.length < 400) st.text.push(line);
      }
    }
    st.wake?.();
  };
  stream.setEncoding('utf8');
  stream.on('data', (s: string) => handle(split.push(s)));
  stream.on('end', () => {
    handle(split.flush());
    st.ended = true;
    st.wake?.();
  });
}

async function waitForShowinfo(st: StderrState, k: number): Promise<void> {
  while (st.frames.length <= k && !st.ended) {
    await new Promise<void>((res) => {
      st.wake = res;
    });
    st.wake = null;
  }
}

export async function* decodeFrames(info: VideoInfo, opts: DecodeOptions = {}): AsyncGenerator<RgbFrame> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw abortError();
  const abs = await checkInputFile(info.path);
  const [{ ffmpeg }, times] = await Promise.all([resolveFfmpeg(), readFrameTimes(resolvePath(abs), signal)]);
  const origin = times[0] ?? 0;
  const rel = times.map((t) => t - origin);
  // Packet times are printed to 1 µs and showinfo's pts × time base is exact: 1 ms is
  // plenty, and well under half a frame even at 240 fps.
  const tol = Math.max(1e-5, Math.min(1e-3, 0.25 * medianInterval(rel)));
  const startSec = Math.max(0, opts.startSec ?? 0);
  const endSec = opts.endSec ?? Infinity;
  const total = opts.maxFrames ?? countTimesInRange(rel, startSec, endSec);
  const size = computeScaledSize(info.width, info.height, opts.longSide ?? 640);
  const seekSec = startSec > 0 ? Math.max(0, startSec - SEEK_MARGIN_SEC) : undefined;
  const args = buildDecodeArgs({
    absPath: abs,
    rotationDeg: info.rotationDeg,
    outWidth: size.width,
    outHeight: size.height,
    ...(seekSec !== undefined ? { seekSec } : {}),
    ...(Number.isFinite(endSec) ? { durationSec: endSec - (seekSec ?? 0) + SEEK_MARGIN_SEC } : {}),
    ...(opts.threads ? { threads: opts.threads } : {}),
    ...(opts.maxFrames !== undefined && startSec === 0 ? { maxFrames: opts.maxFrames } : {}),
    hasFpsMode: ffmpeg.avutil !== null && (ffmpeg.avutil.major > 57 || (ffmpeg.avutil.major === 57 && ffmpeg.avutil.minor >= 28)),
  });

  const proc = runFfmpeg(ffmpeg.path, args, signal);
  const st: StderrState = { frames: [], timeBase: null, ended: false, text: [], wake: null };
  readStderr(proc.child.stderr, st);
  const frameBytes = size.width * size.height * 3;
  const scaleToDisplay = info.width / size.width;
  let buf = new Uint8Array(frameBytes);
  let filled = 0;
  let k = 0; // frames read from ffmpeg in this run
  let yielded = 0;
  let lastIndex = -1;
  let stoppedEarly = false;
  const t0 = Date.now();
  let lastReport = 0;

  const report = (force: boolean) => {
    if (!onProgress) return;
    const now = Date.now();
    if (!force && now - lastReport < 100) return;
    lastReport = now;
    const secs = (now - t0) / 1000;
    const fps = secs > 0 ? yielded / secs : 0;
    const p: JobProgress = { stage: 'decode', done: yielded, total };
    if (fps > 0) {
      p.framesPerSec = fps;
      p.etaSec = Math.max(0, (total - yielded) / fps);
    }
    onProgress(p);
  };

  try {
    outer: for await (const chunk of proc.child.stdout as AsyncIterable<Buffer>) {
      let off = 0;
      while (off < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - off);
        buf.set(chunk.subarray(off, off + n), filled);
        filled += n;
        off += n;
        if (filled < frameBytes) break;
        await waitForShowinfo(st, k);
        const si = st.frames[k];
        if (signal?.aborted) throw abortError();
        if (!si) throw new VideoError('DECODE_FAILED', `ffmpeg gave a frame without a timestamp while decoding ${info.path}.`);
        const raw = st.timeBase !== null ? si.pts * st.timeBase : si.ptsTime;
        const timeSec = raw - origin;
        k++;
        const frameData = buf;
        buf = new Uint8Array(frameBytes);
        filled = 0;
        if (timeSec < startSec - 1e-6) continue;
        if (timeSec >= endSec - 1e-6) {
          stoppedEarly = true;
          break outer;
        }
        let index = nearestTimeIndex(rel, timeSec, tol);
        if (index < 0) index = startSec === 0 ? si.n : lastIndex + 1; // a frame the packet list did not show (rare)
        if (index <= lastIndex) index = lastIndex + 1;
        lastIndex = index;
        yielded++;
        yield { index, timeSec, width: size.width, height: size.height, data: frameData, scaleToDisplay };
        report(false);
        if (opts.maxFrames !== undefined && yielded >= opts.maxFrames) {
          stoppedEarly = true;
          break outer;
        }
      }
    }
    if (signal?.aborted) throw abortError();
    if (stoppedEarly) {
      report(true);
      return;
    }
    const { code } = await proc.closed;
    if (signal?.aborted) throw abortError();
    const stderr = st.text.join('\n');
    if (code !== 0) {
      const c = classifyFfmpegFailure(stderr);
      throw new VideoError(c.code === 'DECODE_FAILED' ? 'DECODE_FAILED' : c.code, `Decoding ${info.path} failed: ${c.reason}.`, stderrTail(stderr));
    }
    if (filled > 0) throw new VideoError('TRUNCATED', `Decoding ${info.path} ended inside a frame: the file is cut short.`);
    report(true);
  } finally {
    // Consumer broke out, error or abort: never leave ffmpeg running (or a zombie).
    proc.kill();
    await proc.closed;
  }
}
