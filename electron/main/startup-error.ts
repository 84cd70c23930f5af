import { app, dialog, shell } from 'electron';
import type { AppErrorShape } from '../../shared/contract/errors';
import { startupErrorText, startupLocale } from './startup-error-text';

/**
 * Tells the user, in their language, why the core could not open the database (corrupt file,
 * file written by a newer Mesa, disk or permission problems), then quits. The file is never
 * touched: no repair, no rename, no delete — "show data folder" only reveals it.
 */
export async function reportStartupFailure(error: AppErrorShape, databasePath: string): Promise<void> {
  console.error(`[mesa] startup failed (${error.code}): ${error.message}`);
  const text = startupErrorText(error.code, startupLocale(app.getLocale()));
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.quit, text.showFolder],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response === 1) shell.showItemInFolder(databasePath);
}
