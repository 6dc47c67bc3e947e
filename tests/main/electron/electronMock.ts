// A small reusable Electron mock (like electron/fiddle's tests/mocks): enough of app, BrowserWindow,
// ipcMain/ipcRenderer, contextBridge, protocol, session, dialog and webUtils to run main.ts, preload.ts
// and the IPC handlers in plain Node. Use: vi.mock('electron', () => createElectronMock()) with vi.hoisted.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextId = 1;

export class FakeFrame {
  constructor(public url: string, public parent: FakeFrame | null = null) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame: FakeFrame;
  readonly sent: { channel: string; payload: unknown }[] = [];
  constructor(url = 'lopsided-app://app/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  /** Emits like Electron: returns whether a listener called preventDefault. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

/** An IpcMainInvokeEvent from `contents`, optionally from a sub-frame or another page. */
export function fakeInvokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): never {
  return { sender: contents, senderFrame: frame, processId: 1, frameId: 1 } as never;
}

export function createElectronMock() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    handlers,
  };
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents('');
    loadedUrl: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame = new FakeFrame(url);
    }
    show(): void {}
    static getAllWindows(): FakeBrowserWindow[] {
      return windows;
    }
  }
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => '/tmp/lopsided-electron-mock'),
    getAppPath: vi.fn(() => process.cwd()),
    isPackaged: false,
    quit: vi.fn(),
  });
  const permission = { request: null as null | ((...a: unknown[]) => void), check: null as null | ((...a: unknown[]) => boolean), headers: null as null | ((...a: unknown[]) => void) };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((h: (...a: unknown[]) => void) => (permission.request = h)),
      setPermissionCheckHandler: vi.fn((h: (...a: unknown[]) => boolean) => (permission.check = h)),
      webRequest: { onHeadersReceived: vi.fn((h: (...a: unknown[]) => void) => (permission.headers = h)) },
    },
    permission,
  };
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, fn: (request: Request) => Promise<Response> | Response) => protocolHandlers.set(scheme, fn)),
    handlers: protocolHandlers,
  };
  const rendererListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
    on: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => void) => {
      if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
      rendererListeners.get(channel)!.add(fn);
    }),
    removeListener: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => void) => rendererListeners.get(channel)?.delete(fn)),
    /** Test helper: main → renderer push. */
    push(channel: string, payload: unknown): void {
      for (const fn of rendererListeners.get(channel) ?? []) fn({}, payload);
    },
    listenerCount: (channel: string) => rendererListeners.get(channel)?.size ?? 0,
  };
  const exposed: Record<string, unknown> = {};
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => (exposed[key] = value)), exposed };
  const webUtils = { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') };
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined as string | undefined })),
    showErrorBox: vi.fn(),
  };
  return { app, BrowserWindow: FakeBrowserWindow, ipcMain, ipcRenderer, contextBridge, webUtils, protocol, session, dialog, windows };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;
