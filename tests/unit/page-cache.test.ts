/**
 * The page cache's keys: a plan's pages get a new key exactly when something they show or are made by changed —
 * their own content, another plan's config or title, the archive's settings, where the site is served, the code —
 * and keep it when only another plan's text changed (those pages are then copied, not rendered).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../src/config/archive-entry.ts';
import { fixtureEntry as entry, fixtureSeed as seed } from '../support/fixture-entry.ts';
import { archiveSummary, cachedPlans, pageKeys } from '../../src/publish/cache/page-cache.ts';
import { OutputCache } from '../../src/publish/cache/output-cache.ts';

const target = { site: 'https://plan.example.gov.cn', base: '/' };

let root: string;
let content: string;
let archive: ArchiveEntry[];

function writePlan(e: ArchiveEntry): void {
  mkdirSync(join(content, 'plans', e.id, 'items'), { recursive: true });
  writeFileSync(join(content, 'plans', e.id, 'plan.json'), JSON.stringify(e));
  writeFileSync(join(content, 'plans', e.id, 'items', '1.mdx'), `---\ntitle: ${e.plan.items[0]!.title}\n---\n`);
}

const keys = async () => pageKeys(archive, target, content, root);

/** Folders a test made, removed after it: each test starts from a project of its own, and leaves nothing behind. */
const made: string[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'page-cache-'));
  made.push(root);
  for (const dir of ['src/pages', 'public', 'node_modules']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src/pages/index.astro'), '<h1>首页</h1>\n');
  writeFileSync(join(root, 'public/favicon.svg'), '<svg/>\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'node_modules/.package-lock.json'), '{"packages":{}}\n');
  content = join(root, 'content');
  mkdirSync(join(content, 'site'), { recursive: true });
  writeFileSync(join(content, 'site', 'site.json'), '{}\n');
  archive = [entry('2021', 2021), entry('2020', 2020)];
  archive.forEach(writePlan);
});

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pageKeys', () => {
  it('gives each plan its own key, the same on every run and in a copy of the project elsewhere', async () => {
    const first = await keys();
    expect(first.size).toBe(2);
    expect(first.get('2020')).toMatch(/^[0-9a-f]{64}$/u);
    expect(first.get('2020')).not.toBe(first.get('2021'));
    expect(await keys()).toEqual(first);
    const copy = mkdtempSync(join(tmpdir(), 'page-cache-copy-'));
    made.push(copy);
    cpSync(root, copy, { recursive: true });
    expect(await pageKeys(archive, target, join(copy, 'content'), copy)).toEqual(first);
  });

  it('changes only the edited plan’s key when its text changes', async () => {
    const before = await keys();
    const file = join(content, 'plans', '2021', 'items', '1.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}一字之差\n`);
    const after = await keys();
    expect(after.get('2021')).not.toBe(before.get('2021'));
    expect(after.get('2020')).toBe(before.get('2020'));
  });

  it('leaves the other plans’ keys when a plan’s items change in the archive, but not when its title or config does', async () => {
    const before = await keys();
    archive[0]!.plan.items[0]!.title = `${archive[0]!.plan.items[0]!.title}（改）`;
    expect((await keys()).get('2020')).toBe(before.get('2020'));
    for (const change of [(e: ArchiveEntry) => (e.plan.title = `${e.plan.title}（修订）`), (e: ArchiveEntry) => (e.status = '已失效'), (e: ArchiveEntry) => (e.year = 2022)]) {
      const edited = structuredClone(archive);
      change(edited[0]!);
      expect((await pageKeys(edited, target, content, root)).get('2020')).not.toBe(before.get('2020'));
    }
  });

  it('changes every key when the code, a public file, the archive’s settings or the address changes', async () => {
    const before = await keys();
    const everyKeyChanged = async (after: Map<string, string>) => {
      for (const id of ['2020', '2021']) expect(after.get(id), id).not.toBe(before.get(id));
    };
    await everyKeyChanged(await pageKeys(archive, { ...target, base: '/plans/' }, content, root));
    await everyKeyChanged(await pageKeys(archive, { ...target, site: 'https://www.example.gov.cn' }, content, root));
    for (const [file, text] of [
      ['content/site/site.json', '{"accessibilityContact":{"name":"办公室"}}\n'],
      ['src/pages/index.astro', '<h1>首页 </h1>\n'],
      ['src/components/New.astro', '<p/>\n'],
      ['public/robots.txt', 'User-agent: *\n'],
      ['astro.config.mjs', 'export default { base: "/" };\n'],
      ['node_modules/.package-lock.json', '{"packages":{"astro":{}}}\n'],
    ] as const) {
      const original = (() => { try { return readFileSync(join(root, file), 'utf8'); } catch { return undefined; } })();
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
      await everyKeyChanged(await keys());
      // Undo the change (a new file is removed), so that the next change is measured against `before` alone;
      // the keys coming back proves it, or every later check would pass on this change's leftovers.
      if (original === undefined) rmSync(join(root, file));
      else writeFileSync(join(root, file), original);
      expect(await keys(), `keys after undoing ${file}`).toEqual(before);
    }
  });
});

describe('cachedPlans', () => {
  it('finds the plans whose pages are stored, and counts those a running restock is putting back without a look', async () => {
    const k = await keys();
    const cache = new OutputCache(join(root, 'cache'));
    const built = join(root, 'built');
    mkdirSync(built);
    writeFileSync(join(built, 'index.html'), '首页');
    await cache.storeFolder('pages', k.get('2021')!, built);
    expect(await cachedPlans(k, cache)).toEqual(['2021']);
    expect(await cachedPlans(k, cache, new Set([cache.folderEntry('pages', k.get('2020')!)]))).toEqual(['2021', '2020']);
    // Another kind's entry under the same key is not the pages'.
    expect(await cachedPlans(k, cache, new Set([cache.folderEntry('search', k.get('2020')!)]))).toEqual(['2021']);
  });
});

describe('archiveSummary', () => {
  it('holds every config field and the title of every plan, and none of its text', () => {
    const summary = JSON.parse(archiveSummary(archive)) as Record<string, unknown>[];
    expect(summary.map((s) => s.id)).toEqual(['2021', '2020']);
    expect(summary[0]).toMatchObject({ year: 2021, series: seed.series, status: seed.status, current: seed.current, title: seed.plan.title });
    expect(Object.keys(summary[0]!).sort()).toEqual([...Object.keys(seed).filter((k) => k !== 'plan' && k !== 'notes'), 'title'].sort());
    expect(archiveSummary(archive)).not.toContain(seed.plan.items[0]!.title);
  });
});
