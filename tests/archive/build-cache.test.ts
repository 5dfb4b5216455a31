/**
 * The build cache, on builds of a project holding two plans (the seed and the test edition): after the test
 * edition's text changed, a second build copies every output of the unchanged seed from the cache, byte for
 * byte, and makes the edition's anew, with the new text in its PDFs and zip; no compressed file is left stale;
 * the log says how many outputs each step reused. Astro renders only the changed plan's pages (and the archive's
 * own), and the site that comes out equals, file for file, the site a build without any cache makes (that build
 * renders each plan in an Astro process of its own, as a large archive's cold build renders 25 plans to each, and
 * compresses and zips the first process's plan while the second renders).
 *
 * The first, clean build is the test archive's (tests/support/test-archive.ts: the same plans, built with nothing
 * cached): its project, cache included, is copied here beside a copy of its plans, so it is not built twice.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadPaths } from '../../src/contract/outputs.ts';
import { restocked } from '../../src/publish/cache/restock.ts';
import type { ArchiveEntry } from '../../src/config/archive-entry.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { copyProject, runAsync } from '../../src/tooling/project-copy.ts';
import { builtArchive } from '../support/dist.ts';
import { pdfText } from '../support/pdf.ts';
import { TEST_ARCHIVE, TEST_ARCHIVE_BUILD_ENV } from '../support/test-archive.ts';
import { NEW_ITEM } from '../fixtures/editions/2021-test-edition.ts';

// A sentence of the edition's new item, and what the second build's edition says instead.
const OLD_TEXT = '每周安排不少于一课时的劳动课';
const NEW_TEXT = '每周安排不少于两课时的劳动课';
/** The copies: plans/ beside project/ (the built archive's copy) and fresh/ (a copy with no cache at all). */
const ROOT = resolve('.build/test-build-cache');

let dir: string;
let unchanged: ArchiveEntry;
let changed: ArchiveEntry;
let first: Map<string, string>;
let second: Map<string, string>;
/** The same plans built again with no cache at all. */
let fresh: Map<string, string>;
let freshLog: string;
let log: string;
let firstLog: string;
let unchangedLog: string;
/** The site after the build in which nothing changed. */
let third: Map<string, string>;
/** The log and site of a build that counted on a restock which then did not put the plans' pages back. */
let missedLog: string;
let fourth: Map<string, string>;
/** The log and site of a build whose inputs' stamp said nothing changed, with the archive's own pages gone from the cache. */
let lateLog: string;
let fifth: Map<string, string>;

