/**
 * The offline bundle, unzipped and opened from file:// in Chromium with the network off: every item and office
 * page reachable through links, styles applied, no module scripts, no requests beyond the folder, no console
 * errors, the fixture queries through the search box give the same items as online, and 关怀模式 is remembered
 * from page to page (localStorage works on file:// in Chromium).
 */
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../support/chromium-server.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planDate } from '../../src/publish/offline/bundle-date.ts';
import { BASE, currentEntry, DIST, SITE } from '../support/dist.ts';
import { decodeQr } from '../support/qr.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { planExamples, type PlanExamples } from '../support/plan-examples.ts';
import { fixtureQueries } from '../support/search-truth.ts';

let browser: Browser;
let context: BrowserContext;
let root: string;
let plan: Plan;
/** The plan's id: its pages are under <folder>/<id>/ in the zip, as online. */
let id: string;
/** The items, offices and terms the tests use, picked from the built plan. */
let ex: PlanExamples;
const outside: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ({ plan, id } = currentEntry());
  ex = planExamples(plan, currentEntry());
  const downloads = join(DIST, id, 'downloads');
  const zips = readdirSync(downloads).filter((f) => f.endsWith('-offline.zip'));
  expect(zips).toHaveLength(1);
  const dir = mkdtempSync(join(tmpdir(), 'offline-'));
  const zipBytes = readFileSync(join(downloads, zips[0]!));
  // Every entry carries the plan's own date (its 成文日期, else as bundle-date.ts falls back), at 00:00: the MS-DOS
  // time and date of each central directory record (offsets 12 and 14; the directory's place is in its end record).
  const end = zipBytes.lastIndexOf('PK\x05\x06');
  const stamps: string[] = [];
  for (let at = zipBytes.readUInt32LE(end + 16), n = zipBytes.readUInt16LE(end + 10); n > 0; n--) {
    const day = zipBytes.readUInt16LE(at + 14);
    stamps.push(`${1980 + (day >> 9)}-${String((day >> 5) & 15).padStart(2, '0')}-${String(day & 31).padStart(2, '0')} ${zipBytes.readUInt16LE(at + 12)}`);
    at += 46 + zipBytes.readUInt16LE(at + 28) + zipBytes.readUInt16LE(at + 30) + zipBytes.readUInt16LE(at + 32);
  }
  nonEmpty(stamps, 'zip entries');
  expect([...new Set(stamps)]).toEqual([`${planDate(currentEntry())} 0`]);
  const entries = unzipSync(zipBytes);
  for (const [name, data] of Object.entries(entries)) {
    expect(name, 'ASCII names only').toMatch(/^[\x20-\x7e]+$/u);
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  const folders = readdirSync(dir);
  expect(folders).toHaveLength(1);
  root = join(dir, folders[0]!);
  browser = await sharedChromium();
  context = await browser.newContext({ offline: true });
  context.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outside.push(r.url());
  });
  context.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  context.on('weberror', (e) => errors.push(e.error().message));
});

afterAll(async () => {
  await browser?.close();
});

/** A page of the plan in the unzipped bundle. */
const fileUrl = (path: string) => pathToFileURL(join(root, id, path)).href;

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(fileUrl(path));
  return page;
}

/** True when the site stylesheet is applied (the paper background and the system font stack). */
async function styled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const bg = getComputedStyle(document.documentElement).backgroundColor;
    // cssRules cannot be read on file:// (opaque origin); computed styles show the sheet took effect.
    const main = getComputedStyle(document.querySelector('main')!);
    return bg === 'rgb(255, 253, 248)' && main.maxWidth !== 'none' && getComputedStyle(document.body).fontFamily.includes('CJK Punctuation');
  });
}

