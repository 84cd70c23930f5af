// Builds the app for real (electron-vite build, then electron-builder --linux dir with a
// placeholder Electron binary, DESIGN §7) and inspects what would ship in app.asar.
// About 15 s; set MESA_SKIP_PACKAGING=1 to skip it in a quick inner loop.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', name);
const skip = process.env['MESA_SKIP_PACKAGING'] === '1';

describe.skipIf(skip)('packaged app (electron-builder --linux dir)', () => {
  let work: string;
  let files: string[];
  let asarPath: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'mesa-pack-'));
    const electronDist = join(work, 'electron-dist');
    execFileSync('mkdir', ['-p', electronDist]);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "placeholder Electron binary"\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    execFileSync(bin('electron-vite'), ['build'], { cwd: repoRoot, stdio: 'pipe' });
    execFileSync(
      bin('electron-builder'),
      ['--linux', 'dir', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${join(work, 'dist')}`, '--publish', 'never'],
      { cwd: repoRoot, stdio: 'pipe' },
    );
    asarPath = join(work, 'dist', 'linux-unpacked', 'resources', 'app.asar');
    files = listPackage(asarPath, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('contains the three bundles and package.json', () => {
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) expect(files).toContain(file);
  });

  it('contains no sources, web host, dev scripts or tests', () => {
    const own = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(own.filter((file) => /\.(ts|tsx|mts|map)$/.test(file))).toEqual([]);
    expect(own.filter((file) => /^\/(electron|renderer|shared|tests|resources)\b/.test(file))).toEqual([]);
    expect(files.some((file) => file.includes('electron/web') || file.includes('/web/server'))).toBe(false);
  });

  it('ships production dependencies only, with the native addon unpacked', () => {
    const packages = new Set(files.filter((file) => /^\/node_modules\/[^/]+$/.test(file)).map((file) => file.split('/')[2]));
    for (const name of ['better-sqlite3', 'bindings', 'kysely', 'zod', 'electron-updater']) expect(packages).toContain(name);
    for (const name of ['electron', 'electron-vite', 'vite', 'vitest', 'typescript', 'react', 'tsx']) expect(packages).not.toContain(name);
    expect(existsSync(join(asarPath + '.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(files.some((file) => file.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
  });

  it('ships pdfjs-dist with its font data and @napi-rs/canvas with its native addon unpacked', () => {
    expect(files).toContain('/node_modules/pdfjs-dist/legacy/build/pdf.mjs');
    expect(files).toContain('/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
    expect(files).toContain('/node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
    expect(files).toContain('/node_modules/pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap');
    const addon = files.find((file) => /^\/node_modules\/@napi-rs\/canvas-[^/]+\/[^/]+\.node$/.test(file));
    expect(addon).toBeDefined();
    expect(existsSync(join(asarPath + '.unpacked', addon ?? ''))).toBe(true);
  });

  it('puts the fonts and agreement templates next to app.asar (process.resourcesPath)', () => {
    const resources = join(work, 'dist', 'linux-unpacked', 'resources');
    for (const font of ['LiberationSans-Regular.ttf', 'LiberationSans-Italic.ttf', 'LiberationSerif-Bold.ttf', 'LiberationMono-Regular.ttf']) {
      expect(existsSync(join(resources, 'fonts', font))).toBe(true);
    }
    expect(existsSync(join(resources, 'agreements'))).toBe(true);
  });

  it("bundles the preload as one CommonJS file that requires nothing but 'electron'", () => {
    const preload = extractFile(asarPath, 'out/preload/index.cjs').toString('utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s|\bimport\(/m);
    expect(readFileSync(join(repoRoot, 'out', 'preload', 'index.cjs'), 'utf8')).toBe(preload);
  });
});
