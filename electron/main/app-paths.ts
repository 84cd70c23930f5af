// Where things live on disk and in the bundle. Pure path arithmetic, testable under Node.
import { join } from 'node:path';
import type { RendererLocation } from './security/trusted-sender';

/** The SQLite file's name inside Electron's userData folder. */
export const DATABASE_FILE_NAME = 'mesa.sqlite3';

/**
 * Demo cases seeded on the first run (the core seeds only into an empty store). 2 000 is a
 * busy mediator's caseload plus history: enough to exercise the virtualised list, filters and
 * search realistically, small enough to seed in a second or two on first start.
 */
export const DEMO_CASES_ON_FIRST_RUN = 2000;

export const databasePathIn = (userDataDir: string): string => join(userDataDir, DATABASE_FILE_NAME);

/**
 * The bundle layout electron-vite writes: out/main/index.js (this code), out/preload/index.cjs,
 * out/renderer/index.html. `mainDir` is the folder of the running main bundle.
 */
export const preloadPathFrom = (mainDir: string): string => join(mainDir, '..', 'preload', 'index.cjs');
export const rendererIndexPathFrom = (mainDir: string): string => join(mainDir, '..', 'renderer', 'index.html');

/** The dev server URL electron-vite passes in development; ignored in packaged builds. */
export function rendererLocation(mainDir: string, isPackaged: boolean, devServerUrl: string | undefined): RendererLocation {
  if (!isPackaged && devServerUrl) return { kind: 'dev-server', url: devServerUrl };
  return { kind: 'file', indexHtmlPath: rendererIndexPathFrom(mainDir) };
}
