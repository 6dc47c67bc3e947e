// Stand-in pose worker for tests: the first worker to get a chunk exits with code 0 mid-way (as seen once
// under heavy load); later workers answer every frame of their chunk with one fake keypoint.
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const marker = process.env.LOPSIDED_TEST_EXIT_ONCE_MARKER;

parentPort.on('message', (msg) => {
  if (msg.type === 'init') parentPort.postMessage({ type: 'ready', backend: 'wasm', backendDescription: 'test', keypointNames: ['nose'] });
  if (msg.type !== 'chunk') return;
  const fps = msg.info.avgFps;
  const first = Math.ceil(msg.startSec * fps - 1e-6);
  const end = Number.isFinite(msg.endSec) ? Math.ceil(msg.endSec * fps - 1e-6) : msg.info.frameCount;
  const crash = marker && !existsSync(marker);
  if (crash) writeFileSync(marker, 'crashed once');
  for (let index = first; index < end; index++) {
    if (crash && index === first + 3) process.exit(0);
    const values = new Float32Array([index, 2 * index, 0.9]);
    parentPort.postMessage({ type: 'frame', index, timeSec: index / fps, values }, [values.buffer]);
  }
  parentPort.postMessage({ type: 'done', frames: end - first, warmupFrames: 0 });
});
