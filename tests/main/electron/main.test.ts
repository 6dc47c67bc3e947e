import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, IPC_CHANNELS } from '../../../src/main/electron/ipcContract';

const electron = vi.hoisted(() => ({ mock: null as unknown as import('./electronMock').ElectronMock }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock;
});
// the real pipeline (tfjs) is not needed to check the shell's wiring
vi.mock('../../../src/main/library/productionEngine', async () => {
  const fake = await import('../library/fakeRunner');
  return { productionRunner: fake.createFakeRunner(), productionProbe: fake.createFakeProbe(), productionRetitler: async () => undefined };
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lopsided-main-'));
  vi.stubEnv('LOPSIDED_DATA_DIR', dir);
  await import('../../../src/main/electron/main');
  await vi.waitFor(() => expect(electron.mock.windows[0]?.loadedUrl).toBe(APP_ENTRY_URL));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  electron.mock.app.emit('before-quit');
  await rm(dir, { recursive: true, force: true });
});

describe('Electron main', () => {
  it('turns the sandbox on for every renderer and registers the app and media schemes', () => {
    expect(electron.mock.app.enableSandbox).toHaveBeenCalled();
    const schemes = electron.mock.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0] as { scheme: string; privileges: Record<string, boolean> }[];
    expect(schemes.map((s) => s.scheme)).toEqual(['lopsided-app', 'lopsided-media']);
    for (const s of schemes) expect(s.privileges.bypassCSP).toBeUndefined();
    expect([...electron.mock.protocol.handlers.keys()]).toEqual(['lopsided-app', 'lopsided-media']);
  });

  it('creates one isolated, sandboxed window without Node, loading the app scheme', () => {
    expect(electron.mock.windows).toHaveLength(1);
    const prefs = electron.mock.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('blocks navigation, new windows and webviews in every web contents', () => {
    const contents = electron.mock.windows[0]!.webContents;
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and sets the CSP on every response', () => {
    const { permission } = electron.mock.session;
    const answer = vi.fn();
    permission.request?.({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(permission.check?.({}, 'geolocation')).toBe(false);
    const cb = vi.fn();
    permission.headers?.({ responseHeaders: { 'X-A': ['1'] } }, cb);
    const headers = cb.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
  });

  it('answers every IPC channel, checking the sender', async () => {
    expect([...electron.mock.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const win = electron.mock.windows[0]!;
    const list = electron.mock.ipcMain.handlers.get('lopsided:listJobs')!;
    expect(await list({ sender: win.webContents, senderFrame: win.webContents.mainFrame })).toEqual({ ok: true, value: [] });
    const { FakeWebContents } = await import('./electronMock');
    const stranger = new FakeWebContents(APP_ENTRY_URL);
    expect(await list({ sender: stranger, senderFrame: stranger.mainFrame })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });
});
