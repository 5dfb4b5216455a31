/**
 * The archive of two plans in Chromium: axe-core on the pages only an archive has (home, offices across plans,
 * the compare page, the replaced plan with its banner, the plan filter), in light and dark; search with the plan
 * filter (this plan by default, another, every plan) returning exactly the items that contain the query; and
 * the whole-archive offline zip opened from file:// with the network off.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveOutputs } from '../../src/contract/outputs.ts';
import type { ArchiveEntry } from '../../src/config/archive-entry.ts';
import { builtArchive, DIST } from '../support/dist.ts';
import { axeViolations } from '../support/axe.ts';
import { useSite } from '../support/browser.ts';
import { expectedItems } from '../support/search-truth.ts';

const site = useSite();
let older: ArchiveEntry;
let newer: ArchiveEntry;
/** A word both plans hold, in different items. */
const QUERY = '幼儿园';

beforeAll(() => {
  [newer, older] = builtArchive() as [ArchiveEntry, ArchiveEntry];
});

/** Item numbers of the search page's results, and the year each names (empty when it names none). */
async function results(page: Page, query: string): Promise<{ numbers: number[]; years: string[] }> {
  await page.waitForFunction((q) => document.getElementById('search-status')!.textContent!.includes(`“${q}”`), query);
  const rows = await page.$$eval('#search-results [data-kind="item"]', (els) =>
    els.map((e) => ({ n: Number(e.getAttribute('data-number')), meta: e.querySelector('.result-meta')?.textContent ?? '' })),
  );
  return { numbers: rows.map((r) => r.n).sort((a, b) => a - b), years: rows.map((r) => /^(\d{4})年/u.exec(r.meta)?.[1] ?? '') };
}

