/**
 * Folder entries lent to the site and put back: a build that lends moves a stored folder into the site whole
 * (output-cache.ts: takeFolder), and after the build a process of its own links it back into the cache from the
 * published site (restock.ts); the next build waits for that process. What is put back is the site's very files,
 * so a file edited in place since is found unsealed and its entry made again, as for any altered entry.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputCache } from '../../src/publish/cache/output-cache.ts';
import { restocked, restockLater, restockUnderWay } from '../../src/publish/cache/restock.ts';

/** A cache holding one plan's two pages under key `k`, stored from a built site as a build stores them. */
async function storedPages() {
  const dir = mkdtempSync(join(tmpdir(), 'restock-'));
  const built = join(dir, 'built/2020');
  mkdirSync(join(built, 'items/16'), { recursive: true });
  writeFileSync(join(built, 'index.html'), '首页');
  writeFileSync(join(built, 'items/16/index.html'), '第十六项');
  await new OutputCache(join(dir, 'cache')).storeFolder('pages', 'k', built);
  return { dir, cacheDir: join(dir, 'cache'), entry: join(dir, 'cache/pages/k') };
}

const filesOf = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .sort();

/** Lends the entry into a staging site, publishes it (a rename, as the build's swap), and restocks from there. */
async function lendAndPublish(dir: string, cacheDir: string) {
  const cache = new OutputCache(cacheDir, { lends: true });
  expect(await cache.hasFolder('pages', 'k')).toBe(true);
  expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(true);
  renameSync(join(dir, 'staging'), join(dir, 'dist'));
  restockLater(cacheDir, (l) => join(dir, 'dist', l.at), cache.lentFolders());
  return cache;
}

/**
 * Lends the entry into a staging site and leaves beside it the plan's folder in the site the build replaces, its
 * pages placed there by `place` (linked: the very same files; copied: other files of the same bytes); `publish`
 * then renames the staging site into place and restocks, telling the restock where the replaced folder is.
 */
async function lendBesideReplaced(dir: string, cacheDir: string, place: (from: string, to: string) => void) {
  const cache = new OutputCache(cacheDir, { lends: true });
  expect(await cache.hasFolder('pages', 'k')).toBe(true);
  expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(true);
  const old = join(dir, 'replaced/2020');
  for (const f of ['index.html', 'items/16/index.html']) {
    mkdirSync(join(old, f, '..'), { recursive: true });
    place(join(dir, 'staging/2020', f), join(old, f));
  }
  const publish = () => {
    renameSync(join(dir, 'staging'), join(dir, 'dist'));
    restockLater(cacheDir, (l) => join(dir, 'dist', l.at), cache.lentFolders(), (l) => join(dir, 'replaced', l.at));
  };
  return { old, publish };
}

