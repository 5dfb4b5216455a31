/**
 * Deployment as the web team will do it: the archive of two plans built with BASE_PATH=/plans/ (the test archive,
 * tests/support/test-archive.ts) served by Debian's nginx with the recipe in deploy/nginx/ (sub-path,
 * precompressed files, caching, MIME types, 404, security headers). In Chromium with the CSP enforced: no
 * violation, no failed request, working search.
 */
import { readFileSync } from 'node:fs';
import { archiveOutputs } from '../../src/contract/outputs.ts';
import { BASE, builtArchive, currentEntry, DIST, SITE } from '../support/dist.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../support/chromium-server.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { startNginx, type Nginx } from '../support/nginx.ts';
import { expectedItems } from '../support/search-truth.ts';

let nginx: Nginx;
let browser: Browser;
const dist = DIST;
let plan: Plan;
/** The current plan's folder under the base, e.g. 2020/. */
let P: string;

beforeAll(async () => {
  expect(BASE, 'the test archive is deployed under a sub-path').not.toBe('/');
  const env = { BASE_PATH: BASE, SITE_URL: SITE };
  const entry = currentEntry();
  plan = entry.plan;
  P = `${entry.id}/`;
  nginx = await startNginx(dist, BASE, env);
  browser = await sharedChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

/** Opens a page and records CSP violations, failed requests and error responses. */
async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(nginx.url + path);
  return { page, problems };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

describe('the site behind nginx under /plans/', () => {
  // The archive's home and offices across plans, then the current plan's pages (P is added when the test runs).
  it.each(['', 'offices/', 'P', 'P/items/16/', 'P/offices/jijiaochu/', 'P/full/', 'P/offices/', 'P/search/'])('%s loads with the CSP enforced and nothing failing', async (path) => {
    const { page, problems } = await visit(path.replace(/^P\/?/u, P));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves the archive’s other pages with the CSP enforced: the comparison, the replaced plan, the whole-archive zip', async () => {
    const [newer, older] = builtArchive();
    for (const path of [`compare/${older!.id}/${newer!.id}/`, `${older!.id}/`, `${older!.id}/items/${older!.plan.items[0]!.id}/`, `${newer!.id}/search/?q=${encodeURIComponent('幼儿园')}&plan=all`]) {
      const { page, problems } = await visit(path);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await violations(page), path).toEqual([]);
      expect(problems, path).toEqual([]);
      await page.close();
    }
    const zip = await fetch(`${nginx.url}${archiveOutputs(2)!.offlineZip}`, { method: 'HEAD' });
    expect([zip.status, zip.headers.get('content-type')]).toEqual([200, 'application/zip']);
  });

  it('searches with the CSP enforced (Pagefind worker and WebAssembly)', async () => {
    const { page, problems } = await visit(`${P}search/?q=${encodeURIComponent('幼儿园')}`);
    await page.waitForFunction(() => document.getElementById('search-status')!.textContent!.includes('幼儿园'));
    const got = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(got.sort((a, b) => a - b)).toEqual(expectedItems(plan, '幼儿园'));
    await page.locator('#search-results [data-kind="item"] a').first().click();
    await page.waitForURL(new RegExp(`${BASE}${P}items/\\d+/\\?q=`, 'u'));
    await page.waitForSelector('.search-note');
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves every internal link of every page', async () => {
    const seen = new Set<string>();
    const queue = [nginx.url];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await fetch(url);
      if (res.status !== 200) {
        broken.push(`${res.status} ${url}`);
        continue;
      }
      if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
      const html = await res.text();
      for (const m of html.matchAll(/(?:href|src|action)="([^"#]+)/gu)) {
        const next = new URL(m[1]!.replaceAll('&amp;', '&'), url);
        if (next.origin === nginx.origin && !seen.has(next.href)) queue.push(next.href);
      }
    }
    expect(broken).toEqual([]);
    expect([...seen].every((u) => new URL(u).pathname.startsWith(BASE))).toBe(true);
    expect(seen.size).toBeGreaterThan(70);
  });

  it('sends the security headers with the policy from deploy/nginx/csp.conf', async () => {
    const res = await fetch(`${nginx.url}${P}items/1/`);
    const csp = readFileSync('deploy/nginx/csp.conf', 'utf8').match(/Content-Security-Policy "([^"]+)"/u)![1];
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/u);
  });

  it('serves precompressed files, with long caching for hashed assets and revalidation for HTML', async () => {
    const html = await fetch(`${nginx.url}${P}items/1/`, { headers: { 'accept-encoding': 'br' } });
    expect(html.headers.get('content-encoding')).toBe('br');
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const gz = await fetch(`${nginx.url}${P}full/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const page = await (await fetch(nginx.url)).text();
    const css = page.match(/href="([^"]+\.css)"/u)![1]!;
    const asset = await fetch(new URL(css, nginx.url), { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('content-type')).toContain('text/css');
  });

  it('serves Pagefind’s WebAssembly and index chunks with the right types, one index per plan', async () => {
    const { plans } = (await (await fetch(`${nginx.url}pagefind/plans.json`)).json()) as { plans: string[] };
    expect(plans.length).toBeGreaterThan(1);
    for (const id of plans) {
      const entry = (await (await fetch(`${nginx.url}pagefind/${id}/pagefind-entry.json`)).json()) as { languages: Record<string, { hash: string; wasm: string | null }> };
      const language = Object.values(entry.languages)[0]!;
      // Chinese has no language-specific stemmer, so Pagefind uses its generic wasm ("unknown").
      const res = await fetch(`${nginx.url}pagefind/${id}/wasm.${language.wasm ?? 'unknown'}.pagefind`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/wasm');
      const meta = await fetch(`${nginx.url}pagefind/${id}/pagefind.${language.hash}.pf_meta`);
      expect(meta.status).toBe(200);
      expect(meta.headers.get('content-type')).toBe('application/octet-stream');
    }
  });

  it('answers an unknown page with the site’s 404 page and status 404', async () => {
    const res = await fetch(`${nginx.url}${P}items/99/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('页面不存在');
  });

  it('uses SITE_URL and BASE_PATH in canonical URLs and the sitemap', async () => {
    const html = await (await fetch(`${nginx.url}${P}items/3/`)).text();
    expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}${P}items/3/">`);
    const sitemap = await (await fetch(`${nginx.url}sitemap-0.xml`)).text();
    expect(sitemap).toContain(`<loc>${SITE}${BASE}${P}offices/jijiaochu/</loc>`);
    // The 404 test above logs "No such file"; anything else at error level is a configuration problem.
    const serious = nginx.errorLog().split('\n').filter((l) => /\[(error|crit|alert|emerg)\]/u.test(l) && !l.includes('No such file'));
    expect(serious).toEqual([]);
  });
});
