// Who may call the API (issue 4: "every IPC sender checked"): only the app's own window, and only
// while its main frame shows the app's own page — not an iframe, not a page it was tricked into loading.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_SCHEME } from './ipcContract';

export function isTrustedSender(event: IpcMainInvokeEvent, appContents: () => WebContents | null): boolean {
  const contents = appContents();
  if (contents === null || contents.isDestroyed() || event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}