describe('a folder entry lent to the site', () => {
  it('is moved whole (gone from the cache meanwhile) and put back from the published site after the build', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    const cache = new OutputCache(cacheDir, { lends: true });
    expect(await cache.hasFolder('pages', 'k')).toBe(true);
    expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(true);
    expect([existsSync(entry), existsSync(`${entry}.files.json`)]).toEqual([false, false]);
    expect(filesOf(join(dir, 'staging/2020'))).toEqual(['index.html', 'items/16/index.html']);
    // The files it held stay known to the build (its page count, its listing of staged pages).
    expect(cache.checkedFiles('pages', 'k')).toEqual(['index.html', 'items/16/index.html'].sort());
    renameSync(join(dir, 'staging'), join(dir, 'dist'));
    // The published site holds more than the entry did (compressed copies, downloads): only the entry's files go back.
    writeFileSync(join(dir, 'dist/2020/index.html.br'), 'br');
    restockLater(cacheDir, (l) => join(dir, 'dist', l.at), cache.lentFolders());
    await restocked(cacheDir);
    expect(filesOf(entry)).toEqual(['index.html', 'items/16/index.html']);
    expect(JSON.parse(readFileSync(`${entry}.files.json`, 'utf8')).sort()).toEqual(['index.html', 'items/16/index.html']);
    expect(readdirSync(cacheDir)).toEqual(['pages']);
    const next = new OutputCache(cacheDir);
    expect([await next.hasFolder('pages', 'k'), next.altered]).toEqual([true, 0]);
    expect(readFileSync(join(entry, 'items/16/index.html'), 'utf8')).toBe('第十六项');
  });

  it('is taken back from the site the build replaced when the same files are there (an unchanged plan’s), keeping only its own', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    // The replaced site's folder of the plan: the very same files (lent and put back each build), with its
    // compressed copies and downloads beside them.
    const { old, publish } = await lendBesideReplaced(dir, cacheDir, linkSync);
    for (const f of ['index.html.br', 'items/16/index.html.gz', 'downloads/2020.pdf']) {
      mkdirSync(join(old, f, '..'), { recursive: true });
      writeFileSync(join(old, f), f);
    }
    mkdirSync(join(old, 'empty'));
    publish();
    await restocked(cacheDir);
    expect(readdirSync(join(entry), { recursive: true }).map(String).sort()).toEqual(['index.html', 'items', join('items', '16'), join('items', '16', 'index.html')]);
    // Moved out of the replaced site, not made again: the site's files, and the replaced folder gone.
    expect(statSync(join(entry, 'items/16/index.html')).ino).toBe(statSync(join(dir, 'dist/2020/items/16/index.html')).ino);
    expect(existsSync(old)).toBe(false);
    expect(filesOf(join(dir, 'dist/2020'))).toEqual(['index.html', 'items/16/index.html']);
    const next = new OutputCache(cacheDir);
    expect([await next.hasFolder('pages', 'k'), next.altered]).toEqual([true, 0]);
  });

  it('is linked back from the site when the replaced site holds other files there (the plan was rendered anew), which stay for the removal', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    const { old, publish } = await lendBesideReplaced(dir, cacheDir, (from, to) => writeFileSync(to, readFileSync(from)));
    publish();
    await restocked(cacheDir);
    expect(filesOf(entry)).toEqual(['index.html', 'items/16/index.html']);
    expect(statSync(join(entry, 'index.html')).ino).toBe(statSync(join(dir, 'dist/2020/index.html')).ino);
    expect(filesOf(old)).toEqual(['index.html', 'items/16/index.html']);
    const next = new OutputCache(cacheDir);
    expect([await next.hasFolder('pages', 'k'), next.altered]).toEqual([true, 0]);
  });

  it('is found altered by the next build when a page of the site was edited in place since: removed, to be made again', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    await lendAndPublish(dir, cacheDir);
    await restocked(cacheDir);
    writeFileSync(join(dir, 'dist/2020/items/16/index.html'), 'edited on the server');
    const next = new OutputCache(cacheDir);
    expect([await next.hasFolder('pages', 'k'), next.altered, existsSync(entry)]).toEqual([false, 1, false]);
  });

  it('goes back from where a failed build left it (its staging folder), the files added there left out', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    const cache = new OutputCache(cacheDir, { lends: true });
    expect(await cache.hasFolder('pages', 'k')).toBe(true);
    expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(true);
    writeFileSync(join(dir, 'staging/2020/index.html.gz'), 'gz');
    restockLater(cacheDir, (l) => l.dest, cache.lentFolders());
    await restocked(cacheDir);
    expect(filesOf(entry)).toEqual(['index.html', 'items/16/index.html']);
    const next = new OutputCache(cacheDir);
    expect([await next.hasFolder('pages', 'k'), next.altered]).toEqual([true, 0]);
  });

  it('is not lent by a cache that does not restock (a unit build, a test): its files are linked, the entry stays', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    const cache = new OutputCache(cacheDir);
    expect(await cache.hasFolder('pages', 'k')).toBe(true);
    expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(false);
    expect([existsSync(entry), existsSync(join(dir, 'staging/2020')), cache.lentFolders()]).toEqual([true, false, []]);
  });

  it('is placed by placeFolder: moved where the cache lends, linked where it does not, and none when not stored', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    expect(await new OutputCache(cacheDir).placeFolder('pages', 'k', join(dir, 'linked/2020'), '2020')).toBe(true);
    expect([filesOf(join(dir, 'linked/2020')), existsSync(entry)]).toEqual([['index.html', 'items/16/index.html'], true]);
    const lending = new OutputCache(cacheDir, { lends: true });
    expect(await lending.placeFolder('pages', 'k', join(dir, 'moved/2020'), '2020')).toBe(true);
    expect([filesOf(join(dir, 'moved/2020')), existsSync(entry), lending.lentFolders().length]).toEqual([['index.html', 'items/16/index.html'], false, 1]);
    expect(await lending.placeFolder('pages', 'none', join(dir, 'none/2020'), '2020')).toBe(false);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('is not lent before hasFolder() found it whole, nor when it is not there', async () => {
    const { dir, cacheDir } = await storedPages();
    const cache = new OutputCache(cacheDir, { lends: true });
    expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(false);
    expect(await cache.hasFolder('pages', 'none')).toBe(false);
    expect(await cache.takeFolder('pages', 'none', join(dir, 'staging/2021'), '2021')).toBe(false);
    expect(existsSync(join(dir, 'staging'))).toBe(false);
  });

  it('stays out when its files left the site before the restock: the next build makes it again, and no partial is left', async () => {
    const { dir, cacheDir, entry } = await storedPages();
    const cache = new OutputCache(cacheDir, { lends: true });
    expect(await cache.hasFolder('pages', 'k')).toBe(true);
    expect(await cache.takeFolder('pages', 'k', join(dir, 'staging/2020'), '2020')).toBe(true);
    // Published elsewhere than the restock is told: none of the files is where it looks.
    renameSync(join(dir, 'staging'), join(dir, 'moved'));
    restockLater(cacheDir, (l) => join(dir, 'dist', l.at), cache.lentFolders());
    await restocked(cacheDir);
    expect([existsSync(entry), readdirSync(join(cacheDir, 'pages'))]).toEqual([false, []]);
  });
});

