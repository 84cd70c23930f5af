// `npm start`: build with electron-vite, then run the desktop app if this machine has the
// Electron binary, otherwise the same renderer in the browser through the web host.
// Never downloads anything, and never require()s 'electron' (that would try to download it).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from './electron-binary';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
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

async function main(): Promise<number> {
  process.stderr.write('Compilando Mesa con electron-vite… / Building Mesa with electron-vite…\n');
  const built = await run(bin('electron-vite'), ['build']);
  if (built !== 0) return built;

  if (installedElectronBinary(repoRoot) !== null) {
    return run(bin('electron-vite'), ['preview', '--skipBuild']);
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
  const hostBuilt = await run(bin('vite'), ['build', '--logLevel', 'warn', '-c', join(repoRoot, 'vite.web.config.ts')]);
  if (hostBuilt !== 0) return hostBuilt;
  return run(process.execPath, [join(repoRoot, 'out', 'web', 'cli.js'), ...process.argv.slice(2)]);
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`No se pudo iniciar Mesa / Could not start Mesa: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
