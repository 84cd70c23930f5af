import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnUntilReady } from './ready-process';

export interface RunningHost {
  /** The page URL, secret in its fragment. */
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'mesa-e2e-'));

/**
 * Starts the real web host (real core, real SQLite file) as a child process and resolves when it
 * prints its `{"url": ...}` line: an event, not a sleep. With `platformUrl` it syncs with that
 * platform (no demo cases) and, given `signIn`, signs in at start.
 */
export async function startWebHost(options: {
  dataDir: string;
  demoCases?: number;
  platformUrl?: string;
  signIn?: { email: string; password: string };
}): Promise<RunningHost> {
  const platform = options.platformUrl ? ['--platform', options.platformUrl] : [];
  const signIn = options.signIn ? ['--sign-in', `${options.signIn.email}:${options.signIn.password}`] : [];
  const demo = String(options.platformUrl ? 0 : (options.demoCases ?? 400));
  const args = ['out/web/cli.js', '--data', options.dataDir, '--port', '0', '--demo', demo, ...platform, ...signIn];
  const { ready, stop } = await spawnUntilReady<{ url: string }>(process.execPath, args, 'web host');
  return { url: ready.url, dataDir: options.dataDir, stop };
}

