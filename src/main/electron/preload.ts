// Electron preload (sandboxed, context-isolated): exposes only the LopsidedApi as window.lopsided.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadApi } from './preloadApi';

const api = createPreloadApi({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('lopsided', api);