// Side by side, each page in its own context (its own renderer): axe's work is in the renderer, and one page at a
// time would leave a core of CI's two idle (the project's maxConcurrency). it.for hands each its own expect.
describe.concurrent('accessibility of the archive’s pages (axe-core)', () => {
  const pages = () => ({
    home: '',
    'offices across plans': 'offices/',
    'compare page': `compare/${older.id}/${newer.id}/`,
    'replaced plan home (banner)': `${older.id}/`,
    'replaced plan item': `${older.id}/items/${older.plan.items[0]!.id}/`,
    'search with the plan filter': `${newer.id}/search/?q=${encodeURIComponent(QUERY)}&plan=all`,
  });
  for (const scheme of ['light', 'dark'] as const) {
    it.for(['home', 'offices across plans', 'compare page', 'replaced plan home (banner)', 'replaced plan item', 'search with the plan filter'])(`%s has no violations (${scheme})`, async (name, { expect }) => {
      const { page } = await site.page({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
      await page.goto(site.url(pages()[name as keyof ReturnType<typeof pages>]));
      if (name.startsWith('search')) await results(page, QUERY);
      const violations = await axeViolations(page, { 'target-size': { enabled: true } });
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }
});

describe('search with the plan filter', () => {
  it('searches the page’s own plan by default, another plan when chosen, and every plan, each exactly', async () => {
    const own = expectedItems(newer.plan, QUERY);
    const other = expectedItems(older.plan, QUERY);
    expect(own.length > 0 && other.length > 0).toBe(true);
    const { page, errors } = await site.page();
    await page.goto(site.url(`${newer.id}/search/?q=${encodeURIComponent(QUERY)}`));
    expect(await page.locator('select[name="plan"]').inputValue()).toBe(newer.id);
    let got = await results(page, QUERY);
    expect(got.numbers).toEqual(own);
    expect(got.years.every((y) => y === '')).toBe(true);

    await page.selectOption('select[name="plan"]', older.id);
    await page.waitForFunction((id) => location.search.includes(`plan=${id}`), older.id);
    got = await results(page, QUERY);
    expect(got.numbers).toEqual(other);
    expect(new Set(got.years)).toEqual(new Set([String(older.year)]));

    await page.selectOption('select[name="plan"]', 'all');
    await page.waitForFunction(() => location.search.includes('plan=all'));
    got = await results(page, QUERY);
    expect(got.numbers).toEqual([...own, ...other].sort((a, b) => a - b));
    expect(got.years.filter((y) => y === String(newer.year))).toHaveLength(own.length);
    expect(got.years.filter((y) => y === String(older.year))).toHaveLength(other.length);
    // Every result links into its own plan's pages.
    const hrefs = await page.$$eval('#search-results [data-kind="item"] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.includes(`/${older.id}/items/`))).toHaveLength(other.length);

    // The choice is in the address: a shared link opens the same search.
    await page.reload();
    expect(await page.locator('select[name="plan"]').inputValue()).toBe('all');
    expect((await results(page, QUERY)).numbers).toHaveLength(own.length + other.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the header box on the archive’s own pages', () => {
  it('searches every plan as you type, and submitting opens the search page over every plan with the query', async () => {
    const { page, errors } = await site.page();
    await page.goto(site.url(''));
    await page.locator('#site-search').pressSequentially(QUERY, { delay: 20 });
    await page.waitForSelector('.search-panel:not([hidden]) [data-kind="item"]');
    const metas = await page.$$eval('.search-panel [data-kind="item"] .result-meta', (els) => els.map((e) => e.textContent ?? ''));
    expect(metas.every((m) => /^\d{4}年/u.test(m))).toBe(true);
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?/u);
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('q'), url.searchParams.get('plan')]).toEqual([`${new URL(site.url('')).pathname}${newer.id}/search/`, QUERY, 'all']);
    expect((await results(page, QUERY)).numbers).toHaveLength(expectedItems(newer.plan, QUERY).length + expectedItems(older.plan, QUERY).length);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the whole archive offline', () => {
  let root: string;
  beforeAll(() => {
    const out = archiveOutputs(2)!;
    const entries = unzipSync(readFileSync(join(DIST, out.offlineZip)));
    const dir = mkdtempSync(join(tmpdir(), 'archive-offline-'));
    for (const [name, data] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      expect(name, 'ASCII names only').toMatch(/^[\x20-\x7e]+$/u);
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    expect(readdirSync(dir)).toEqual([out.offlineFolder]);
    root = join(dir, out.offlineFolder);
  });

  it('holds every plan, the archive’s home, offices across plans and the comparison, and no redirect page', () => {
    expect(readdirSync(root)).toEqual(expect.arrayContaining(['index.html', 'README.txt', '_assets', 'offices', 'compare', older.id, newer.id]));
    for (const e of [older, newer]) for (const item of e.plan.items) expect(readdirSync(join(root, e.id, 'items'))).toContain(item.id);
    expect(readdirSync(root)).not.toContain('current');
  });

  it('works from file:// with the network off: home → each plan → compare → search across plans', async () => {
    const { page, errors } = await site.page({ offline: true });
    const outside: string[] = [];
    page.context().on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(pathToFileURL(join(root, 'index.html')).href);
    expect(await page.locator('h1').innerText()).toBe(newer.series);
    await page.locator(`li[data-plan="${older.id}"] h2 a`).click();
    await page.waitForURL(new RegExp(`/${older.id}/index\\.html$`, 'u'));
    expect(await page.locator('.superseded').count()).toBe(1);
    await page.goto(pathToFileURL(join(root, 'index.html')).href);
    await page.locator(`a[href*="compare/${older.id}/${newer.id}/"]`).first().click();
    await page.waitForURL(/compare\/.+\/index\.html$/u);
    expect(await page.locator('li[data-tag]').count()).toBeGreaterThan(older.plan.items.length - 3);

    await page.goto(`${pathToFileURL(join(root, older.id, 'search/index.html')).href}?q=${encodeURIComponent(QUERY)}`);
    await page.waitForSelector('#search-form[data-ready]');
    expect((await results(page, QUERY)).numbers).toEqual(expectedItems(older.plan, QUERY));
    await page.selectOption('select[name="plan"]', 'all');
    await page.waitForFunction(() => location.search.includes('plan=all'));
    const all = await results(page, QUERY);
    expect(all.numbers).toEqual([...expectedItems(older.plan, QUERY), ...expectedItems(newer.plan, QUERY)].sort((a, b) => a - b));
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
