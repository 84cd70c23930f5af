// What the SIGKILL tests' child processes share: their settings from the environment and a core
// syncing with the reference platform. Children run as `node --import tsx <child>`, so the
// test's SIGKILL reaches the process that writes the store (not a tsx wrapper around it).
import { openCore, type MesaCore } from '../../../electron/core/core';
import type { BackoffPolicy } from '../../../electron/core/sync/backoff';
import { PLATFORM_TOKEN_KEY } from '../../../electron/core/sync/secret-store';
import { createMemorySecretStore } from './memory-secret-store';

export const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

/** A core on MESA_DB signed in to MESA_PLATFORM_URL with MESA_TOKEN; it pulls only when asked. */
export const openChildCore = (appVersion: string, backoff: BackoffPolicy): Promise<MesaCore> =>
  openCore({
    databasePath: env('MESA_DB'),
    host: 'web',
    appVersion,
    platform: {
      url: env('MESA_PLATFORM_URL'),
      secretStore: createMemorySecretStore({ [PLATFORM_TOKEN_KEY]: env('MESA_TOKEN') }),
      pollIntervalMs: 600_000,
      backoff,
    },
  });
