import { app, dialog, Menu } from 'electron';
import type { Locale } from '../../shared/contract/app';
import { buildMenuTemplate } from './menu-template';

const aboutText: Readonly<Record<Locale, string>> = {
  'es-CL': 'Gestión de casos para mediadores de resolución en línea.',
  en: 'Case management for online dispute resolution mediators.',
};

/** Installs (or re-installs, after a locale change) the application menu. */
export function installApplicationMenu(locale: Locale): void {
  const template = buildMenuTemplate({
    locale,
    platform: process.platform,
    isDevelopment: !app.isPackaged,
    onAbout: () => {
      void dialog.showMessageBox({ type: 'info', title: 'Mesa', message: `Mesa ${app.getVersion()}`, detail: aboutText[locale], buttons: ['OK'] });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
