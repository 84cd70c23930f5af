import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Builds the three Electron bundles into out/. The web host (electron/web) is never bundled
// here: it is a development and test tool and must not end up in a packaged build.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The PDF worker thread's entry is loaded by path (out/main/pdf-worker.js, next to index.js).
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), 'pdf-worker': resolve('electron/core/pdf/pdf-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // One CommonJS file: a sandboxed preload cannot load ES modules or other chunks.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // No data: URLs: the CSP only allows assets from the app's own origin.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
