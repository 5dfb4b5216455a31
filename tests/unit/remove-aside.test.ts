import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asideName, removeAside, removeSetAside } from '../../src/publish/pipeline/remove-aside.ts';

describe('removeAside', () => {
  it('removes a folder of folders and files in a process of its own, and leaves what is beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    const old = join(dir, 'dist-old');
    for (const f of ['index.html', '2020/items/16/index.html', '2020/items/16/index.html.br', '_astro/a.css']) {
      mkdirSync(join(old, f, '..'), { recursive: true });
      writeFileSync(join(old, f), f);
    }
    writeFileSync(join(dir, 'beside.txt'), '留');
    expect(await removeAside(old)).toEqual({ removed: true });
    expect([existsSync(old), existsSync(join(dir, 'beside.txt'))]).toEqual([false, true]);
  });

  it('removes with Node’s own removal where there is no rm to run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    const old = join(dir, 'dist-old');
    mkdirSync(join(old, '2020'), { recursive: true });
    writeFileSync(join(old, '2020', 'index.html'), '页');
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-tools-here');
    try {
      expect(await removeAside(old)).toEqual({ removed: true });
    } finally {
      process.env.PATH = path;
    }
    expect(existsSync(old)).toBe(false);
  });

  it('takes a folder that is not there for removed (nothing was left aside)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    expect(await removeAside(join(dir, 'none'))).toEqual({ removed: true });
  });

  it('says so when the removal fails, for the build to remove what is left itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    // A name longer than the file system allows (255 bytes) cannot be removed: rm and rmSync both fail (ENAMETOOLONG).
    expect(await removeAside(join(dir, '长'.repeat(100)))).toEqual({ removed: false });
  });
});

describe('removeSetAside', () => {
  it('removes every site set aside, under the old single name and under the names asideName gives, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    // Two in the same millisecond (a build sets aside its old site and its stale cache entries one after the other).
    const first = asideName(dir);
    const second = asideName(dir);
    expect(second).not.toBe(first);
    for (const site of [join(dir, 'dist-old'), first, second]) {
      mkdirSync(join(site, '2020'), { recursive: true });
      writeFileSync(join(site, '2020', 'index.html'), site);
    }
    for (const kept of ['cache', 'dist-older-notes', 'index']) mkdirSync(join(dir, kept));
    expect(await removeSetAside(dir)).toEqual({ removed: true });
    expect(readdirSync(dir).sort()).toEqual(['cache', 'dist-older-notes', 'index']);
  });

  it('has nothing to do in a folder with no site set aside, or no folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    expect(await removeSetAside(dir)).toEqual({ removed: true });
    expect(await removeSetAside(join(dir, 'none'))).toEqual({ removed: true });
  });
});
