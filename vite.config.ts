// The React renderer (design.md, front doors): built to dist/renderer with relative paths so both Electron
// (file://) and the local server can serve it.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
});
