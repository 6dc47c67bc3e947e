// Server mode (issue 4): `lopsided serve` — the React UI and LopsidedApi over HTTP on 127.0.0.1 only,
// locked by a random token, so a clinic can use the app in a browser without installing Electron.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolveDataDir } from '../library/dataDir';
import { openJobService, type JobService } from '../library/jobService';
import type { JobRunner, ProbeFn, ReportRetitler } from '../library/jobTypes';
import { findPackageRoot } from '../pose/packagePaths';
import { handleApi } from './apiRoutes';
import { HttpError, sendError } from './httpReply';
import { allowedHosts, hostAllowed, newToken, originAllowed, setSecurityHeaders, tokenOf, tokensEqual } from './httpSecurity';
import { DEFAULT_MAX_UPLOAD_BYTES } from './receiveUpload';
import { serveStatic } from './serveStatic';

export interface StartServerOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Loopback only; anything else is refused (the API has no TLS and no accounts). */
  host?: '127.0.0.1';
  dataDir?: string;
  /** Fixed token (tests); absent → 24 random bytes. */
  token?: string;
  /** Injected job runner; absent → the production pipeline (analyseVideo + writeJobOutputs). */
  runner?: JobRunner;
  probe?: ProbeFn;
  /** Built renderer; default <package>/dist/renderer. */
  rendererDir?: string;
  maxUploadBytes?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** Open this in a browser: includes the token. */
  url: string;
  port: number;
  token: string;
  service: JobService;
  close(): Promise<void>;
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new HttpError(400, 'BAD_ARGUMENT', 'The server binds 127.0.0.1 only.');
  const token = opts.token ?? newToken();
  if (token.length < 16) throw new HttpError(400, 'BAD_ARGUMENT', 'The token must be at least 16 characters.');
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const root = findPackageRoot() ?? process.cwd();
  const rendererDir = opts.rendererDir ?? join(root, 'dist', 'renderer');
  const engine = await resolveEngine(opts);
  const service = await openJobService({ dataDir: opts.dataDir ?? resolveDataDir(), ...engine });
  const ctx = { service, version: readVersion(root), maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES };

  let hosts = new Set<string>();
  const server: Server = createServer((req, res) => {
    setSecurityHeaders(res);
    void (async () => {
      if (!hostAllowed(req, hosts)) throw new HttpError(403, 'FORBIDDEN_HOST', 'Unexpected Host header.');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        const given = tokenOf(req, url);
        if (given === null || !tokensEqual(given, token)) throw new HttpError(401, 'UNAUTHORIZED', 'Missing or wrong token: open the URL the server printed.');
        if (!originAllowed(req, hosts)) throw new HttpError(403, 'FORBIDDEN_ORIGIN', 'Cross-site request refused.');
        await handleApi(req, res, url, ctx);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed.');
      await serveStatic(req, res, rendererDir, url.pathname);
    })().catch((e: unknown) => {
      // drain what the client still sends, so it reads our reply instead of a reset connection
      if (!req.complete) req.resume();
      sendError(res, e, log);
    });
  });
  server.requestTimeout = 0; // multi-GB uploads take a while; the socket's own timeouts still apply

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  const url = `http://${host}:${port}/?token=${encodeURIComponent(token)}`;
  return {
    url, port, token, service,
    async close() {
      await service.close();
      server.closeAllConnections(); // SSE streams never end on their own
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function resolveEngine(opts: StartServerOptions): Promise<{ runner: JobRunner; probe: ProbeFn; retitleReport?: ReportRetitler }> {
  if (opts.runner !== undefined && opts.probe !== undefined) return { runner: opts.runner, probe: opts.probe };
  const prod = await import('../library/productionEngine');
  // The production PDF is re-titled on rename; an injected runner writes its own files, left as they are.
  return {
    runner: opts.runner ?? prod.productionRunner, probe: opts.probe ?? prod.productionProbe,
    ...(opts.runner === undefined ? { retitleReport: prod.productionRetitler } : {}),
  };
}

function readVersion(root: string): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
    return { name: pkg.name ?? 'lopsided', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'lopsided', version: '0.0.0' };
  }
}
