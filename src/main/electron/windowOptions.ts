// The app window's size and look. The security settings (webPreferences) are written inline in main.ts
// where `new BrowserWindow({...})` is, so Electronegativity's static checks can see them.
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_WINDOW_LOOK: BrowserWindowConstructorOptions = {
  width: 1360,
  height: 900,
  minWidth: 960,
  minHeight: 640,
  title: 'Lopsided',
  backgroundColor: '#ffffff',
  show: false,
};
