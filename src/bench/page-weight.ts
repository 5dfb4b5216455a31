/**
 * What a reader's browser downloads for a page: every request on load, by type, with the bytes on disk, their
 * gzip size and what was actually transferred (brotli where the server has it, as nginx serves it).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** Bytes of one kind of resource on a page. */
export interface Weight {
  requests: number;
  raw: number;
  gzip: number;
  transferred: number;
}

/** A page's weight by resource type, plus totals and script facts. */
export interface PageWeight {
  path: string;
  html: Weight;
  css: Weight;
  js: Weight;
  other: Weight;
  total: Weight;
  /** JavaScript files requested before any interaction. */
  scriptRequests: number;
  /** Bytes of inline <script> code in the HTML. */
  inlineScriptBytes: number;
}

const empty = (): Weight => ({ requests: 0, raw: 0, gzip: 0, transferred: 0 });

function fileFor(siteDir: string, url: URL, base: string): string | undefined {
  let rel = decodeURIComponent(url.pathname.slice(base.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const path = join(siteDir, rel);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/** Loads `url` in a fresh context (empty cache) and weighs what it fetched. */
export async function weighPage(browser: Browser, url: string, siteDir: string, base: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: { url: string; type: string; transferred: Promise<number> }[] = [];
  page.on('response', (r) => {
    responses.push({ url: r.url(), type: r.request().resourceType(), transferred: r.request().sizes().then((s) => s.responseBodySize) });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const inlineScriptBytes = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
  );
  const weight: PageWeight = { path: new URL(url).pathname, html: empty(), css: empty(), js: empty(), other: empty(), total: empty(), scriptRequests: 0, inlineScriptBytes };
  for (const r of responses) {
    const kind = r.type === 'document' ? 'html' : r.type === 'stylesheet' ? 'css' : r.type === 'script' ? 'js' : 'other';
    const file = fileFor(siteDir, new URL(r.url), base);
    const data = file ? readFileSync(file) : Buffer.alloc(0);
    const sizes = { raw: data.length, gzip: data.length ? gzipSync(data, { level: 9 }).length : 0, transferred: await r.transferred };
    for (const w of [weight[kind], weight.total]) {
      w.requests += 1;
      w.raw += sizes.raw;
      w.gzip += sizes.gzip;
      w.transferred += sizes.transferred;
    }
    if (kind === 'js') weight.scriptRequests += 1;
  }
  await context.close();
  return weight;
}
