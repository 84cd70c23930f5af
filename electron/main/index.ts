// Electron main entry: one instance only, then delegate everything to start-app.ts.
import { app, BrowserWindow, protocol } from 'electron';
import { FILE_SCHEME_PRIVILEGES } from './file-bridge';
import { startApp, type RunningApp } from './start-app';

// Must happen before 'ready': evidence files are served on mesa-doc:// (file-bridge.ts).
protocol.registerSchemesAsPrivileged([FILE_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Another Mesa already runs on this profile: it gets focused by its 'second-instance' handler.
  app.quit();
} else {
  let running: RunningApp | null = null;
  app.on('second-instance', () => running?.focusOrCreateWindow());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) running?.focusOrCreateWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(async () => {
      running = await startApp();
    })
    .catch((error: unknown) => {
      console.error('[mesa] failed to start', error);
      app.exit(1);
    });
}
