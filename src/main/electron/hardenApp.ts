// App-wide locks (issue 4; Electron security checklist items 4, 13, 14): deny every permission request,
// block navigation, new windows and <webview>, and put the CSP on every response of the session.
import type { App, Session, WebContents } from 'electron';
import { ELECTRON_CSP } from './appProtocols';

export function hardenContents(contents: WebContents): void {
  // The renderer is a single page: any navigation is an attack or a dropped link, never a feature.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
