// Stand-in pose worker for tests: its model takes 2.5 s to load and the load cannot be interrupted (as ONNX Runtime's
// session creation under load). A cancel during the load is answered once the load is over and the model freed; the
// file named by LOPSIDED_TEST_SLOW_INIT_MARKER then says so. A thread terminated before that never writes it.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

let cancelled = false;
parentPort.on('message', (msg) => {
  if (msg.type === 'cancel') cancelled = true;
  if (msg.type !== 'init') return;
  setTimeout(() => {
    if (!cancelled) {
      parentPort.postMessage({ type: 'ready', backend: 'wasm', backendDescription: 'test', keypointNames: ['nose'] });
      return;
    }
    writeFileSync(process.env.LOPSIDED_TEST_SLOW_INIT_MARKER, 'loaded, freed, then reported');
    parentPort.postMessage({ type: 'error', code: 'ABORTED', message: 'Cancelled.' });
  }, 2500);
});
