/**
 * The archive's zip takes each plan's entries (its pages rewritten for file:// and deflated) from the cache while
 * the links those pages looked up still answer the same ("is this file in the zip?"), and makes them again when one
 * does not: a plan that gains a page does not rewrite every other plan's pages, and a page linking to the new page
 * links to it on disk. Either way the zip is byte for byte the one a build without a cache makes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureEntry as entry } from '../support/fixture-entry.ts';
import { OutputCache } from '../../src/publish/cache/output-cache.ts';
import { buildArchiveBundle, stageArchiveUnits } from '../../src/publish/offline/offline-bundle.ts';
import { listFiles } from '../../src/publish/pipeline/list-files.ts';

// The tests' own plan, as two plans of an archive.
const archive = [entry('a', 2021), entry('b', 2020)];

const page = (body: string) => `<!doctype html><html lang="zh-CN" data-base="/"><head><meta charset="utf-8"><title>页</title></head><body>${body}</body></html>\n`;

let root: string;
let site: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'archive-units-'));
  site = join(root, 'site');
  const files: Record<string, string> = {
    'index.html': page('<a href="/a/">a</a><a href="/b/">b</a>'),
    '_astro/site.css': 'p{color:red}\n',
    'a/index.html': page('<a href="/">首页</a><a href="/a/items/1/">1</a><a href="/b/items/2/">b 2</a>'),
    'a/items/1/index.html': page('<a href="/a/">a</a>'),
    'b/index.html': page('<a href="/">首页</a><a href="/b/items/1/">1</a>'),
    'b/items/1/index.html': page('<a href="/b/">b</a>'),
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(dirname(join(site, file)), { recursive: true });
  writeFileSync(join(site, file), text);
}

/** The archive's zip of the site as it is, with `cache` (or none), and each plan's pages' key. */
async function zipOfSite(keys: Record<string, string>, cache: OutputCache | undefined, name: string): Promise<Buffer> {
  const zipPath = join(root, `${name}.zip`);
  await buildArchiveBundle(archive, '测试', { siteDir: site, base: '/', onlineRoot: 'https://plan.example.gov.cn/', folder: 'archive-offline', zipPath, siteFiles: listFiles(site).sort(), pageKeys: new Map(Object.entries(keys)) }, cache);
  return readFileSync(zipPath);
}

/** Each stored unit (by its file in the cache) and its inode: a unit made again is a new file. */
function units(cacheDir: string): Map<string, number> {
  const dir = join(cacheDir, 'offline-archive-plan');
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).ino]));
}

const pageOf = (zip: Buffer, file: string) => new TextDecoder().decode(unzipSync(zip)[`archive-offline/${file}`]);

describe('the archive’s zip, after plan b gained a page', () => {
  it('takes plan a’s unit from the cache when none of its links looked up the new page', async () => {
    write('a/index.html', page('<a href="/">首页</a><a href="/a/items/1/">1</a>'));
    const cache = new OutputCache(join(root, 'cache'));
    await zipOfSite({ a: 'a1', b: 'b1' }, cache, 'first');
    const before = units(cache.dir);
    expect(before.size).toBe(2);
    write('b/items/2/index.html', page('<a href="/b/">b</a>'));
    const zip = await zipOfSite({ a: 'a1', b: 'b2' }, cache, 'second');
    const after = units(cache.dir);
    // b's new unit, and both units of the first zip as they were: a's was not made again.
    expect(after.size).toBe(3);
    for (const [file, inode] of before) expect(after.get(file), file).toBe(inode);
    expect(pageOf(zip, 'b/items/2/index.html')).toContain('href="../../index.html"');
    expect(zip.equals(await zipOfSite({ a: 'a1', b: 'b2' }, undefined, 'cacheless'))).toBe(true);
  });

  it('makes plan a’s unit again when its page linked to the new page, which it now links to on disk', async () => {
    const cache = new OutputCache(join(root, 'cache'));
    const first = await zipOfSite({ a: 'a1', b: 'b1' }, cache, 'first');
    expect(pageOf(first, 'a/index.html')).toContain('href="https://plan.example.gov.cn/b/items/2/"');
    const before = units(cache.dir);
    write('b/items/2/index.html', page('<a href="/b/">b</a>'));
    const zip = await zipOfSite({ a: 'a1', b: 'b2' }, cache, 'second');
    const after = units(cache.dir);
    const remade = [...before].filter(([file, inode]) => after.get(file) !== inode);
    expect(remade).toHaveLength(1);
    expect(pageOf(zip, 'a/index.html')).toContain('href="../b/items/2/index.html"');
    expect(zip.equals(await zipOfSite({ a: 'a1', b: 'b2' }, undefined, 'cacheless'))).toBe(true);
  });

  it('takes a unit made ahead, while plan b was not there yet, once its links are checked', async () => {
    // As a build that renders in several Astro processes makes plan a's unit before plan b's pages exist.
    write('a/index.html', page('<a href="/">首页</a><a href="/a/items/1/">1</a>'));
    const b = ['b/index.html', 'b/items/1/index.html'].map((f) => [f, readFileSync(join(site, f), 'utf8')] as const);
    rmSync(join(site, 'b'), { recursive: true });
    const cache = new OutputCache(join(root, 'cache'));
    await stageArchiveUnits(archive, ['a'], { siteDir: site, base: '/', onlineRoot: 'https://plan.example.gov.cn/', folder: 'archive-offline', zipPath: '', siteFiles: listFiles(site).sort(), pageKeys: new Map([['a', 'a1'], ['b', 'b1']]) }, cache);
    const ahead = units(cache.dir);
    expect(ahead.size).toBe(1);
    for (const [f, text] of b) write(f, text);
    const zip = await zipOfSite({ a: 'a1', b: 'b1' }, cache, 'whole');
    const after = units(cache.dir);
    expect(after.size).toBe(2);
    for (const [file, inode] of ahead) expect(after.get(file), file).toBe(inode);
    expect(zip.equals(await zipOfSite({ a: 'a1', b: 'b1' }, undefined, 'cacheless'))).toBe(true);
  });
});
