// The pelvis tracker's worker thread (issue 6): decodes the clip at the size the pelvis needs and tracks it, so the
// UI and the job's main thread never wait on pixels. Bundled to dist/pelvis-worker.js by scripts/build.mjs.
import { parentPort } from 'node:worker_threads';
import { decodeFrames } from '../video/decodeFrames';
import type { FromPelvisWorker, ToPelvisWorker } from './pelvisProtocol';
import { runPelvisTracking } from './runPelvisTracking';

const port = parentPort;
if (!port) throw new Error('pelvisWorker must run inside a worker thread');
const abort = new AbortController();
const send = (m: FromPelvisWorker) => port.postMessage(m);

port.on('message', (msg: ToPelvisWorker) => {
  if (msg.type === 'cancel') { abort.abort(); return; }
  let lastSent = 0;
  // Decode only the span the pose track covers (a track may be a part of the clip).
  const times = msg.track.timesSec;
  const first = times[0] ?? 0, last = times[times.length - 1] ?? 0;
  const dt = times.length > 1 ? (last - first) / (times.length - 1) : 1;
  runPelvisTracking({
    frames: decodeFrames(msg.info, { longSide: msg.longSide, signal: abort.signal, startSec: Math.max(0, first - dt / 2), endSec: last + dt / 2 }),
    track: msg.track,
    marks: msg.marks,
    signal: abort.signal,
    onFrame: (done) => {
      if (done - lastSent >= 10) { lastSent = done; send({ type: 'progress', done }); }
    },
  })
    .then((result) => send({ type: 'done', result }))
    .catch((e: unknown) => {
      const err = e as { code?: unknown; message?: unknown };
      send({
        type: 'error',
        code: abort.signal.aborted ? 'ABORTED' : typeof err.code === 'string' ? err.code : 'PELVIS_WORKER_CRASHED',
        message: typeof err.message === 'string' ? err.message : String(e),
      });
    });
});