/** sha256 of every file of dist/, by path relative to it. */
function hashes(dist: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.set(path.slice(dist.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

/** Builds the project copy `project` from ../plans; its log (Astro prints its warnings on either stream). */
async function build(project: string, env: Record<string, string> = {}): Promise<string> {
  const started = Date.now();
  const result = await runAsync(project, 'node', ['scripts/build.ts'], { ...TEST_ARCHIVE_BUILD_ENV, ...env });
  expect(result.status, result.stderr + result.stdout).toBe(0);
  console.log(`build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.stdout + result.stderr;
}

beforeAll(async () => {
  expect(NEW_ITEM.measures).toContain(OLD_TEXT);
  rmSync(ROOT, { recursive: true, force: true });
  dir = join(ROOT, 'project');
  // With the files' times, as `cp -a`, tar and CI caches copy: the cache's seals are times (output-cache.ts).
  // Not the sites earlier builds set aside: a removal the build left running may be removing them (remove-aside.ts).
  cpSync(TEST_ARCHIVE.project, dir, { recursive: true, preserveTimestamps: true, filter: (path) => !/\/\.build\/dist-old/u.test(path) });
  cpSync(TEST_ARCHIVE.plans, join(ROOT, 'plans'), { recursive: true });
  firstLog = readFileSync(TEST_ARCHIVE.log, 'utf8');
  first = hashes(join(dir, 'dist'));
  // The edition's text changes in one sentence of one item; its plan.json gives no digest, so the edit is accepted.
  const editionFolder = join(ROOT, 'plans', 'edition');
  const file = join(editionFolder, readdirSync(editionFolder).find((f) => f.endsWith('.txt'))!);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(OLD_TEXT);
  writeFileSync(file, text.replace(OLD_TEXT, NEW_TEXT));
  log = await build(dir);
  second = hashes(join(dir, 'dist'));
  // The same plans with no cache at all, in a fresh copy beside the plans. Not beside the rebuilds, though they
  // share nothing: Shiki (the data page's code examples) gives up colouring a line that takes it too long, so a
  // machine short of CPU makes that page differ between two builds of the same input.
  // One plan to an Astro process, as a large archive's cold build renders 25 to each (scripts/build-steps.ts).
  const copy = copyProject(join(ROOT, 'fresh'));
  freshLog = await build(copy, { BUILD_PLANS_PER_ASTRO: '1' });
  fresh = hashes(join(copy, 'dist'));
  // Nothing changed since the rebuild: every plan's pages are copied in.
  unchangedLog = await build(dir);
  third = hashes(join(dir, 'dist'));
  [changed, unchanged] = builtArchive(join(dir, 'content')) as [ArchiveEntry, ArchiveEntry];
  expect(changed.plan.items.some((i) => JSON.stringify(i).includes(NEW_TEXT))).toBe(true);
  // A restock still running when the next build starts, which says it puts every plan's pages back and then puts
  // none back (as when a page of the site was removed since): the build counts on them, and renders them after.
  const cacheDir = join(dir, '.build', 'cache');
  await restocked(cacheDir);
  const pages = join(cacheDir, 'pages');
  const entries = readdirSync(pages).filter((name) => !name.includes('.'));
  expect(entries.length).toBeGreaterThanOrEqual(2);
  const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 8000)'], { stdio: 'ignore' });
  writeFileSync(join(cacheDir, 'restock.json'), JSON.stringify({ folders: entries.map((name) => ({ entry: join('.build', 'cache', 'pages', name), from: join('dist', name), files: [] })) }));
  writeFileSync(join(cacheDir, 'restock.pid'), String(running.pid));
  for (const name of entries) rmSync(join(pages, name), { recursive: true });
  missedLog = await build(dir);
  fourth = hashes(join(dir, 'dist'));
  // Nothing changed since, so the build starts no Astro process ahead (input-stamp.ts); but the archive's own pages
  // are gone from the cache, so it must start one after all.
  await restocked(cacheDir);
  expect(readdirSync(join(cacheDir, 'archive-pages')).length).toBeGreaterThan(0);
  rmSync(join(cacheDir, 'archive-pages'), { recursive: true });
  lateLog = await build(dir);
  fifth = hashes(join(dir, 'dist'));
}, 600_000);

describe('warnings', () => {
  it('prints none in a clean build, nor in one where nothing changed (no plan rendered, no item entry loaded)', () => {
    expect(unchangedLog).toMatch(/— (\d+) pages, 0 rendered \(0 of 2 plans, nor the archive’s own\), \1 reused/u);
    for (const text of [firstLog, unchangedLog]) expect(text.split('\n').filter((l) => /\[WARN\]|\bwarn(?:ing)?\b/iu.test(l) && !l.includes('no-accessibility-contact'))).toEqual([]);
  });
});

describe('a rebuild in which nothing changed', () => {
  it('runs no Astro and gives the same site, file for file', () => {
    expect(third.size).toBeGreaterThan(100);
    expect([...third.keys()].sort()).toEqual([...second.keys()].sort());
    expect([...second].filter(([path, hash]) => third.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });
});

describe('a rebuild after one plan changed', () => {
  it('says per step how many outputs it reused: the unchanged plan’s, not the changed one’s', () => {
    expect(log).toMatch(/✓ pdf gbt9704 \([\d.]+ s\) — 2 PDFs, 1 reused, 1 typeset/u);
    expect(log).toMatch(/✓ pdf \([\d.]+ s\) — 2 PDFs, 1 reused, 1 typeset/u);
    // Three zips: each plan's and the whole archive's, which holds the changed plan too.
    expect(log).toMatch(/✓ offline bundle \([\d.]+ s\) — 3 zips, 1 reused, 2 zipped/u);
    const [, files, reused, compressed] = /✓ precompress \([\d.]+ s\) — (\d+) files, (\d+) reused, (\d+) compressed/u.exec(log)!.map(Number);
    expect(reused! + compressed!).toBe(files);
    // The changed plan's pages (and the pages every plan shares, such as the search index) are compressed again.
    expect(compressed).toBeGreaterThan(0);
    expect(reused).toBeGreaterThan(compressed!);
  });

  it('renders only the changed plan’s pages and the archive’s own, and copies the unchanged plan’s in', () => {
    const [, total, rendered, plans, reused] = /✓ astro build \([\d.]+ s\) — (\d+) pages, (\d+) rendered \((\d+) of 2 plans and the archive’s own\), (\d+) reused/u.exec(log)!.map(Number);
    expect(plans).toBe(1);
    const unchangedPages = [...second.keys()].filter((p) => p.startsWith(`${unchanged.id}/`) && p.endsWith('.html')).length;
    expect(unchangedPages).toBeGreaterThan(50);
    expect(reused).toBe(unchangedPages);
    expect(rendered! + reused!).toBe(total);
    expect(total).toBe([...second.keys()].filter((p) => p.endsWith('.html')).length);
  });

  it('gives the same site as a build without any cache, which rendered one plan to an Astro process, file for file (the sitemap too)', () => {
    expect(freshLog).toMatch(/— (\d+) pages, \1 rendered \(2 of 2 plans and the archive’s own, by 2 Astro processes\), 0 reused/u);
    // The first process's plan was compressed and zipped while the second rendered.
    expect(freshLog).toMatch(/✓ precompress .*— \d+ files, 0 reused, \d+ compressed \([1-9]\d* while Astro rendered\)/u);
    expect(freshLog).toMatch(/✓ offline bundle .*— 3 zips, 0 reused, 3 zipped \(1 while Astro rendered\)/u);
    expect([...second.keys()].sort()).toEqual([...fresh.keys()].sort());
    // The PDFs too: Typst's output carries no date, so the same plan gives the same bytes.
    const differing = [...fresh].filter(([path, hash]) => second.get(path) !== hash).map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it('copies the unchanged plan’s PDFs and zip byte for byte', () => {
    for (const path of Object.values(downloadPaths(unchanged))) {
      expect(second.get(path), path).toBeDefined();
      expect(second.get(path), path).toBe(first.get(path));
    }
  });

  it('makes the changed plan’s outputs anew, with the new text in both PDFs and the zip', () => {
    const paths = downloadPaths(changed);
    for (const path of Object.values(paths)) expect(second.get(path), path).not.toBe(first.get(path));
    for (const pdf of [paths.pdf, paths.gbt9704Pdf]) {
      const text = stripWhitespace(pdfText(join(dir, 'dist', pdf)));
      expect(text, pdf).toContain(NEW_TEXT);
      expect(text, pdf).not.toContain(OLD_TEXT);
    }
    const zip = unzipSync(readFileSync(join(dir, 'dist', paths.offlineZip)));
    const pages = Object.entries(zip).filter(([name]) => name.endsWith('.html')).map(([, bytes]) => new TextDecoder().decode(bytes));
    expect(pages.some((p) => p.includes(NEW_TEXT))).toBe(true);
    expect(pages.some((p) => p.includes(OLD_TEXT))).toBe(false);
  });

  it('leaves no compressed copy stale: every .br and .gz holds exactly the file beside it', () => {
    const dist = join(dir, 'dist');
    const compressed = [...second.keys()].filter((p) => /\.(br|gz)$/u.test(p));
    expect(compressed.length).toBeGreaterThan(100);
    for (const path of compressed) {
      const bytes = readFileSync(join(dist, path));
      const original = readFileSync(join(dist, path.slice(0, -3)));
      expect((path.endsWith('.br') ? brotliDecompressSync(bytes) : gunzipSync(bytes)).equals(original), path).toBe(true);
    }
  });
});

describe('a rebuild that counted on the last build’s restock, which did not put the plans’ pages back', () => {
  it('renders those plans after all (not the archive’s own, which did not change) and gives the same site, file for file', () => {
    expect(missedLog).toMatch(/— (\d+) pages, (\d+) rendered \(2 of 2 plans, nor the archive’s own\), \d+ reused/u);
    expect([...fourth.keys()].sort()).toEqual([...third.keys()].sort());
    expect([...third].filter(([path, hash]) => fourth.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });
});

describe('a rebuild whose inputs did not change, with the archive’s own pages gone from the cache', () => {
  it('starts Astro when it finds it needs it, renders those pages only and gives the same site, file for file', () => {
    expect(lateLog).toMatch(/— \d+ pages, \d+ rendered \(0 of 2 plans and the archive’s own\), \d+ reused/u);
    expect([...fifth.keys()].sort()).toEqual([...third.keys()].sort());
    expect([...third].filter(([path, hash]) => fifth.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });
});
