// Electron main (issue 4): a thin shell. The engine is the same JobService the server uses; the logic
// lives in testable modules (ipcHandlers, appProtocols, hardenApp, trustedSender, windowOptions).
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openJobService, type JobService } from '../library/jobService';
import { productionProbe, productionRetitler, productionRunner } from '../library/productionEngine';
import { findPackageRoot } from '../pose/packagePaths';
import { handleAppRequest, handleMediaRequest } from './appProtocols';
import { hardenApp, hardenSession } from './hardenApp';
import { createIpcHandlers, registerIpcHandlers } from './ipcHandlers';
import { APP_ENTRY_URL, APP_SCHEME, JOB_CHANGED_CHANNEL, JOB_DELETED_CHANNEL, MEDIA_SCHEME } from './ipcContract';
import { packagedEnv } from './packagedPaths';
import { isTrustedSender } from './trustedSender';
import { APP_WINDOW_LOOK } from './windowOptions';

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
]);
hardenApp(app);

let appWindow: BrowserWindow | null = null;
let service: JobService | null = null;

function installerBinary(pkg: string): string | null {
  try {
    return (createRequire(__filename)(pkg) as { path: string }).path;
  } catch {
    return null; // not installed for this platform: the video station falls back to PATH
  }
}

async function start(): Promise<void> {
  Object.assign(process.env, packagedEnv({
    isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, env: process.env,
    ffmpegPath: app.isPackaged ? installerBinary('@ffmpeg-installer/ffmpeg') : null,
    ffprobePath: app.isPackaged ? installerBinary('@ffprobe-installer/ffprobe') : null,
  }));
  const root = findPackageRoot(__dirname) ?? app.getAppPath();
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const dataDir = process.env.LOPSIDED_DATA_DIR ?? join(app.getPath('userData'), 'data');
  const jobs = await openJobService({ dataDir, runner: productionRunner, probe: productionProbe, retitleReport: productionRetitler });
  service = jobs;

  hardenSession(session.defaultSession);
  const rendererDir = join(root, 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rendererDir));
  protocol.handle(MEDIA_SCHEME, (request) => handleMediaRequest(request, (jobId) => jobs.videoPath(jobId)));

  registerIpcHandlers(ipcMain, createIpcHandlers({
    service: jobs,
    version: { name: version.name, version: version.version },
    isTrustedSender: (event) => isTrustedSender(event, () => appWindow?.webContents ?? null),
    chooseSavePath: async (defaultName) => {
      const r = appWindow === null ? await dialog.showSaveDialog({ defaultPath: defaultName }) : await dialog.showSaveDialog(appWindow, { defaultPath: defaultName });
      return r.canceled || r.filePath === undefined ? null : r.filePath;
    },
  }));
  jobs.onEvent((e) => {
    const contents = appWindow?.webContents;
    if (contents === undefined || contents.isDestroyed()) return;
    if (e.type === 'changed') contents.send(JOB_CHANGED_CHANNEL, e.job);
    else contents.send(JOB_DELETED_CHANNEL, { jobId: e.jobId });
  });

  // Electron security checklist: isolated, sandboxed, no Node in the page or its workers/frames, no webview.
  appWindow = new BrowserWindow({
    ...APP_WINDOW_LOOK,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick', // middle-click would open links outside the navigation guard
      spellcheck: false,
      safeDialogs: true,
    },
  });
  appWindow.once('ready-to-show', () => appWindow?.show());
  appWindow.on('closed', () => (appWindow = null));
  await appWindow.loadURL(APP_ENTRY_URL);
}

app.whenReady().then(start).catch((e: unknown) => {
  dialog.showErrorBox('Lopsided could not start', e instanceof Error ? e.message : String(e));
  app.quit();
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void service?.close(); // stops the running analysis (its job is kept as failed INTERRUPTED, not as a user's cancel)
});