describe('waiting for the restock', () => {
  it('returns at once when there is none, and removes the job of a process that is gone', async () => {
    const { cacheDir } = await storedPages();
    await restocked(cacheDir);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    expect(pid).toBeGreaterThan(0);
    writeFileSync(join(cacheDir, 'restock.json'), JSON.stringify({ folders: [] }));
    writeFileSync(join(cacheDir, 'restock.pid'), String(pid));
    await restocked(cacheDir);
    expect([existsSync(join(cacheDir, 'restock.json')), existsSync(join(cacheDir, 'restock.pid'))]).toEqual([false, false]);
  });

  it('waits while the process of the last build’s restock runs, and goes on once it has ended', async () => {
    const { cacheDir } = await storedPages();
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
    const ended = new Promise<void>((done) => running.on('exit', () => done()));
    writeFileSync(join(cacheDir, 'restock.pid'), String(running.pid));
    await restocked(cacheDir);
    // The process is gone by the time the wait ends (its exit may not have been reported to this process yet).
    expect(() => process.kill(running.pid!, 0)).toThrow();
    await ended;
    expect(existsSync(join(cacheDir, 'restock.pid'))).toBe(false);
  });

  it('names what a running restock from the site puts back without waiting for it; `done` is its end', async () => {
    const { cacheDir, entry } = await storedPages();
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const ended = new Promise<void>((done) => running.on('exit', () => done()));
    writeFileSync(join(cacheDir, 'restock.json'), JSON.stringify({ folders: [{ entry, from: join('dist', '2020'), files: [] }] }));
    writeFileSync(join(cacheDir, 'restock.pid'), String(running.pid));
    const underWay = await restockUnderWay(cacheDir, 'dist');
    expect([...underWay.entries]).toEqual([entry]);
    // Not waited for: the process still runs (it would for 30 s).
    expect(() => process.kill(running.pid!, 0)).not.toThrow();
    running.kill();
    await underWay.done;
    await ended;
    expect([existsSync(join(cacheDir, 'restock.json')), existsSync(join(cacheDir, 'restock.pid'))]).toEqual([false, false]);
  });

  it('waits for a restock from elsewhere than the site (a failed build’s staging folders, which the build empties), and names nothing', async () => {
    const { cacheDir, entry } = await storedPages();
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
    writeFileSync(join(cacheDir, 'restock.json'), JSON.stringify({ folders: [{ entry, from: join('dist', '2020'), files: [] }, { entry, from: join('.build', 'dist', '2021'), files: [] }] }));
    writeFileSync(join(cacheDir, 'restock.pid'), String(running.pid));
    const underWay = await restockUnderWay(cacheDir, 'dist');
    expect(() => process.kill(running.pid!, 0)).toThrow();
    expect(underWay.entries.size).toBe(0);
    expect(existsSync(join(cacheDir, 'restock.pid'))).toBe(false);
  });

  it('names nothing when no restock runs, nor when the last one’s process is gone', async () => {
    const { cacheDir, entry } = await storedPages();
    expect((await restockUnderWay(cacheDir, 'dist')).entries.size).toBe(0);
    const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(join(cacheDir, 'restock.json'), JSON.stringify({ folders: [{ entry, from: join('dist', '2020'), files: [] }] }));
    writeFileSync(join(cacheDir, 'restock.pid'), String(gone));
    const underWay = await restockUnderWay(cacheDir, 'dist');
    await underWay.done;
    expect(underWay.entries.size).toBe(0);
    expect(existsSync(join(cacheDir, 'restock.json'))).toBe(false);
  });

  it('does nothing when nothing was lent', async () => {
    const { cacheDir } = await storedPages();
    restockLater(cacheDir, (l) => join('/nowhere', l.at), []);
    expect(existsSync(join(cacheDir, 'restock.json'))).toBe(false);
  });
});
