import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Bundles the two development & test servers so they start as plain Node, without compiling
// TypeScript at every start: the web host (out/web/cli.js) and the reference platform
// (out/platform-server/cli.js). electron-builder.yml never packages either.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        web: resolve('electron/web/cli.ts'),
        'platform-server': resolve('electron/platform-server/cli.ts'),
        'pdf-worker': resolve('electron/core/pdf/pdf-worker.ts'),
      },
      output: {
        // The web host's core loads its PDF worker thread by path, next to itself: out/web/pdf-worker.js.
        entryFileNames: (chunk) => (chunk.name === 'pdf-worker' ? 'web/pdf-worker.js' : '[name]/cli.js'),
        chunkFileNames: 'node-chunks/[name]-[hash].js',
      },
    },
  },
});
