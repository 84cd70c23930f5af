import { resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const load = (): Promise<Configuration> => getConfig(repoRoot, resolve(repoRoot, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation (offline)", async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked for real: the validator refuses an unknown option', async () => {
    const broken = { ...(await load()), notAnOption: true } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/notAnOption|Invalid configuration/);
  });

  it('ships only the three bundles and production dependencies', async () => {
    const config = await load();
    // getConfig normalises the list into file sets: [{ filter: [...] }].
    const patterns = [config.files].flat().flatMap((set) => (typeof set === 'string' ? [set] : [set?.filter ?? []].flat()));
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(JSON.stringify(config.files)).not.toMatch(/electron\/web|tests|\*\*\/\*\.ts"/);
  });

  it('keeps the native addons loadable (better-sqlite3, @napi-rs/canvas) and unrebuilt here (DESIGN §7)', async () => {
    const config = await load();
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/build/Release/*.node', 'node_modules/@napi-rs/canvas-*/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('ships the fonts and agreement templates as resources next to app.asar, where electron/core/resources.ts looks', async () => {
    const config = await load();
    expect(config.extraResources).toEqual([
      { from: 'resources/fonts', to: 'fonts' },
      { from: 'resources/agreements', to: 'agreements' },
    ]);
  });

  it('identifies the app and publishes through a generic feed for electron-updater', async () => {
    const config = await load();
    expect(config.appId).toBe('cl.mesa.app');
    expect(config.productName).toBe('Mesa');
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });
});
