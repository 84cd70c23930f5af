import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningHost {
  /** The page URL, secret in its fragment. */
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '../../..');

export const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'mesa-e2e-'));

/**
 * Starts the real web host (real core, real SQLite file) as a child process and resolves when it
 * prints its `{"url": ...}` line: an event, not a sleep.
 */
export function startWebHost(options: { dataDir: string; demoCases?: number }): Promise<RunningHost> {
  const args = ['out/web/cli.js', '--data', options.dataDir, '--port', '0', '--demo', String(options.demoCases ?? 400)];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const { url } = JSON.parse(line) as { url: string };
      resolvePromise({ url, dataDir: options.dataDir, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}
