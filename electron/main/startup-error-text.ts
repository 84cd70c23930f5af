// What the user reads when the database cannot be opened at start. Pure (no 'electron'), so
// the wording and the locale choice are tested under Node; startup-error.ts shows it.
import type { Locale } from '../../shared/contract/app';
import type { AppErrorShape, ErrorCode } from '../../shared/contract/errors';
import type { Result } from '../../shared/contract/result';

export interface StartupErrorText {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly showFolder: string;
  readonly quit: string;
}

type Known = 'db_corrupt' | 'db_newer_version' | 'other';

const texts: Readonly<Record<Locale, Readonly<Record<Known, Omit<StartupErrorText, 'showFolder' | 'quit'>>> & { showFolder: string; quit: string }>> = {
  'es-CL': {
    db_corrupt: {
      title: 'Mesa no puede abrir sus datos',
      message: 'El archivo de datos de Mesa está dañado.',
      detail:
        'Mesa no modificó ni borró el archivo. Cierre la aplicación, haga una copia del archivo y contacte a soporte del centro para recuperarlo.',
    },
    db_newer_version: {
      title: 'Mesa necesita actualizarse',
      message: 'Los datos fueron guardados por una versión más nueva de Mesa.',
      detail: 'Mesa no modificó el archivo. Instale la versión más reciente de Mesa y vuelva a abrirla.',
    },
    other: {
      title: 'Mesa no pudo iniciar',
      message: 'No fue posible abrir el archivo de datos de Mesa.',
      detail: 'Revise que haya espacio en disco y que el archivo no esté abierto en otro programa, y vuelva a abrir Mesa.',
    },
    showFolder: 'Mostrar carpeta de datos',
    quit: 'Salir',
  },
  en: {
    db_corrupt: {
      title: 'Mesa cannot open its data',
      message: 'The Mesa data file is damaged.',
      detail: 'Mesa did not change or delete the file. Quit, make a copy of the file and contact the center’s support to recover it.',
    },
    db_newer_version: {
      title: 'Mesa needs an update',
      message: 'The data was saved by a newer version of Mesa.',
      detail: 'Mesa did not change the file. Install the latest version of Mesa and open it again.',
    },
    other: {
      title: 'Mesa could not start',
      message: 'The Mesa data file could not be opened.',
      detail: 'Check that there is free disk space and that no other program has the file open, then open Mesa again.',
    },
    showFolder: 'Show data folder',
    quit: 'Quit',
  },
};

/** Spanish unless the system prefers English: the saved locale lives in the database that failed to open. */
export const startupLocale = (systemLocale: string): Locale => (systemLocale.toLowerCase().startsWith('en') ? 'en' : 'es-CL');

export function startupErrorText(code: ErrorCode, locale: Locale): StartupErrorText {
  const catalogue = texts[locale];
  const known: Known = code === 'db_corrupt' || code === 'db_newer_version' ? code : 'other';
  return { ...catalogue[known], showFolder: catalogue.showFolder, quit: catalogue.quit };
}

/** Errors that mean the store itself cannot be used, so the app cannot start. */
const STORE_FAILURES: ReadonlySet<ErrorCode> = new Set(['db_corrupt', 'db_newer_version', 'db_unavailable', 'disk_full']);

/** The store failure behind a first operation's Result, or null when the app can go on. */
export const startupFailureOf = (result: Result<unknown>): AppErrorShape | null =>
  !result.ok && STORE_FAILURES.has(result.error.code) ? result.error : null;
