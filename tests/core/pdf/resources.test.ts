import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../electron/core/resources';

const processWithResources = process as { resourcesPath?: string };

describe('resourcesDir', () => {
  afterEach(() => {
    delete processWithResources.resourcesPath;
  });

  it("finds the repository's resources/ when not packaged", () => {
    expect(resourcesDir()).toBe(resolve(import.meta.dirname, '..', '..', '..', 'resources'));
  });

  it('prefers an explicit folder', () => {
    expect(resourcesDir('/opt/mesa/resources')).toBe('/opt/mesa/resources');
  });

  it("uses Electron's process.resourcesPath when the packaged fonts are there, and ignores it otherwise (npm start)", () => {
    const packaged = mkdtempSync(join(tmpdir(), 'mesa-resources-'));
    try {
      processWithResources.resourcesPath = packaged;
      expect(resourcesDir()).not.toBe(packaged);
      mkdirSync(join(packaged, 'fonts'));
      writeFileSync(join(packaged, 'fonts', 'LiberationSans-Regular.ttf'), '');
      expect(resourcesDir()).toBe(packaged);
    } finally {
      rmSync(packaged, { recursive: true, force: true });
    }
  });
});
