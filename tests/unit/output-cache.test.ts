/**
 * The build's output cache: keys change with any input, hits copy exactly what was stored, a miss makes and
 * stores, pruning keeps what the last build used; the code version follows a step's import graph; the files a
 * page loads are found for the reading PDF's key.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { codeVersion, localImports } from '../../src/publish/cache/code-version.ts';
import { contentKey, OutputCache } from '../../src/publish/cache/output-cache.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'output-cache-'));

describe('contentKey', () => {
  const base = [['plan', '{"title":"2020年工作要点"}'], ['code', 'abc']] as const;

  it('is the same for the same inputs, as 64 hex digits', () => {
    expect(contentKey(base)).toBe(contentKey([['plan', '{"title":"2020年工作要点"}'], ['code', 'abc']]));
    expect(contentKey(base)).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('changes when any value, label or the order changes', () => {
    const keys = [
      contentKey(base),
      contentKey([['plan', '{"title":"2021年工作要点"}'], ['code', 'abc']]),
      contentKey([['plan', '{"title":"2020年工作要点"}'], ['code', 'abd']]),
      contentKey([['plan', '{"title":"2020年工作要点"}'], ['version', 'abc']]),
      contentKey([['code', 'abc'], ['plan', '{"title":"2020年工作要点"}']]),
      contentKey([...base, ['site', 'https://plan.example.gov.cn']]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells apart inputs whose bytes only run together differently', () => {
    expect(contentKey([['a', 'xy'], ['b', 'z']])).not.toBe(contentKey([['a', 'x'], ['b', 'yz']]));
    expect(contentKey([['ab', 'c']])).not.toBe(contentKey([['a', 'bc']]));
    expect(contentKey([['file', new Uint8Array([1, 2])]])).not.toBe(contentKey([['file', new Uint8Array([1, 2, 0])]]));
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(contentKey([['text', '公文']])).toBe(contentKey([['text', new TextEncoder().encode('公文')]]));
  });
});

describe('OutputCache', () => {
  /** A cache in a new folder, and a plan's two pages beside it to store. */
  const twoPages = () => {
    const dir = temp();
    const pages = join(dir, 'site/2020');
    mkdirSync(join(pages, 'items/16'), { recursive: true });
    writeFileSync(join(pages, 'index.html'), '首页');
    writeFileSync(join(pages, 'items/16/index.html'), '第十六项');
    return { dir, cache: new OutputCache(join(dir, 'cache')), pages };
  };

  /** A cache in a new folder, and a maker of numbered PDFs (`pdf 1`, `pdf 2`, …) that counts what it made. */
  const pdfMaker = () => {
    const dir = temp();
    let count = 0;
    const make = (dest: string) => async () => {
      count += 1;
      mkdirSync(join(dest, '..'), { recursive: true });
      writeFileSync(dest, `pdf ${count}`);
    };
    return { dir, cache: new OutputCache(join(dir, 'cache')), out: join(dir, 'site/a.pdf'), make, made: () => count };
  };

  it('makes and stores on a miss, then copies the same bytes on a hit without making', async () => {
    const { dir, cache, out, make, made } = pdfMaker();
    expect(await cache.through('pdf', 'k1', { '.pdf': out }, make(out))).toBe(false);
    const again = join(dir, 'next/a.pdf');
    expect(await cache.through('pdf', 'k1', { '.pdf': again }, make(again))).toBe(true);
    expect([made(), readFileSync(again, 'utf8')]).toEqual([1, 'pdf 1']);
    expect(await cache.through('pdf', 'k2', { '.pdf': again }, make(again))).toBe(false);
    expect([made(), readFileSync(again, 'utf8'), cache.altered]).toEqual([2, 'pdf 2', 0]);
  });

  it('never places an output edited in place after the build: it is made again, and counted', async () => {
    const { dir, cache, out, make, made } = pdfMaker();
    await cache.through('pdf', 'k1', { '.pdf': out }, make(out));
    // Written in place (same file, as `>` or writeFile does), which a link would carry into the cache.
    writeFileSync(out, 'overwritten after the build');
    const again = join(dir, 'next/a.pdf');
    expect(await cache.through('pdf', 'k1', { '.pdf': again }, make(again))).toBe(false);
    expect([made(), readFileSync(again, 'utf8'), cache.altered]).toEqual([2, 'pdf 2', 1]);
    // copyOut (precompress's way) refuses an altered entry too.
    writeFileSync(again, 'edited again');
    expect(await cache.copyOut('pdf', 'k1', { '.pdf': join(dir, 'third.pdf') })).toBe(false);
    expect([existsSync(join(dir, 'third.pdf')), cache.altered]).toEqual([false, 2]);
  });

  it('is used after being copied with its files’ times (cp -a, tar, a CI cache), made again after a copy without them', async () => {
    const { dir, cache, out, make, made } = pdfMaker();
    await cache.through('pdf', 'k1', { '.pdf': out }, make(out));
    cpSync(join(dir, 'cache'), join(dir, 'kept'), { recursive: true, preserveTimestamps: true });
    cpSync(join(dir, 'cache'), join(dir, 'plain'), { recursive: true });
    const kept = new OutputCache(join(dir, 'kept'));
    expect(await kept.through('pdf', 'k1', { '.pdf': join(dir, 'a.pdf') }, make(join(dir, 'a.pdf')))).toBe(true);
    const plain = new OutputCache(join(dir, 'plain'));
    expect(await plain.through('pdf', 'k1', { '.pdf': join(dir, 'b.pdf') }, make(join(dir, 'b.pdf')))).toBe(false);
    expect([made(), kept.altered, plain.altered, readFileSync(join(dir, 'a.pdf'), 'utf8')]).toEqual([2, 0, 1, 'pdf 1']);
  });

  it('never places a folder with a file edited in place: it is removed whole, to be made again', async () => {
    const { dir, cache, pages } = twoPages();
    await cache.storeFolder('pages', 'k', pages);
    writeFileSync(join(pages, 'items/16/index.html'), 'changed after the build');
    const next = new OutputCache(join(dir, 'cache'));
    expect(await next.hasFolder('pages', 'k')).toBe(false);
    expect(await next.restoreFolder('pages', 'k', join(dir, 'next'))).toBe(false);
    expect([existsSync(join(dir, 'next')), existsSync(join(dir, 'cache/pages/k')), next.altered]).toEqual([false, false, 1]);
  });

  it('misses unless every file of an entry is there', async () => {
    const dir = temp();
    const cache = new OutputCache(join(dir, 'cache'));
    const [br, gz] = [join(dir, 'a.html.br'), join(dir, 'a.html.gz')];
    writeFileSync(br, 'br');
    writeFileSync(gz, 'gz');
    await cache.store('precompress', 'k', { '.br': br, '.gz': gz });
    const entries = join(dir, 'cache/precompress');
    expect(readdirSync(entries).sort()).toEqual(['k.br', 'k.gz']);
    expect(await cache.restore('precompress', 'k', { '.br': join(dir, 'y.br'), '.gz': join(dir, 'y.gz') })).toBe(true);
    rmSync(join(entries, 'k.gz'));
    expect(await cache.restore('precompress', 'k', { '.br': join(dir, 'x.br'), '.gz': join(dir, 'x.gz') })).toBe(false);
    expect(existsSync(join(dir, 'x.br'))).toBe(false);
  });

  it('prunes what the build neither used nor stored, and keeps the rest', async () => {
    const dir = temp();
    const src = join(dir, 'out.zip');
    writeFileSync(src, 'zip');
    await new OutputCache(join(dir, 'cache')).store('offline', 'old', { '.zip': src });
    await new OutputCache(join(dir, 'cache')).store('offline', 'kept', { '.zip': src });
    const next = new OutputCache(join(dir, 'cache'));
    expect(await next.restore('offline', 'kept', { '.zip': join(dir, 'copy.zip') })).toBe(true);
    await next.store('offline', 'new', { '.zip': src });
    expect(await next.prune()).toBe(1);
    expect(readdirSync(join(dir, 'cache/offline')).sort()).toEqual(['kept.zip', 'new.zip']);
  });

  it('moves what it prunes into the folder it is given, file and folder entries whole, when given one', async () => {
    const dir = temp();
    const src = join(dir, 'out.zip');
    writeFileSync(src, 'zip');
    const pages = join(dir, 'pages');
    mkdirSync(join(pages, 'items/1'), { recursive: true });
    writeFileSync(join(pages, 'items/1/index.html'), '一');
    await new OutputCache(join(dir, 'cache')).store('offline', 'old', { '.zip': src });
    await new OutputCache(join(dir, 'cache')).storeFolder('pages', 'old', pages);
    const next = new OutputCache(join(dir, 'cache'));
    await next.store('offline', 'new', { '.zip': src });
    const aside = join(dir, 'aside');
    expect(await next.prune(aside)).toBe(2);
    expect([readdirSync(join(dir, 'cache/offline')), readdirSync(join(dir, 'cache/pages'))]).toEqual([['new.zip'], []]);
    expect(readFileSync(join(aside, 'offline/old.zip'), 'utf8')).toBe('zip');
    expect(readFileSync(join(aside, 'pages/old/items/1/index.html'), 'utf8')).toBe('一');
  });

  it('stores a folder whole and copies it back into another, merged with what is there', async () => {
    const { dir, cache, pages } = twoPages();
    expect(await cache.hasFolder('pages', 'k')).toBe(false);
    await cache.storeFolder('pages', 'k', pages);
    // Replaced, not written in place (a new file at the path, as a deploy copy or `mv` leaves): the entry keeps its bytes.
    rmSync(join(pages, 'index.html'));
    writeFileSync(join(pages, 'index.html'), 'changed after the build');
    expect(await cache.hasFolder('pages', 'k')).toBe(true);
    expect(readdirSync(join(dir, 'cache/pages')).sort()).toEqual(['k', 'k.files.json']);
    const into = join(dir, 'next/2020');
    mkdirSync(into, { recursive: true });
    writeFileSync(join(into, 'downloads.txt'), 'already there');
    expect(await cache.restoreFolder('pages', 'k', into)).toBe(true);
    expect(readdirSync(into, { recursive: true }).map(String).sort()).toEqual(['downloads.txt', 'index.html', 'items', 'items/16', 'items/16/index.html']);
    expect([readFileSync(join(into, 'index.html'), 'utf8'), readFileSync(join(into, 'items/16/index.html'), 'utf8')]).toEqual(['首页', '第十六项']);
    expect(await cache.restoreFolder('pages', 'other', join(dir, 'none'))).toBe(false);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('stores a site without the folders it is told to leave out (the archive’s own pages without the plans’)', async () => {
    const dir = temp();
    const site = join(dir, 'site');
    for (const f of ['index.html', '_astro/a.css', '2020/index.html', '2020/items/1/index.html', 'offices/x/index.html', 'x2020/index.html']) {
      mkdirSync(dirname(join(site, f)), { recursive: true });
      writeFileSync(join(site, f), f);
    }
    const cache = new OutputCache(join(dir, 'cache'));
    await cache.storeFolder('archive-pages', 'k', site, new Set(['2020']));
    const out = join(dir, 'out');
    expect(await cache.restoreFolder('archive-pages', 'k', out)).toBe(true);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name))).sort();
    expect(files).toEqual(['_astro/a.css', 'index.html', 'offices/x/index.html', 'x2020/index.html']);
  });

  it('checks a stored folder from its list of files, not a listing: a file gone or edited is found, a file added is not looked for', async () => {
    const { dir, cache, pages } = twoPages();
    await cache.storeFolder('pages', 'k', pages);
    const entry = join(dir, 'cache/pages/k');
    expect(JSON.parse(readFileSync(`${entry}.files.json`, 'utf8')).sort()).toEqual(['index.html', 'items/16/index.html']);
    // Added inside the cache: not on the list, so neither checked nor placed.
    writeFileSync(join(entry, 'added.html'), '加');
    const next = new OutputCache(join(dir, 'cache'));
    expect(await next.hasFolder('pages', 'k')).toBe(true);
    expect(next.checkedFiles('pages', 'k')?.slice().sort()).toEqual(['index.html', 'items/16/index.html']);
    expect(await next.restoreFolder('pages', 'k', join(dir, 'out'))).toBe(true);
    expect(existsSync(join(dir, 'out/added.html'))).toBe(false);
    // Gone from the entry: the entry is removed whole, to be made again.
    rmSync(join(entry, 'items/16/index.html'));
    const after = new OutputCache(join(dir, 'cache'));
    expect([await after.hasFolder('pages', 'k'), after.altered, existsSync(entry)]).toEqual([false, 1, false]);
  });

  it('lists a stored folder that has no list (stored by an earlier build), and prunes a list with its folder, counted once', async () => {
    const { dir, cache, pages } = twoPages();
    await cache.storeFolder('pages', 'old', pages);
    await cache.storeFolder('pages', 'k', pages);
    rmSync(join(dir, 'cache/pages/k.files.json'));
    const next = new OutputCache(join(dir, 'cache'));
    expect(await next.hasFolder('pages', 'k')).toBe(true);
    expect(next.checkedFiles('pages', 'k')?.slice().sort()).toEqual(['index.html', 'items/16/index.html']);
    expect(await next.restoreFolder('pages', 'k', join(dir, 'out'))).toBe(true);
    expect(await next.prune()).toBe(1);
    expect(readdirSync(join(dir, 'cache/pages'))).toEqual(['k']);
  });

  it('prunes what a killed build left half written: a partial file and a partial folder', async () => {
    const dir = temp();
    const cache = join(dir, 'cache');
    mkdirSync(join(cache, 'pages/k.123-1.partial/items'), { recursive: true });
    writeFileSync(join(cache, 'pages/k.123-1.partial/items/index.html'), '半');
    mkdirSync(join(cache, 'offline'), { recursive: true });
    writeFileSync(join(cache, 'offline/k.zip.123-2.partial'), 'zi');
    expect(await new OutputCache(cache).prune()).toBe(2);
    expect([readdirSync(join(cache, 'pages')), readdirSync(join(cache, 'offline'))]).toEqual([[], []]);
  });

  it('prunes a folder entry the build did not use, files and folders, and keeps the one it used', async () => {
    const dir = temp();
    const pages = join(dir, 'pages');
    mkdirSync(join(pages, 'items/1'), { recursive: true });
    writeFileSync(join(pages, 'items/1/index.html'), '一');
    await new OutputCache(join(dir, 'cache')).storeFolder('pages', 'old', pages);
    await new OutputCache(join(dir, 'cache')).storeFolder('pages', 'kept', pages);
    const next = new OutputCache(join(dir, 'cache'));
    expect(await next.restoreFolder('pages', 'kept', join(dir, 'out'))).toBe(true);
    expect(await next.prune()).toBe(1);
    expect(readdirSync(join(dir, 'cache/pages')).sort()).toEqual(['kept', 'kept.files.json']);
    expect(readFileSync(join(dir, 'cache/pages/kept/items/1/index.html'), 'utf8')).toBe('一');
  });
});

describe('code version', () => {
  it('follows local imports, not libraries, through the graph esbuild found', () => {
    const metafile = {
      inputs: {
        'a.ts': { bytes: 1, imports: [{ path: 'b.ts', kind: 'import-statement' }, { path: 'zod', kind: 'import-statement', external: true }] },
        'b.ts': { bytes: 1, imports: [{ path: 'c.ts', kind: 'import-statement' }, { path: 'a.ts', kind: 'import-statement' }] },
        'c.ts': { bytes: 1, imports: [] },
        'd.ts': { bytes: 1, imports: [] },
      },
      outputs: {},
    } as unknown as Metafile;
    expect(localImports(metafile, 'a.ts')).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(localImports(metafile, 'c.ts')).toEqual(['c.ts']);
  });

  it('gives each step its own version, stable within a run', async () => {
    const [pdf, zip] = await Promise.all([codeVersion('src/publish/pdf/reading-pdf.ts'), codeVersion('src/publish/offline/offline-bundle.ts')]);
    expect(pdf).toMatch(/^[0-9a-f]{64}$/u);
    expect(pdf).not.toBe(zip);
    expect(await codeVersion('src/publish/pdf/reading-pdf.ts')).toBe(pdf);
  });
});
