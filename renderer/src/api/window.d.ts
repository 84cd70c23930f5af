import type { MesaApi } from '../../../shared/contract/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge). Absent in the web host. */
    readonly mesa?: MesaApi;
  }
}

export {};
