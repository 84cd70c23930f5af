import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuLabels } from '../../electron/main/menu-labels';
import { buildMenuTemplate } from '../../electron/main/menu-template';

const topLabels = (items: MenuItemConstructorOptions[]): string[] => items.map((item) => item.label ?? '');
const allItems = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
const base = { platform: 'linux' as const, isDevelopment: false, onAbout: () => undefined };

describe('application menu', () => {
  it('is Spanish by default: Archivo, Editar, Ver, Ventana, Ayuda', () => {
    expect(topLabels(buildMenuTemplate({ ...base, locale: 'es-CL' }))).toEqual(['Archivo', 'Editar', 'Ver', 'Ventana', 'Ayuda']);
  });

  it('is English when the locale setting is en', () => {
    expect(topLabels(buildMenuTemplate({ ...base, locale: 'en' }))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('adds the app menu on macOS', () => {
    expect(topLabels(buildMenuTemplate({ ...base, platform: 'darwin', locale: 'es-CL' }))[0]).toBe('Mesa');
  });

  it('labels every item in both locales', () => {
    for (const locale of ['es-CL', 'en'] as const) {
      for (const platform of ['linux', 'darwin', 'win32'] as const) {
        for (const item of allItems(buildMenuTemplate({ ...base, platform, locale }))) {
          if (item.type !== 'separator') expect(item.label, JSON.stringify(item.role)).toBeTruthy();
        }
      }
    }
    expect(Object.keys(menuLabels.en).sort()).toEqual(Object.keys(menuLabels['es-CL']).sort());
  });

  it('offers developer tools only in development', () => {
    const roles = (isDevelopment: boolean) => allItems(buildMenuTemplate({ ...base, isDevelopment, locale: 'es-CL' })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