describe('the offline bundle opened from disk', () => {
  it('opens index.html, which leads to the plan, with styles, a README beside it, and no module scripts anywhere', async () => {
    expect(readdirSync(root)).toEqual(expect.arrayContaining(['index.html', 'README.txt', id, '_assets']));
    expect(readdirSync(join(root, id))).toEqual(expect.arrayContaining(['index.html', 'items', 'offices']));
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(root, 'index.html')).href);
    await page.waitForURL(new RegExp(`/${id}/index\\.html$`, 'u'));
    expect(await styled(page)).toBe(true);
    expect(await page.locator('h1').innerText()).toContain('印发');
    expect(await page.locator('script[type="module"]').count()).toBe(0);
    await page.close();
  });

  it('reaches every item page through the links on the home page, and every office page through the office index', async () => {
    const page = await open('index.html');
    const itemLinks = await page.$$eval('main a', (as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href).filter((h) => h.includes('/items/')))]);
    expect(itemLinks).toHaveLength(plan.items.length);
    const visit = await context.newPage();
    for (const href of nonEmpty(itemLinks, 'item links')) {
      expect(href).toMatch(/\/items\/\d+\/index\.html$/u);
      await visit.goto(href);
      expect(await visit.locator('h1').innerText(), href).toMatch(/^\d+[.．、]/u);
      expect(await styled(visit), href).toBe(true);
    }
    await visit.goto(fileUrl('offices/index.html'));
    const officeLinks = await visit.$$eval('section[aria-labelledby="by-count"] tbody a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(officeLinks).toHaveLength(plan.offices.length);
    for (const href of nonEmpty(officeLinks, 'office links')) {
      await visit.goto(href);
      expect(await visit.locator('main').innerText(), href).toContain('牵头');
      expect(await styled(visit), href).toBe(true);
    }
    await page.close();
    await visit.close();
  });

  it('follows the navigation: item → office → item, breadcrumbs and next links', async () => {
    const { office, item, next } = ex.office;
    const page = await open(`items/${item.id}/index.html`);
    await page.locator('.units a.unit', { hasText: office.name }).first().click();
    await page.waitForURL(new RegExp(`offices/${office.slug}/index\\.html$`, 'u'));
    await page.locator('main a', { hasText: next.title }).first().click();
    await page.waitForURL(new RegExp(`items/${next.id}/index\\.html$`, 'u'));
    await page.locator('nav[aria-label="主导航"] a', { hasText: '全文' }).click();
    await page.waitForURL(/full\/index\.html$/u);
    await page.locator('nav[aria-label="主导航"] a', { hasText: '首页' }).click();
    await page.waitForURL(/\/index\.html$/u);
    expect(await styled(page)).toBe(true);
    await page.close();
  });

  it('searches offline through the search box and returns the same items as online', async () => {
    const page = await open('search/index.html');
    await page.waitForSelector('#search-form[data-ready]');
    const wrong: string[] = [];
    for (const { query, items } of nonEmpty(fixtureQueries(), 'tests/fixtures/search/queries.tsv')) {
      await page.fill('#search-q', query);
      await page.waitForFunction((q) => document.getElementById('search-status')!.textContent!.includes(`“${q}”`), query);
      const got = (await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))))).sort((a, b) => a - b);
      if (JSON.stringify(got) !== JSON.stringify([...items].sort((a, b) => a - b))) wrong.push(`${query}: ${got} ≠ ${items}`);
    }
    expect(wrong).toEqual([]);
    await page.close();
  });

  it('reads pinyin and traditional characters offline too (the tables load as a classic script)', async () => {
    const page = await open('search/index.html');
    await page.waitForSelector('#search-form[data-ready]');
    const readings = [
      [ex.initials.letters, `按拼音匹配：${ex.initials.office.name}`],
      [ex.traditional.written, `按简体字匹配：${ex.traditional.term}`],
    ] as const;
    for (const [query, read] of readings) {
      await page.fill('#search-q', query);
      await page.waitForFunction((r) => document.getElementById('search-status')!.textContent!.includes(r), read);
      expect(await page.locator('#search-results [data-kind="item"]').count(), query).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('searches from the header box, opens a result and highlights it', async () => {
    const page = await open('items/1/index.html');
    await page.locator('#site-search').pressSequentially(ex.unique.term, { delay: 20 });
    await page.waitForSelector('.search-panel:not([hidden]) [data-kind="item"]');
    await page.locator('.search-panel [data-kind="item"] a').first().click();
    await page.waitForURL(new RegExp(`items/${ex.unique.item.id}/index\\.html\\?q=`, 'u'));
    await page.waitForSelector('.search-note');
    const inText = (await page.locator('[data-official]').allInnerTexts()).join('').split(ex.unique.term).length - 1;
    expect(inText).toBeGreaterThan(0);
    expect(await page.evaluate(() => CSS.highlights.get('search')?.size)).toBe(inText);
    await page.close();
  });

  it('gives on an item page from disk the online address, never the file’s, in its references and its printed QR code, and 引用本条 still answers', async () => {
    const online = `${SITE}${BASE}${id}/items/${ex.targeted.item.id}/`;
    const page = await open(`items/${ex.targeted.item.id}/index.html`);
    expect(await page.textContent('#cite-item .cite-text')).toMatch(new RegExp(`\\. ${online.replace(/[.?]/gu, '\\$&')}$`, 'u'));
    expect(await page.textContent('#cite-m1 .cite-text')).toMatch(/#m1$/u);
    await page.getByRole('link', { name: '引用本条' }).click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await page.textContent('#cite-status')).toMatch(/^已(复制|选中)本条的引用/u);
    await page.emulateMedia({ media: 'print' });
    const code = page.locator('.print-qr-code');
    // A lazy image (PrintQr): in view, it loads from the file beside the page.
    await code.scrollIntoViewIfNeeded();
    await code.evaluate((img: HTMLImageElement) => img.decode());
    expect(decodeQr(await code.screenshot())).toBe(online);
    expect(await page.locator('.print-qr-url').innerText()).toBe(online);
    await page.close();
  });

  it('remembers 关怀模式 from file:// across pages and after a reload, and applies it before the page paints', async () => {
    const page = await context.newPage();
    // Whether the mode was on when the body began: a page painted in the other mode first would show here.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { careAtBody: boolean }).careAtBody = document.documentElement.classList.contains('care-mode');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const atBody = () => page.evaluate(() => (window as unknown as { careAtBody?: boolean }).careAtBody);
    await page.goto(fileUrl(`items/${ex.targeted.item.id}/index.html`));
    expect(await atBody()).toBe(false);
    const care = () => page.evaluate(() => document.documentElement.classList.contains('care-mode'));
    const toggle = page.getByRole('button', { name: '关怀模式', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await care()).toBe(true);
    await page.locator('nav[aria-label="主导航"] a', { hasText: '全文' }).click();
    await page.waitForURL(/full\/index\.html$/u);
    expect(await atBody()).toBe(true);
    expect(await page.getByRole('button', { name: '关怀模式', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('p.para').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(24);
    await page.reload();
    expect(await atBody()).toBe(true);
    await page.getByRole('button', { name: '关怀模式', exact: true }).click();
    await page.reload();
    expect(await atBody()).toBe(false);
    expect(await care()).toBe(false);
    await page.close();
  });

  it('made no request outside the folder and logged no error', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
