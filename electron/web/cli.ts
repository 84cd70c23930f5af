// `node out/web/cli.js` (built by `npm run build`; `tsx electron/web/cli.ts` in development)
// [--data DIR] [--port N] [--demo N] [--renderer DIR] [--seed-only]
// [--platform URL] [--sign-in EMAIL:PASSWORD]
//
// --platform (or env MESA_PLATFORM_URL) syncs with the center's platform at URL: cases come
// from it (no demo cases), and its token is kept in DIR/secrets.json (0600, unencrypted: this
// is the development host; a warning says so). --sign-in signs in at start (npm start, e2e).
//
// Opens the core on DIR/mesa.sqlite3 (default .mesa-data/ in the repo, gitignored), serves the
// built renderer and the contract on 127.0.0.1, prints ONE JSON line on stdout for tools and
// tests — {"url","port","databasePath"} — and a Spanish line for people on stderr. SIGINT or
// SIGTERM closes the host and the core (checkpointing the WAL) and exits 0. A store the core
// cannot open (corrupt, newer version) is still served: every operation then answers with that
// error and the renderer shows its full-screen message, which is what e2e tests of it need.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dispatch } from '../core/api/dispatch';
import { openCore } from '../core/core';
import { AppError } from '../../shared/contract/errors';
import { createSecretFileStore } from './secret-file-store';
import { startWebHost } from './server';
import { integerOption } from '../../shared/util/integer-option';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Same first-run seed as the desktop app (electron/main/app-paths.ts): a realistic caseload. */
const DEFAULT_DEMO_CASES = 2000;

const appVersion = (): string => (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const USAGE = 'Uso: node out/web/cli.js [--data DIR] [--port N] [--demo N] [--renderer DIR] [--seed-only] [--platform URL] [--sign-in CORREO:CLAVE]';

/** An http(s) URL of the platform, or undefined when none is configured. */
function platformOption(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--platform debe ser una URL http(s) (recibido: ${value})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--platform debe ser una URL http(s) (recibido: ${value})`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** "email:password" (the password may contain ':'). */
function signInOption(value: string | undefined): { email: string; password: string } | undefined {
  if (value === undefined) return undefined;
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new Error('--sign-in debe tener la forma correo:contraseña');
  return { email: value.slice(0, colon), password: value.slice(colon + 1) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'string' },
      renderer: { type: 'string' },
      'seed-only': { type: 'boolean', default: false },
      platform: { type: 'string' },
      'sign-in': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(values.data ?? join(repoRoot, '.mesa-data'));
  const port = integerOption(values.port, 'port', 0, 65_535);
  const demoCases = integerOption(values.demo, 'demo', DEFAULT_DEMO_CASES, 1_000_000);
  const rendererDir = resolve(values.renderer ?? join(repoRoot, 'out', 'renderer'));
  const databasePath = join(dataDir, 'mesa.sqlite3');
  mkdirSync(dataDir, { recursive: true });

  const platformUrl = platformOption(values.platform ?? process.env.MESA_PLATFORM_URL);
  const credentials = signInOption(values['sign-in']);
  if (credentials && !platformUrl) throw new Error('--sign-in necesita --platform URL (o MESA_PLATFORM_URL)');
  const platform = platformUrl ? { url: platformUrl, secretStore: createSecretFileStore(join(dataDir, 'secrets.json')) } : undefined;

  const core = await openCore({ databasePath, host: 'web', appVersion: appVersion(), demoCases, platform });
  if (credentials) {
    const signedIn = await dispatch(core.handlers, 'signIn', credentials);
    if (!signedIn.ok) throw new AppError(signedIn.error.code, signedIn.error.message);
    const status = signedIn.value as { state: string; error: { code: string; message: string } | null };
    if (status.state === 'signed_out') {
      await core.close();
      throw new Error(`No se pudo iniciar sesión en la plataforma (${status.error?.code ?? 'desconocido'}): ${status.error?.message ?? ''}`);
    }
  }
  if (values['seed-only']) {
    // openCore never rejects; a store it could not open shows up as a failing operation.
    const probe = await dispatch(core.handlers, 'getAppInfo', {});
    await core.close();
    if (!probe.ok) throw new AppError(probe.error.code, probe.error.message);
    process.stdout.write(`${JSON.stringify({ seeded: true, databasePath })}\n`);
    process.stderr.write(`Datos de demostración listos en ${databasePath}\n`);
    return;
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`Aviso: no existe ${join(rendererDir, 'index.html')}; ejecute "npx electron-vite build" para servir la interfaz (la API funciona igual).\n`);
  }

  const host = await startWebHost({ core, rendererDir, port });
  process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, databasePath })}\n`);
  process.stderr.write(`Mesa (vista web) disponible en ${host.url}\nAbra esa dirección en Chromium. Datos: ${databasePath}. Ctrl+C para detener.\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host
      .close()
      .finally(async () => {
        await core.close();
        process.stderr.write('Mesa (vista web) detenida.\n');
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? ` (${String(error.code)})` : '';
  process.stderr.write(`Mesa (vista web) no pudo iniciar${code}: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
