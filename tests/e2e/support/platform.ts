import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, spawnUntilReady } from './ready-process';

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

/** Starts the reference platform with demo data and its control API. */
export async function startPlatform(options: { demoCases?: number } = {}): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-platform-e2e-'));
  const demoCases = options.demoCases ?? 200;
  const cmd = platformCommand();
  const { ready: started, stop } = await spawnUntilReady<Started>(
    cmd.command,
    [...cmd.args, '--data', dataDir, '--port', '0', '--control', '--demo', String(demoCases)],
    'platform',
  );
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



