import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSecretFileStore } from '../../electron/web/secret-file-store';
import { makeTempDir, removeDir } from './support/platform';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

it('keeps secrets in a 0600 file, warns once that it is unencrypted, and deletes them', async () => {
  const warnings: string[] = [];
  const path = join(dir, 'data', 'secrets.json');
  const store = createSecretFileStore(path, (line) => warnings.push(line));
  expect(await store.get('k')).toBeNull();
  await store.set('k', 'token-value');
  await store.set('other', 'x');
  expect(await store.get('k')).toBe('token-value');
  expect((await stat(path)).mode & 0o777).toBe(0o600);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/SIN CIFRAR/);
  await store.delete('k');
  expect(await store.get('k')).toBeNull();
  expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ other: 'x' });
});
