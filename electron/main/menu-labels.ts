// The application menu's words, in the two locales the app speaks. Kept here rather than in
// shared/i18n because only the main process shows them (before and outside the renderer).
import type { Locale } from '../../shared/contract/app';

export interface MenuLabels {
  readonly file: string;
  readonly closeWindow: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly reload: string;
  readonly toggleDevTools: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly toggleFullScreen: string;
  readonly window: string;
  readonly minimize: string;
  readonly zoom: string;
  readonly help: string;
  readonly about: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly unhide: string;
}

export const menuLabels: Readonly<Record<Locale, MenuLabels>> = {
  'es-CL': {
    file: 'Archivo',
    closeWindow: 'Cerrar ventana',
    quit: 'Salir de Mesa',
    edit: 'Editar',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    reload: 'Recargar',
    toggleDevTools: 'Herramientas de desarrollo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    toggleFullScreen: 'Pantalla completa',
    window: 'Ventana',
    minimize: 'Minimizar',
    zoom: 'Zoom',
    help: 'Ayuda',
    about: 'Acerca de Mesa',
    hide: 'Ocultar Mesa',
    hideOthers: 'Ocultar otros',
    unhide: 'Mostrar todo',
  },
  en: {
    file: 'File',
    closeWindow: 'Close Window',
    quit: 'Quit Mesa',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    help: 'Help',
    about: 'About Mesa',
    hide: 'Hide Mesa',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
};
