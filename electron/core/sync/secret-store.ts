/**
 * Where the platform token lives — and the ONLY place it lives: never in SQLite, never in a
 * log line. Electron's main process implements this over safeStorage (OS keychain); the web
 * host uses a 0600 file with a warning (electron/web/secret-file-store.ts); tests use memory.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The secret-store key of the platform's bearer token. */
export const PLATFORM_TOKEN_KEY = 'mesa.platform.token';
