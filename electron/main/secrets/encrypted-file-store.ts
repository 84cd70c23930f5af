// No 'electron' import on purpose: the store is tested under Node with a test cipher; the app
// gives it Electron's safeStorage (safe-storage-cipher.ts).
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from '../../core/sync/secret-store';

/** What encrypts the secrets: the OS keychain in the app. */
export interface SecretCipher {
  /** False where the OS offers no real keychain (e.g. Linux without a secret service). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

type SecretFile = Record<string, string>;

/**
 * Secrets encrypted by the OS keychain, in a 0600 JSON file of base64 ciphertexts. Where the
 * keychain is unavailable, secrets stay in memory for this run only (the mediator signs in
 * again next time) rather than being written in plain text.
 */
export function createEncryptedFileStore(file: string, cipher: SecretCipher, warn: (message: string) => void): SecretStore {
  const memory = new Map<string, string>();
  let warned = false;
  const persistent = (): boolean => {
    const available = cipher.isAvailable();
    if (!available && !warned) {
      warned = true;
      warn('OS keychain unavailable: the platform token is kept in memory only and will not survive a restart.');
    }
    return available;
  };

  const readAll = async (): Promise<SecretFile> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as SecretFile) : {};
    } catch {
      return {}; // missing or unreadable: no secrets, never a crash
    }
  };
  const writeAll = async (secrets: SecretFile): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    await writeFile(temp, JSON.stringify(secrets), { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, file); // atomic: a crash leaves the old file or the new one
  };

  return {
    async get(key) {
      if (!persistent()) return memory.get(key) ?? null;
      const encrypted = (await readAll())[key];
      if (encrypted === undefined) return null;
      try {
        return cipher.decrypt(Buffer.from(encrypted, 'base64'));
      } catch {
        return null; // a keychain change makes old ciphertexts unreadable: sign in again
      }
    },
    async set(key, value) {
      if (!persistent()) {
        memory.set(key, value);
        return;
      }
      const secrets = await readAll();
      secrets[key] = cipher.encrypt(value).toString('base64');
      await writeAll(secrets);
    },
    async delete(key) {
      memory.delete(key);
      if (!cipher.isAvailable()) return;
      const secrets = await readAll();
      if (!(key in secrets)) return;
      await writeAll(Object.fromEntries(Object.entries(secrets).filter(([name]) => name !== key)));
    },
  };
}
