import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = resolve(import.meta.dirname, '../../..');

export interface ReadyProcess<T> {
  /** The JSON line the process printed on stdout once it was ready. */
  readonly ready: T;
  stop(): Promise<void>;
}

/**
 * Spawns one of the project's servers (web host, reference platform) and resolves with the one
 * JSON line it prints on stdout when it is ready: an event, not a sleep. Rejects with its
 * stderr if it exits first.
 */
export function spawnUntilReady<T>(command: string, args: readonly string[], label: string): Promise<ReadyProcess<T>> {
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolvePromise({ ready: JSON.parse(line) as T, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}: ${stderr}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}
