// The thin spawning layer (issue 2) with a registry of running ffmpeg/ffprobe
// processes, so cancel, Ctrl-C and process exit never leave one behind.
//
// Plain child_process instead of fluent-ffmpeg: we need raw stdout frames with
// our own backpressure, stderr line access for showinfo timestamps, and exact
// argument lists (the pure builders); fluent-ffmpeg adds an unmaintained layer
// (archived upstream) that hides all three and rewrites arguments.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { abortError } from './videoErrors';

export type FfmpegChild = ChildProcessByStdio<null, Readable, Readable>;

const running = new Set<FfmpegChild>();

export function runningFfmpegCount(): number {
  return running.size;
}

/** PIDs of live children (tests check nothing is left behind). */
export function runningFfmpegPids(): number[] {
  return [...running].map((c) => c.pid ?? -1);
}

/** Kills every registered process now (synchronous: safe inside process.on('exit')). */
export function abortAllFfmpeg(): void {
  for (const c of running) {
    try {
      c.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', abortAllFfmpeg);
}

export interface RunningFfmpeg {
  child: FfmpegChild;
  /** Resolves with the exit code (null when killed) once the process has fully closed. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/** Spawns `bin args`, registered until it closes; an abort signal kills it. */
export function runFfmpeg(bin: string, args: string[], signal?: AbortSignal): RunningFfmpeg {
  if (signal?.aborted) throw abortError();
  installExitHook();
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  running.add(child);
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onAbort = () => kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const done = (code: number | null, sig: NodeJS.Signals | null) => {
      running.delete(child);
      signal?.removeEventListener('abort', onAbort);
      resolve({ code, signal: sig });
    };
    child.once('close', done);
    child.once('error', () => done(-1, null));
  });
  return { child, closed, kill };
}

export interface CaptureResult {
  code: number | null;
  stdout: string;
  stderr: string;
  spawnError?: Error;
}

/** Runs to completion collecting text output (ffprobe). */
export async function runCapture(bin: string, args: string[], signal?: AbortSignal): Promise<CaptureResult> {
  const r = runFfmpeg(bin, args, signal);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let spawnError: Error | undefined;
  r.child.once('error', (e) => {
    spawnError = e;
  });
  r.child.stdout.on('data', (b: Buffer) => out.push(b));
  r.child.stderr.on('data', (b: Buffer) => err.push(b));
  const { code } = await r.closed;
  if (signal?.aborted) throw abortError();
  const res: CaptureResult = { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  if (spawnError) res.spawnError = spawnError;
  return res;
}
