import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface PlatformAccount {
  readonly email: string;
  readonly password: string;
  readonly role: 'mediator' | 'administrator';
  readonly userId: string;
}

export interface RunningPlatform {
  readonly url: string;
  readonly controlToken: string;
  readonly accounts: readonly PlatformAccount[];
  /** Calls the control API (fault switches, auto-reply, party messages). */
  control(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '../../..');

interface Started {
  url: string;
  controlToken: string | null;
  accounts: PlatformAccount[];
}

/** The reference platform's command line: a built bundle when there is one, else the source under tsx. */
function platformCommand(): { command: string; args: string[] } {
  const bundle = join(repoRoot, 'out', 'platform-server', 'cli.js');
  if (existsSync(bundle)) return { command: process.execPath, args: [bundle] };
  return { command: join(repoRoot, 'node_modules', '.bin', 'tsx'), args: [join(repoRoot, 'electron', 'platform-server', 'cli.ts')] };
}

/** Spawns the platform CLI and resolves with its one JSON line on stdout (an event, not a sleep). */
function spawnPlatform(cmd: { command: string; args: string[] }, dataDir: string, demoCases: number): Promise<{ started: Started; stop: () => Promise<void> }> {
  const args = [...cmd.args, '--data', dataDir, '--port', '0', '--control', '--demo', String(demoCases)];
  const child = spawn(cmd.command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      resolvePromise({ started: JSON.parse(line) as Started, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`platform exited with ${code}: ${stderr}`)));
  });
}

/** Starts the reference platform with demo data and its control API. */
export async function startPlatform(options: { demoCases?: number } = {}): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-platform-e2e-'));
  const demoCases = options.demoCases ?? 200;
  const { started, stop } = await spawnPlatform(platformCommand(), dataDir, demoCases);
  const controlToken = started.controlToken;
  if (!controlToken) throw new Error('platform started without its control API');

  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${started.url}/__control${path}`, {
      method,
      headers: { 'X-Control-Token': controlToken, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };

  return { url: started.url, controlToken, accounts: started.accounts, control, stop };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

export interface SyncedWebHost {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The web host from the built bundle, syncing with `platformUrl` and, given `signIn`, signed in
 * at start (`--platform URL --sign-in email:password`); resolves on its `{"url"}` line.
 */
export function startSyncedWebHost(options: { dataDir: string; platformUrl: string; signIn?: { email: string; password: string } }): Promise<SyncedWebHost> {
  const signIn = options.signIn ? ['--sign-in', `${options.signIn.email}:${options.signIn.password}`] : [];
  const args = ['out/web/cli.js', '--data', options.dataDir, '--port', '0', '--demo', '0', '--platform', options.platformUrl, ...signIn];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const { url } = JSON.parse(line) as { url: string };
      resolvePromise({ url, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
}
