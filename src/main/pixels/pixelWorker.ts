// The worker thread that reads pixels: decodes the clip at the size the job needs and runs the pelvis tracker (rear
// clips, issue 6) or the foot-motion measurement (side clips, issue 11), so the UI and the job's main thread never
// wait on pixels. Bundled to dist/pixel-worker.js by scripts/build.mjs.
import { parentPort } from 'node:worker_threads';
import { decodeFrames } from '../video/decodeFrames';
import { runFootMotion } from '../footMotion/runFootMotion';
import { runPelvisTracking } from '../pelvis/runPelvisTracking';
import type { FromPixelWorker, ToPixelWorker } from './pixelProtocol';

const port = parentPort;
if (!port) throw new Error('pixelWorker must run inside a worker thread');
const abort = new AbortController();
const send = (m: FromPixelWorker) => port.postMessage(m);

port.on('message', (msg: ToPixelWorker) => {
  if (msg.type === 'cancel') { abort.abort(); return; }
  let lastSent = 0;
  // Decode only the span the pose track covers (a track may be a part of the clip).
  const times = msg.track.timesSec;
  const first = times[0] ?? 0, last = times[times.length - 1] ?? 0;
  const dt = times.length > 1 ? (last - first) / (times.length - 1) : 1;
  const frames = decodeFrames(msg.info, { longSide: msg.longSide, signal: abort.signal, startSec: Math.max(0, first - dt / 2), endSec: last + dt / 2 });
  const onFrame = (done: number) => {
    if (done - lastSent >= 10) { lastSent = done; send({ type: 'progress', done }); }
  };
  const job: Promise<FromPixelWorker> = msg.type === 'feet'
    ? runFootMotion({ frames, track: msg.track, signal: abort.signal, onFrame }).then((result) => ({ type: 'feetDone', result }))
    : runPelvisTracking({ frames, track: msg.track, marks: msg.marks, signal: abort.signal, onFrame }).then((result) => ({ type: 'done', result }));
  job
    .then(send)
    .catch((e: unknown) => {
      const err = e as { code?: unknown; message?: unknown };
      send({
        type: 'error',
        code: abort.signal.aborted ? 'ABORTED' : typeof err.code === 'string' ? err.code : 'PIXEL_WORKER_CRASHED',
        message: typeof err.message === 'string' ? err.message : String(e),
      });
    });
});
