// Authenticated calls to the Lopsided server for the browser (server mode): the token handling and the JSON call
// that both the job API (httpApi.ts) and the runner library's (httpLibraryApi.ts) use.
import { LopsidedApiError, isErrorInfo } from '../../shared/api';

const TOKEN_KEY = 'lopsided.token';

export interface HttpApiOptions {
  /** Server origin; default the page's own. */
  baseUrl?: string;
  token?: string;
}

/** Reads ?token= from the page URL once (then hides it), else the one kept for this tab. */
export function tokenFromPage(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    } catch {
      // storage disabled: keep the token in the URL so a reload still works
    }
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export interface HttpCaller {
  call<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T>;
  /** The URL with the token as a query parameter, for <video src>, EventSource and downloads (no headers there). */
  withToken(path: string): string;
}

/** Authenticated JSON calls to the server; every failure a LopsidedApiError. */
export function createHttpCaller(opts: HttpApiOptions = {}): HttpCaller {
  const base = (opts.baseUrl ?? window.location.origin).replace(/\/$/, '');
  const token = opts.token ?? tokenFromPage();
  const withToken = (path: string): string => `${base}${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;

  async function call<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body: body ?? null });
    } catch {
      throw new LopsidedApiError('NETWORK', 'Cannot reach the Lopsided server; is `lopsided serve` still running?');
    }
    if (!res.ok) throw await errorOf(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  return { call, withToken };
}

/** The server's error reply as a LopsidedApiError. */
export async function errorOf(res: Response): Promise<LopsidedApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorInfo(body)) return new LopsidedApiError(body.code, body.message);
  return new LopsidedApiError(`HTTP_${res.status}`, `The server answered ${res.status} ${res.statusText}.`);
}
