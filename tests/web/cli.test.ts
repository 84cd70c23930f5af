// The web host CLI end to end: real core on a temp SQLite file, real HTTP, real signals.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'electron', 'web', 'cli.ts');

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startCli(args: string[], prepare?: (dataDir: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-cli-'));
  dirs.push(dataDir);
  prepare?.(dataDir);
  const child = spawn(tsx, [cli, '--data', dataDir, ...args], { cwd: repoRoot });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<Record<string, unknown>>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolveLine(JSON.parse(line) as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${stderr}`)));
  });
  // Tests that only wait for the exit never read the line: keep that rejection from going unhandled.
  firstLine.catch(() => undefined);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return { dataDir, child, firstLine, exited, stderr: () => stderr };
}

describe('tsx electron/web/cli.ts', () => {
  it('serves the real core, prints one JSON line, and stops cleanly on SIGTERM', async () => {
    const run = startCli(['--demo', '25']);
    const line = await run.firstLine;
    expect(line['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[A-Za-z0-9_-]{43}$/);
    const url = new URL(String(line['url']));
    const secret = url.hash.replace('#secret=', '');
    const response = await fetch(new URL('/api/op/getAppInfo', url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const body = (await response.json()) as { ok: boolean; value?: { host: string; caseCount: number } };
    expect(body).toMatchObject({ ok: true, value: { host: 'web', caseCount: 25 } });
    expect(run.stderr()).toMatch(/Mesa \(vista web\) disponible en/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(existsSync(join(run.dataDir, 'mesa.sqlite3'))).toBe(true);
  });

  it('--seed-only seeds the store and exits without serving', async () => {
    const run = startCli(['--demo', '10', '--seed-only']);
    expect(await run.firstLine).toMatchObject({ seeded: true, databasePath: join(run.dataDir, 'mesa.sqlite3') });
    expect(await run.exited).toBe(0);
  });

  it('refuses a bad flag value with a Spanish message and exit code 1', async () => {
    const run = startCli(['--port', 'mil']);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/--port debe ser un entero/);
  });

  it('serves a corrupt store as db_corrupt errors and never touches the file', async () => {
    const garbage = Buffer.from('this is not a SQLite database '.repeat(200));
    const run = startCli([], (dataDir) => writeFileSync(join(dataDir, 'mesa.sqlite3'), garbage));
    const url = new URL(String((await run.firstLine)['url']));
    const response = await fetch(new URL('/api/op/getAppInfo', url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${url.hash.replace('#secret=', '')}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(readFileSync(join(run.dataDir, 'mesa.sqlite3')).equals(garbage)).toBe(true);
  });

  it('--seed-only on a corrupt store exits 1 and says why', async () => {
    const run = startCli(['--seed-only'], (dataDir) => writeFileSync(join(dataDir, 'mesa.sqlite3'), 'garbage'.repeat(1000)));
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/no pudo iniciar \(db_corrupt\)/);
  });
});
