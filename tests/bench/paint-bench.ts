import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';

const repoRoot = resolve(import.meta.dirname, '../..');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Milliseconds from spawning the web host on `dataDir` to its "ready" line, and to the first
 * case row painted in Chromium. The browser is started beforehand: the figure is the app's, not Chromium's launch.
 */
export async function benchFirstPaint(dataDir: string): Promise<{ hostReadyMs: number; paintedMs: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ locale: 'es-CL', timezoneId: 'America/Santiago' });
  const start = performance.now();
  const host = spawn(process.execPath, ['out/web/cli.js', '--data', dataDir, '--port', '0', '--demo', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      createInterface({ input: host.stdout }).on('line', (line) => {
        if (line.startsWith('{')) resolveUrl((JSON.parse(line) as { url: string }).url);
      });
      host.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
    });
    const hostReadyMs = performance.now() - start;
    await page.goto(url);
    await page.getByTestId('case-row').first().waitFor({ state: 'visible' });
    return { hostReadyMs, paintedMs: performance.now() - start };
  } finally {
    host.kill('SIGTERM');
    await browser.close();
  }
}
