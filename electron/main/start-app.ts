// Composition of the desktop app once Electron is ready: security policy, core, IPC, window,
// menu, updater. Each piece lives in its own module; this file only wires them in order.
import { app, ipcMain, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../shared/contract/app';
import { dispatch } from '../core/api/dispatch';
import { openCore, type MesaCore } from '../core/core';
import { databasePathIn, DEMO_CASES_ON_FIRST_RUN, preloadPathFrom, rendererLocation } from './app-paths';
import { bindOperations, forwardEvents } from './ipc-binding';
import { installApplicationMenu } from './menu';
import { hardenAllWebContents, hardenSession } from './security-policy';
import { isTrustedRendererUrl } from './security/trusted-sender';
import { reportStartupFailure } from './startup-error';
import { startUpdateChecks } from './updater';
import { createMainWindow } from './window';

const mainDir = fileURLToPath(new URL('.', import.meta.url));

export interface RunningApp {
  /** Shows and focuses the window (second instance, dock click), creating it if needed. */
  focusOrCreateWindow(): void;
}

async function currentLocale(core: MesaCore): Promise<Locale> {
  const result = await dispatch(core.handlers, 'getSettings', {});
  return result.ok ? (result.value as { locale: Locale }).locale : 'es-CL';
}

export async function startApp(): Promise<RunningApp | null> {
  const renderer = rendererLocation(mainDir, app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
  const isAppUrl = (url: string): boolean => isTrustedRendererUrl(url, renderer);
  hardenSession();
  hardenAllWebContents(isAppUrl);

  const databasePath = databasePathIn(app.getPath('userData'));
  let core: MesaCore;
  try {
    core = await openCore({ databasePath, host: 'electron', appVersion: app.getVersion(), demoCases: DEMO_CASES_ON_FIRST_RUN });
  } catch (error) {
    await reportStartupFailure(error, databasePath);
    app.quit();
    return null;
  }
  app.on('will-quit', () => core.close());

  installApplicationMenu(await currentLocale(core));
  bindOperations(ipcMain, {
    handlers: core.handlers,
    isTrustedFrameUrl: isAppUrl,
    afterSuccess: (name, value) => {
      if (name === 'updateSettings') installApplicationMenu((value as { locale: Locale }).locale);
    },
  });

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
