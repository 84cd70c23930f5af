import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../electron/dev/electron-binary';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
const fakeRepo = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'mesa-bin-'));
  roots.push(root);
  mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
  return root;
};

describe('installedElectronBinary', () => {
  it('is null when electron was installed without its binary (these machines)', () => {
    expect(installedElectronBinary(fakeRepo())).toBeNull();
  });

  it('is null when path.txt points at a missing file', () => {
    const root = fakeRepo();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(installedElectronBinary(root)).toBeNull();
  });

  it('finds the binary named by path.txt', () => {
    const root = fakeRepo();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron\n');
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(installedElectronBinary(root)).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });
});
