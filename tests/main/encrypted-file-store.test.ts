import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedFileStore, type SecretCipher } from '../../electron/main/secrets/encrypted-file-store';

/** A real AES-GCM cipher standing in for the OS keychain (the true edge). */
function testCipher(available = true): SecretCipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => available,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'mesa-secrets-')), 'secrets.json');

describe('encrypted secret store', () => {
  it('keeps secrets encrypted in a 0600 file and reads them back', async () => {
    const file = tempFile();
    const store = createEncryptedFileStore(file, testCipher(), () => undefined);
    await store.set('token', 'bearer-abc-123');
    expect(await store.get('token')).toBe('bearer-abc-123');
    expect(readFileSync(file, 'utf8')).not.toContain('bearer-abc-123');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.delete('token');
    expect(await store.get('token')).toBeNull();
  });

  it('keeps secrets in memory only, with one warning, when the keychain is unavailable', async () => {
    const file = tempFile();
    const warnings: string[] = [];
    const store = createEncryptedFileStore(file, testCipher(false), (m) => warnings.push(m));
    await store.set('token', 'plain-secret');
    expect(await store.get('token')).toBe('plain-secret');
    expect(() => statSync(file)).toThrow();
    expect(warnings).toHaveLength(1);
  });

  it('treats a corrupt file or an undecryptable entry as no secret', async () => {
    const file = tempFile();
    writeFileSync(file, '{not json');
    const store = createEncryptedFileStore(file, testCipher(), () => undefined);
    expect(await store.get('token')).toBeNull();
    writeFileSync(file, JSON.stringify({ token: Buffer.from('garbage-garbage-garbage-garbage').toString('base64') }));
    expect(await store.get('token')).toBeNull();
    await store.set('token', 'fresh');
    expect(await store.get('token')).toBe('fresh');
  });
});
