/**
 * Browser tests: the built site served on 127.0.0.1 and Debian's Chromium, shared by a test file.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { sharedChromium } from './chromium-server.ts';
import { serveStatic, type RunningServer } from '../../src/tooling/static-server.ts';
import { BASE, currentEntry, DIST } from './dist.ts';

/** A page of the site under test: one of the archive's own pages, or one of the current plan's. */
export type SitePage = [where: 'archive' | 'plan', path: string];

/** Starts server and browser before the file's tests and stops them after; returns accessors. */
export function useSite() {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(DIST, BASE);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: (path = '') => server.url + path.replace(/^\//u, ''),
    /** A page of the current plan (its pages live under /<id>/). */
    planUrl: (path = '') => `${server.url}${currentEntry().id}/${path.replace(/^\//u, '')}`,
    /** The URL of an archive page or a plan page. */
    at([where, path]: SitePage): string {
      return where === 'archive' ? this.url(path) : this.planUrl(path);
    },
    /** A new page (own context) that records console errors and failed requests. */
    async page(options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      // A request the page itself abandoned by navigating on (Chromium's favicon fetch, say) is not a missing
      // file; every other failure (not found, refused, blocked) is reported with its cause.
      page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      return { page, errors };
    },
  };
}
