// `tsx electron/platform-server/cli.ts [--data DIR] [--port N] [--demo N] [--messages-per-case N] [--control]`
//
// Starts the reference platform on 127.0.0.1 with DIR/platform.sqlite3 (default
// .mesa-data/platform/ in the repo, gitignored), seeding a new store with N demo cases
// (default 2000, 8 messages each). Port 0 (default) picks a free one. Prints ONE JSON line on
// stdout — {"url","controlToken","accounts":[{email,password,role,userId}]} — and a Spanish
// line for people on stderr. Every demo account's password is "mesa-demo". SIGINT or SIGTERM
// closes the server and the database and exits 0.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPlatformServer } from './server';
import { integerOption } from '../../shared/util/integer-option';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_DEMO_CASES = 2000;
const DEFAULT_MESSAGES_PER_CASE = 8;
const USAGE = 'Uso: tsx electron/platform-server/cli.ts [--data DIR] [--port N] [--demo N] [--messages-per-case N] [--control]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'string' },
      'messages-per-case': { type: 'string' },
      control: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(values.data ?? join(repoRoot, '.mesa-data', 'platform'));
  const databasePath = join(dataDir, 'platform.sqlite3');
  const server = await startPlatformServer({
    databasePath,
    port: integerOption(values.port, 'port', 0, 65_535),
    seed: {
      cases: integerOption(values.demo, 'demo', DEFAULT_DEMO_CASES, 1_000_000),
      messagesPerCase: integerOption(values['messages-per-case'], 'messages-per-case', DEFAULT_MESSAGES_PER_CASE, 1_000),
    },
    control: values.control,
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, controlToken: server.controlToken, accounts: server.accounts })}\n`);
  process.stderr.write(
    `Plataforma de referencia disponible en ${server.url} (datos: ${databasePath}). Cuentas de demostración: ${server.accounts.map((a) => a.email).join(', ')}; contraseña "mesa-demo". Ctrl+C para detener.\n`,
  );

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Error al cerrar la plataforma: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`No se pudo iniciar la plataforma de referencia: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
