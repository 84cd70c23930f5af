import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { instantiateTemplate } from '../../../shared/agreements/instantiate';
import type { AgreementExportInput } from '../../../electron/core/agreements/export-render';
import { counterIds, FACTS, shippedLibrary } from '../../shared/agreements/fixtures';

/**
 * External readers the export tests check our files with. Missing on a developer machine: the
 * tests are skipped with a message; missing on CI (CI=true, .ci/run installs them): they fail.
 */
export function externalTool(command: string): { available: boolean } {
  const available = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!available && process.env.CI === 'true') throw new Error(`${command} is required on CI (.ci/run installs libreoffice-writer-nogui and poppler-utils)`);
  if (!available) console.warn(`SKIPPED: ${command} is not installed; the export checks that need it do not run on this machine`);
  return { available };
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `mesa-${prefix}-`));

/** LibreOffice headless with a throwaway profile (and HOME), so runs never share or keep state. */
export function convertWithLibreOffice(file: string, to: 'pdf', outDir: string): string {
  const home = tempDir('lo-home');
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(home, 'profile')).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], {
    env: { ...process.env, HOME: home },
    timeout: 180_000,
    stdio: 'pipe',
  });
  const name = file.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${to}`);
  return join(outDir, name);
}

export const pdfToText = (file: string): string => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

export const pdfPageCount = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);

/** PNGs of every page at 50 dpi (pdftoppm), in page order. */
export function renderPages(file: string): string[] {
  const dir = tempDir('pages');
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '50', '-png', file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.png'))
    .sort()
    .map((name) => join(dir, name));
}

/** Share of pixels that are clearly not white. */
export async function inkRatio(png: string): Promise<number> {
  const image = await loadImage(readFileSync(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 600) ink++;
  return ink / (image.width * image.height);
}

/** Squeezes layout whitespace so assertions read like sentences. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** A full refund for the fixture case with a review platform: every kind of variable in use. */
export function sampleExport(overrides: Partial<AgreementExportInput> = {}): AgreementExportInput {
  const library = shippedLibrary();
  const template = library.templates.find((entry) => entry.id === 'reembolso_total');
  if (!template) throw new Error('template');
  const { content, variables } = instantiateTemplate(template, library, FACTS, { newId: counterIds() });
  return {
    content,
    variables: { ...variables, devolucion_producto: true, plazo_devolucion: 5, plataforma_resenas: 'Reclamos.cl', monto_reembolso: 1_250_000, monto_caso: 1_250_000 },
    versionNumber: 3,
    generatedAt: new Date('2026-11-20T15:00:00Z'),
    acceptances: { consumer: '2026-11-20T18:32:00Z', company: null },
    ...overrides,
  };
}
