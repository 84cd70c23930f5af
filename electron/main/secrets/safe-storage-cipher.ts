import { safeStorage } from 'electron';
import type { SecretCipher } from './encrypted-file-store';

/**
 * Electron's safeStorage: macOS Keychain, Windows DPAPI, libsecret/kwallet on Linux. On Linux
 * without a secret service Electron falls back to a hard-coded key ('basic_text'), which
 * protects nothing: treat that as unavailable.
 */
export const safeStorageCipher: SecretCipher = {
  isAvailable: () =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};
