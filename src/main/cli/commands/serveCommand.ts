// `lopsided serve [--port N]`: the local server mode (issue 4), imported on demand so the
// other commands work in a build without it.
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';

export async function runServeCommand(opts: { port?: number }, ctx: CliContext): Promise<void> {
  let mod: typeof import('../../server/startServer');
  try {
    mod = await import('../../server/startServer');
  } catch (e) {
    throw Object.assign(new Error(`Server mode is not available in this build (${(e as Error).message}).`), { code: 'SERVER_MISSING' });
  }
  const server = await mod.startServer({ ...(opts.port !== undefined ? { port: opts.port } : {}) }).catch((e: unknown) => {
    throw listenError(e, opts.port);
  });
  ctx.out(`Lopsided is running at ${server.url}`);
  ctx.note('Open that address in a browser on this computer. Press Ctrl-C to stop.');
  await new Promise<void>((resolveStop) => {
    if (ctx.signal.aborted) resolveStop();
    ctx.signal.addEventListener('abort', () => resolveStop(), { once: true });
  });
  await server.close();
  ctx.note('Server stopped.');
}

/** listen() failures in words: "EADDRINUSE: address already in use" says nothing about what to do. */
function listenError(e: unknown, port: number | undefined): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new UsageError(`Port ${port} is already in use on this computer (another Lopsided or another program). Choose another with --port, or leave --port out for a free one.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UsageError(`Port ${port} needs administrator rights. Choose one above 1023 with --port, or leave --port out for a free one.`);
  }
  return e;
}
