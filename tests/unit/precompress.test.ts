import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OutputCache } from '../../src/publish/cache/output-cache.ts';
import { brotliQuality, brotliWindow, precompress, stageCompressed, type PrecompressUnit } from '../../src/publish/deploy/precompress.ts';

/** A small site: two plans' pages and the archive's own, every page over the size worth compressing. */
function site(dir: string, edition = '一'): string[] {
  const files = ['index.html', 'a/index.html', 'a/items/1/index.html', 'b/index.html', 'b/items/1/index.html'];
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), `<p>${f}：${edition}</p>`.repeat(40));
  }
  return files;
}

const units = (keyA: string): PrecompressUnit[] => [
  { key: keyA, holds: (f) => f.startsWith('a/') },
  { key: 'b-key', holds: (f) => f.startsWith('b/') },
];

/** Every compressed copy holds exactly the file beside it. */
function expectTrueCopies(dir: string, files: string[]): void {
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const raw = readFileSync(join(dir, f));
    expect([brotliDecompressSync(readFileSync(join(dir, `${f}.br`))), gunzipSync(readFileSync(join(dir, `${f}.gz`)))]).toEqual([raw, raw]);
  }
}

/** A first build's site, compressed with units, and the cache it filled. */
async function firstBuild(): Promise<{ root: string; cache: string; files: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'precompress-'));
  const cache = join(root, 'cache');
  const files = site(join(root, 'first'));
  await precompress(join(root, 'first'), new OutputCache(cache), [], units('a-key'));
  return { root, cache, files };
}

describe('precompress with units', () => {
  it('restores every unit from its manifest on the next build, and compresses again a unit whose copy went missing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'precompress-'));
    const cache = join(root, 'cache');
    const first = join(root, 'first');
    const files = site(first);
    const made = await precompress(first, new OutputCache(cache), [], units('a-key'));
    expect([made.files, made.reused]).toEqual([5, 0]);
    expectTrueCopies(first, files);

    const second = join(root, 'second');
    site(second);
    const again = await precompress(second, new OutputCache(cache), [], units('a-key'));
    expect([again.files, again.reused]).toEqual([5, 5]);
    expectTrueCopies(second, files);

    // One stored copy removed: its unit is compressed again (the other unit and the loose file are still reused).
    const stored = readdirSync(join(cache, 'precompress')).filter((n) => n.endsWith('.br'));
    const third = join(root, 'third');
    cpSync(second, third, { recursive: true, filter: (p) => !/\.(br|gz)$/u.test(p) });
    rmSync(join(cache, 'precompress', stored[0]!));
    const after = await precompress(third, new OutputCache(cache), [], units('a-key'));
    expect(after.files).toBe(5);
    expect(after.reused).toBeLessThan(5);
    expectTrueCopies(third, files);
  });

  it('compresses a unit anew when its key changed, and reuses the unchanged files by their bytes', async () => {
    const { root, cache } = await firstBuild();
    const next = join(root, 'next');
    const files = site(next);
    writeFileSync(join(next, 'a/items/1/index.html'), '<p>改过的第一项</p>'.repeat(40));
    const totals = await precompress(next, new OutputCache(cache), [], units('a-key-2'));
    // Unit a missed: its unchanged index page is found by its bytes, its changed item compressed.
    expect([totals.files, totals.reused]).toEqual([5, 4]);
    expectTrueCopies(next, files);
  });

  it('stages a unit’s stored copies beside its pages before the site is there, and then leaves them be', async () => {
    const { root, cache, files } = await firstBuild();
    // The next build: plan a's pages waiting aside (as the page cache stages them while Astro renders).
    const side = join(root, 'side');
    const aFiles = files.filter((f) => f.startsWith('a/'));
    site(side);
    rmSync(join(side, 'b'), { recursive: true });
    rmSync(join(side, 'index.html'));
    const placed = await stageCompressed(side, ['a-key', 'no-such-key'], new OutputCache(cache));
    expect([...placed]).toEqual(['a-key']);
    expectTrueCopies(side, aFiles);
    // Moved into the site; precompress counts unit a as reused and takes nothing of it from the cache again: with
    // every stored copy gone, unit b and the loose file are compressed again, unit a is not.
    const next = join(root, 'next');
    site(next);
    rmSync(join(next, 'a'), { recursive: true });
    cpSync(join(side, 'a'), join(next, 'a'), { recursive: true });
    rmSync(join(cache, 'precompress'), { recursive: true });
    const totals = await precompress(next, new OutputCache(cache), [], units('a-key'), placed);
    expect([totals.files, totals.reused]).toEqual([5, aFiles.length]);
    expectTrueCopies(next, files);
  });

  it('compresses a staged unit again when its files are not those its manifest lists', async () => {
    const { root, cache } = await firstBuild();
    const next = join(root, 'next');
    const files = [...site(next), 'a/items/2/index.html'];
    mkdirSync(join(next, 'a/items/2'), { recursive: true });
    writeFileSync(join(next, 'a/items/2/index.html'), '<p>新增的一项</p>'.repeat(40));
    const totals = await precompress(next, new OutputCache(cache), [], units('a-key'), new Set(['a-key']));
    expect(totals.files).toBe(6);
    expectTrueCopies(next, files);
  });
});

describe('brotliQuality', () => {
  const cases: [path: string, bytes: number, quality: number][] = [
    ['_astro/Base.C1E5ejDA.css', 15_436, 11],
    ['search-aids.js', 11_610, 11],
    ['pagefind/2020/pagefind.js', 47_228, 11],
    ['big.js', 70_000, 10],
    ['2020/items/16/index.html', 20_000, 10],
    ['plans/2020/items/3-2/index.html', 20_000, 10],
    ['2020/items/16/qr.svg', 2_000, 7],
    ['2020/qr.svg', 2_000, 7],
    ['favicon.svg', 209, 11],
    ['2020/full/index.html', 108_290, 7],
    ['2020/offices/jijiaochu/index.html', 21_889, 7],
    ['2020/data/plan.json', 148_405, 7],
    ['current/items/16/index.html', 480, 10],
    ['items-of-2020/index.html', 5_000, 7],
  ];
  it.for(cases)('%s (%i B) at %i', ([path, bytes, quality]) => {
    expect(brotliQuality(path, bytes)).toBe(quality);
  });
});

describe('brotliWindow', () => {
  const cases: [bytes: number, bits: number][] = [
    [0, 16],
    [15_215, 16],
    [65_536, 16],
    [65_537, 17],
    [108_290, 17],
    [5_000_000, 23],
    [50_000_000, 24],
  ];
  it.each(cases)('a file of %i bytes gets a window of 2^%i', (bytes, bits) => {
    expect(brotliWindow(bytes)).toBe(bits);
  });
});
