// Starts the bundled reference platform (out/platform-server/cli.js) for `npm start`, with its
// demo data in .mesa-data/platform/ and the parties answering the mediator's joint messages.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ReferencePlatform {
  readonly url: string;
  readonly accounts: ReadonlyArray<{ email: string; password: string; role: string }>;
  stop(): Promise<void>;
}

interface ReadyLine {
  url: string;
  controlToken: string | null;
  accounts: Array<{ email: string; password: string; role: string }>;
}

/** Seconds the simulated consumer takes to answer, so a demo shows replies arriving live. */
const AUTO_REPLY_DELAY_MS = 5000;

export async function startReferencePlatform(options: { repoRoot: string; port: number }): Promise<ReferencePlatform> {
  const child = spawn(
    process.execPath,
    [join(options.repoRoot, 'out', 'platform-server', 'cli.js'), '--data', join(options.repoRoot, '.mesa-data', 'platform'), '--port', String(options.port), '--control'],
    { cwd: options.repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = await new Promise<ReadyLine>((resolveReady, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolveReady(JSON.parse(line) as ReadyLine);
    });
    child.once('exit', (code) =>
      reject(new Error(`la plataforma de referencia terminó (código ${code}); ¿está ocupado el puerto ${options.port}? Use MESA_PLATFORM_PORT=otro`)),
    );
  });
  if (ready.controlToken) {
    const reply = await fetch(`${ready.url}/__control/auto-reply`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Control-Token': ready.controlToken },
      body: JSON.stringify({ enabled: true, delayMs: AUTO_REPLY_DELAY_MS }),
    });
    if (!reply.ok) process.stderr.write(`Aviso: las partes simuladas no responderán (auto-reply: HTTP ${reply.status}).\n`);
  }
  return {
    url: ready.url,
    accounts: ready.accounts,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
