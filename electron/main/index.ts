// Electron main entry: one instance only, then delegate everything to start-app.ts.
import { app, BrowserWindow } from 'electron';
import { startApp, type RunningApp } from './start-app';

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
