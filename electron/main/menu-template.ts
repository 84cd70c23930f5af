// The application menu as data. No runtime 'electron' import (types only), so the structure
// and its translations are tested under plain Node; menu.ts turns it into a real Menu.
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/contract/app';
import { menuLabels } from './menu-labels';

export interface MenuTemplateOptions {
  readonly locale: Locale;
  readonly platform: NodeJS.Platform;
  /** Developer tools only in development builds. */
  readonly isDevelopment: boolean;
  readonly onAbout: () => void;
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const t = menuLabels[options.locale];
  const isMac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Mesa',
          submenu: [
            { label: t.about, click: options.onAbout },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.unhide },
            { type: 'separator' },
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: t.file,
      submenu: isMac ? [{ role: 'close', label: t.closeWindow }] : [{ role: 'close', label: t.closeWindow }, { type: 'separator' }, { role: 'quit', label: t.quit }],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        ...(options.isDevelopment ? [{ role: 'toggleDevTools', label: t.toggleDevTools } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.toggleFullScreen },
      ],
    },
    {
      label: t.window,
      submenu: [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, ...(isMac ? [] : [{ role: 'close', label: t.closeWindow } as const])],
    },
    {
      role: 'help',
      label: t.help,
      submenu: isMac ? [] : [{ label: t.about, click: options.onAbout }],
    },
  ];
}
