import type { MesaApi, MesaOperations } from '../../../shared/contract/api';
import { operationNames } from '../../../shared/contract/operations';
import { createSseSubscriber } from './http-events';
import { createHttpCaller } from './http-operations';
import { takeWebHostSecret } from './secret';

/**
 * The one way the UI reaches the core. In Electron the preload exposes `window.mesa`; in the web
 * host (development and end-to-end tests) the same contract runs over HTTP + Server-Sent Events.
 * The rest of the UI sees only `MesaApi` and never knows which.
 */
export function createMesaClient(): MesaApi {
  if (window.mesa) return window.mesa;
  // Opening the host's address again in this tab only changes the fragment (no reload): take the
  // new secret and start over with it.
  window.addEventListener('hashchange', () => {
    if (/(^#|&)secret=/.test(window.location.hash)) {
      takeWebHostSecret();
      window.location.reload();
    }
  });
  return createHttpClient(window.location.origin, takeWebHostSecret());
}

/** True when the UI runs in the web host (development/test), not in the desktop app. */
export const isWebHost = (): boolean => !window.mesa;

export function createHttpClient(baseUrl: string, secret: string | null): MesaApi {
  const call = createHttpCaller(baseUrl, secret);
  // Built from the contract's operation table; the cast is the one place where the per-name
  // types are asserted, each response having been validated against that name's output schema.
  const ops = Object.fromEntries(operationNames.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as MesaOperations;
  return Object.freeze({ ...ops, on: createSseSubscriber(baseUrl, secret) });
}
