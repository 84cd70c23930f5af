import { BrowserWindow } from 'electron';
import type { RendererLocation } from './security/trusted-sender';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly renderer: RendererLocation;
}

/** The one app window: sandboxed renderer, isolated context, no Node, only our preload. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Mesa',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (options.renderer.kind === 'dev-server') void window.loadURL(options.renderer.url);
  else void window.loadFile(options.renderer.indexHtmlPath);
  return window;
}
