// Composition of the desktop app once Electron is ready: security policy, core, IPC, window,
// menu, updater. Each piece lives in its own module; this file only wires them in order.
import { app, ipcMain, protocol, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale, Settings } from '../../shared/contract/app';
import { dispatch } from '../core/api/dispatch';
import { openCore } from '../core/core';
import { databasePathIn, DEMO_CASES_ON_FIRST_RUN, preloadPathFrom, rendererLocation } from './app-paths';
import { bindStaging, FILE_SCHEME, respondToFileUrl } from './file-bridge';
import { bindOperations, forwardEvents } from './ipc-binding';
import { installApplicationMenu } from './menu';
import { electronNotifier } from './notifier';
import { platformUrlFrom } from './platform-config';
import { createEncryptedFileStore } from './secrets/encrypted-file-store';
import { safeStorageCipher } from './secrets/safe-storage-cipher';
import { hardenAllWebContents, hardenSession } from './security-policy';
import { isTrustedRendererUrl } from './security/trusted-sender';
import { reportStartupFailure } from './startup-error';
import { startupFailureOf } from './startup-error-text';
import { startUpdateChecks } from './updater';
import { createMainWindow } from './window';

const mainDir = fileURLToPath(new URL('.', import.meta.url));

export interface RunningApp {
  /** Shows and focuses the window (second instance, dock click), creating it if needed. */
  focusOrCreateWindow(): void;
}

export async function startApp(): Promise<RunningApp | null> {
  const renderer = rendererLocation(mainDir, app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
  const isAppUrl = (url: string): boolean => isTrustedRendererUrl(url, renderer);
  hardenSession();
  hardenAllWebContents(isAppUrl);

  const userData = app.getPath('userData');
  const databasePath = databasePathIn(userData);
  const platformUrl = platformUrlFrom(process.env);
  const platform = platformUrl
    ? { url: platformUrl, secretStore: createEncryptedFileStore(join(userData, 'secrets.json'), safeStorageCipher, (m) => console.warn(m)) }
    : undefined;
  // openCore never rejects: a store it cannot open (corrupt, newer version, unreadable) gives a
  // core whose every operation fails with that error. Asking for the settings reveals it.
  const core = await openCore({ databasePath, host: 'electron', appVersion: app.getVersion(), demoCases: DEMO_CASES_ON_FIRST_RUN, platform, notifier: electronNotifier() });
  const settings = await dispatch(core.handlers, 'getSettings', {});
  const failure = startupFailureOf(settings);
  if (failure !== null) {
    core.close();
    await reportStartupFailure(failure, databasePath);
    app.quit();
    return null;
  }
  // Quit only after the core closed: the sync engine finishes its transaction, the WAL is checkpointed.
  let coreClosed = false;
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    void core.close().finally(() => {
      coreClosed = true;
      app.quit();
    });
  });

  installApplicationMenu(settings.ok ? (settings.value as Settings).locale : 'es-CL');
  bindOperations(ipcMain, {
    handlers: core.handlers,
    isTrustedFrameUrl: isAppUrl,
    afterSuccess: (name, value) => {
      if (name === 'updateSettings') installApplicationMenu((value as { locale: Locale }).locale);
    },
  });

  bindStaging(ipcMain, { files: core.files, isTrustedFrameUrl: isAppUrl });
  protocol.handle(FILE_SCHEME, (request) => respondToFileUrl(core.files, request));

  let window: BrowserWindow | null = null;
  const focusOrCreateWindow = (): void => {
    if (window !== null && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return;
    }
    const created = createMainWindow({ preloadPath: preloadPathFrom(mainDir), renderer });
    const stopForwarding = forwardEvents(core.events, created.webContents);
    created.on('closed', () => {
      stopForwarding();
      window = null;
    });
    window = created;
  };
  focusOrCreateWindow();
  void startUpdateChecks({ isPackaged: app.isPackaged, log: (message) => console.warn(message) });
  return { focusOrCreateWindow };
}
