// `lopsided serve [--port N]`: the local server mode (issue 4), imported on demand so the
// other commands work in a build without it.
import type { CliContext } from '../cliContext';

export async function runServeCommand(opts: { port?: number }, ctx: CliContext): Promise<void> {
  let mod: typeof import('../../server/startServer');
  try {
    mod = await import('../../server/startServer');
  } catch (e) {
    throw Object.assign(new Error(`Server mode is not available in this build (${(e as Error).message}).`), { code: 'SERVER_MISSING' });
  }
  const server = await mod.startServer({ ...(opts.port !== undefined ? { port: opts.port } : {}) });
  ctx.out(`Lopsided is running at ${server.url}`);
  ctx.note('Open that address in a browser on this computer. Press Ctrl-C to stop.');
  await new Promise<void>((resolveStop) => {
    if (ctx.signal.aborted) resolveStop();
    ctx.signal.addEventListener('abort', () => resolveStop(), { once: true });
  });
  await server.close();
  ctx.note('Server stopped.');
}
