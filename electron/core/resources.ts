// Where the files shipped in resources/ (fonts, agreement templates) are at runtime, without
// importing electron: a packaged build copies them next to app.asar (electron-builder
// extraResources, see electron-builder.yml), which Electron exposes as process.resourcesPath;
// in development, vitest and the web host they are the repository's resources/ folder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file every resources folder holds, to tell it from another folder of the same name. */
const MARKER = join('fonts', 'LiberationSans-Regular.ttf');

/**
 * The resources folder. An explicit `override` (e.g. CoreOptions, tests) wins; then Electron's
 * packaged resources; then the nearest resources/ above this module (the source tree under
 * vitest/tsx, or out/main and out/web after a build).
 */
export function resourcesDir(override?: string): string {
  if (override) return override;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = packaged ? [packaged] : [];
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'resources'));
    if (dirname(dir) === dir) break;
  }
  const match = candidates.find((dir) => existsSync(join(dir, MARKER)));
  if (!match) throw new Error(`Mesa's resources folder (with ${MARKER}) was not found; looked in ${candidates.join(', ')}`);
  return resolve(match);
}
