// Progress to the browser by Server-Sent Events: the job's current state first, then every change,
// then `deleted` and the end. A comment every 15 s keeps idle connections from being dropped.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobService } from '../library/jobService';

export function streamJobEvents(req: IncomingMessage, res: ServerResponse, service: JobService, jobId: string): void {
  const first = service.getJob(jobId); // throws JOB_NOT_FOUND before any header is sent
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  const send = (event: string, data: unknown): void => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send('job', first);
  const off = service.onEvent((e) => {
    if (e.type === 'changed' && e.job.jobId === jobId) send('job', e.job);
    if (e.type === 'deleted' && e.jobId === jobId) {
      send('deleted', { jobId });
      res.end();
    }
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  keepAlive.unref();
  const stop = (): void => {
    off();
    clearInterval(keepAlive);
  };
  req.on('close', stop);
  res.on('close', stop);
}
