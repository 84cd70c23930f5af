import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Bundles the web host (dev & test only) into out/web/cli.js so that it starts as plain Node,
// without compiling TypeScript at every start. electron-builder.yml never packages out/web.
export default defineConfig({
  build: {
    ssr: resolve('electron/web/cli.ts'),
    outDir: 'out/web',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'cli.js' } },
  },
});
