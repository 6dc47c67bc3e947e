// Stand-in pose worker for tests: answers init, then dies with an uncaught error on the chunk.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (msg) => {
  if (msg.type === 'init') parentPort.postMessage({ type: 'ready', backend: 'wasm', backendDescription: 'test', keypointNames: ['nose'] });
  if (msg.type === 'chunk') setTimeout(() => { throw new Error('simulated crash inside the model'); }, 10);
});
