import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from './support';

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'electron', 'platform-server', 'cli.ts');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function start(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  firstLine.catch(() => undefined); // the tests that expect a failure never read it
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, firstLine, exited };
}

describe('platform CLI', () => {
  it('prints one JSON line with url, controlToken and accounts, serves, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-platform-cli-'));
    dirs.push(dir);
    const { child, firstLine, exited } = start(['--data', dir, '--demo', '30', '--messages-per-case', '3', '--control']);
    const line = JSON.parse(await firstLine) as { url: string; controlToken: string; accounts: { email: string; password: string }[] };
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.controlToken).toEqual(expect.any(String));
    expect(line.accounts).toHaveLength(6);
    const server = { url: line.url } as Parameters<typeof request>[0];
    const signIn = await request(server, 'POST', '/v1/auth/sign-in', { body: { email: line.accounts[0]?.email, password: line.accounts[0]?.password } });
    expect(signIn.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad option with a Spanish message and exit 1', async () => {
    const { exited, child } = start(['--port', 'abc']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited).toBe(1);
    expect(stderr).toContain('--port debe ser un entero');
  });
});
