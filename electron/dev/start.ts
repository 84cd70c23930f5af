// `npm start`: build, start the reference platform (demo cases, parties that answer), then the
// desktop app syncing with it — or, where this machine has no Electron binary, the same
// renderer in the browser through the web host. Never downloads anything, and never
// require()s 'electron' (that would try to download it).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from './electron-binary';
import { startReferencePlatform, type ReferencePlatform } from './reference-platform';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** A fixed port, so the app's store keeps talking to the same platform across restarts. */
const PLATFORM_PORT = Number(process.env['MESA_PLATFORM_PORT'] ?? 4810);

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolveRun, reject) => {
    const child: ChildProcess = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env });
    // Ctrl+C reaches the child through the terminal; a SIGTERM sent to this script is passed on.
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    const onSigint = (): void => undefined;
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', forward);
      resolveRun(code ?? (signal ? 1 : 0));
    });
  });
}

async function runApp(platform: ReferencePlatform): Promise<number> {
  const mediator = platform.accounts.find((account) => account.role === 'mediator');
  if (installedElectronBinary(repoRoot) !== null) {
    if (mediator) process.stderr.write(`Inicie sesión en Mesa con ${mediator.email} / ${mediator.password}\n`);
    return run(bin('electron-vite'), ['preview', '--skipBuild'], { ...process.env, MESA_PLATFORM_URL: platform.url });
  }
  process.stderr.write(
    [
      '',
      'El ejecutable de Electron no está instalado en este equipo; se abre la vista web de Mesa.',
      'The Electron binary is not installed on this machine; starting Mesa’s browser preview instead.',
      'Abra en el navegador la dirección "url" que aparece abajo. / Open the "url" printed below in a browser.',
      '',
    ].join('\n'),
  );
  const signIn = mediator ? ['--sign-in', `${mediator.email}:${mediator.password}`] : [];
  const dataDir = join(repoRoot, '.mesa-data', 'preview');
  return run(process.execPath, [join(repoRoot, 'out', 'web', 'cli.js'), '--data', dataDir, '--platform', platform.url, ...signIn, ...process.argv.slice(2)]);
}

async function main(): Promise<number> {
  process.stderr.write('Compilando Mesa… / Building Mesa…\n');
  const built = await run(bin('electron-vite'), ['build']);
  if (built !== 0) return built;
  const serversBuilt = await run(bin('vite'), ['build', '--logLevel', 'warn', '-c', join(repoRoot, 'vite.web.config.ts')]);
  if (serversBuilt !== 0) return serversBuilt;

  const platform = await startReferencePlatform({ repoRoot, port: PLATFORM_PORT });
  try {
    return await runApp(platform);
  } finally {
    await platform.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`No se pudo iniciar Mesa / Could not start Mesa: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
