import type { SecretStore } from '../../../electron/core/sync/secret-store';

/** Secrets in memory, for tests (the token must never reach SQLite). */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}
