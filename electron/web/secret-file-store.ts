import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from '../core/sync/secret-store';

/**
 * The web host's secret store: a JSON file with mode 0600 next to the database. It is NOT
 * encrypted — the web host is the development and test host, never a packaged build; the
 * desktop app keeps secrets with Electron's safeStorage (OS keychain). A warning says so on
 * stderr the first time a secret is written or read from the file.
 */
export function createSecretFileStore(path: string, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): SecretStore {
  let warned = false;
  const warnOnce = () => {
    if (warned) return;
    warned = true;
    warn(`Aviso: el token de la plataforma se guarda SIN CIFRAR en ${path} (permisos 0600) porque esta es la vista web de desarrollo; la aplicación de escritorio usa el llavero del sistema.`);
  };

  async function readAll(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return {};
      if (error instanceof SyntaxError) return {}; // a damaged file holds no usable secret
      throw error;
    }
  }

  async function writeAll(values: Record<string, string>): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    // Created 0600 (before any secret is in it), then renamed over the old file atomically.
    await writeFile(temporary, JSON.stringify(values), { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  }

  return {
    async get(key) {
      const values = await readAll();
      if (key in values) warnOnce();
      return values[key] ?? null;
    },
    async set(key, value) {
      warnOnce();
      await writeAll({ ...(await readAll()), [key]: value });
    },
    async delete(key) {
      const values = await readAll();
      if (!(key in values)) return;
      await writeAll(Object.fromEntries(Object.entries(values).filter(([name]) => name !== key)));
    },
  };
}
