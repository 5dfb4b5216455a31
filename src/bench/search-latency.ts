/**
 * Search speed as a reader feels it, in Chromium: time from the query entering the box to its results on screen.
 * Cold: a fresh browser context (empty cache) on an item page; the first focus on the search box loads the search
 * script, Pagefind and the index. Warm: further queries on the search page once everything is loaded.
 */
import type { Browser, Page } from 'playwright-core';

/** Median and 95th percentile of a list of milliseconds. */
export function percentiles(values: number[]): { median: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

// The measuring code runs in the page. It is a string, not a function: TypeScript transforms may add helpers
// (__name) to functions, which do not exist in the page.
const TIME_QUERY = `(({ input, results, query }) => new Promise((resolve) => {
  const box = document.querySelector(input);
  const started = performance.now();
  let observer;
  const done = () => {
    const status = document.querySelector(results);
    if (status && status.textContent && status.textContent.includes('“' + query + '”')) {
      observer.disconnect();
      resolve(performance.now() - started);
    }
  };
  observer = new MutationObserver(done);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  box.focus();
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  done();
}))`;

/** Sets the box's value in one go and resolves with the ms until results for it are shown (30 s at most). */
async function timeQuery(page: Page, input: string, results: string, query: string): Promise<number> {
  const ms = await page.evaluate(`${TIME_QUERY}(${JSON.stringify({ input, results, query })})`);
  return ms as number;
}

/** Cold searches: each in a new context, on an item page, through the header box. Also the bytes they fetched. */
export async function coldSearches(browser: Browser, siteUrl: string, queries: string[]): Promise<{ ms: number[]; bytes: number[] }> {
  const ms: number[] = [];
  const bytes: number[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}items/1/`, { waitUntil: 'networkidle' });
    const sizes: Promise<number>[] = [];
    page.on('response', (r) => sizes.push(r.request().sizes().then((s) => s.responseBodySize)));
    ms.push(await timeQuery(page, '#site-search', '.search-panel .search-status', query));
    await page.waitForLoadState('networkidle');
    bytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
    await context.close();
  }
  return { ms, bytes };
}

/** Warm searches: all on one search page, after a first query has loaded everything. */
export async function warmSearches(browser: Browser, siteUrl: string, queries: string[]): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('#search-form[data-ready]');
  await timeQuery(page, '#search-q', '#search-status', '教育');
  const ms: number[] = [];
  for (const query of queries) ms.push(await timeQuery(page, '#search-q', '#search-status', query));
  await context.close();
  return ms;
}
