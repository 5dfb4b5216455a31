/**
 * The sitemap of the built site: sitemap-index.xml and sitemap-0.xml, sitemap-1.xml … of at most 45,000 addresses
 * each, in the form @astrojs/sitemap gave them (the `sitemap` package writes both). Written by the build from the
 * pages on disk once the site is there, not by an integration inside Astro: Astro renders only the plans whose
 * pages changed and the others are copied from the page cache, so the integration had to be told every copied
 * page, and it sorted the addresses with a locale comparison each time (at 100 plans, 0.8 s of Astro's ~7 s after
 * one plan changed).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { legacyFolders } from '../../lib/plan-pages.ts';
import type { SiteTarget } from '../pipeline/pipeline.ts';

/** Addresses in one sitemap file at most (the protocol allows 50,000; @astrojs/sitemap's default). */
const ENTRY_LIMIT = 45_000;
/** The namespaces the urlset declares, as @astrojs/sitemap declared them. */
const XMLNS = { news: true, xhtml: true, image: true, video: true };

/**
 * The pages a sitemap lists among the site's files (relative, `/`-separated), as full addresses in order: every
 * page (a folder's index.html), but the pages that only send the reader on (/current/…, and the single-plan site's
 * old addresses: the folders plan-pages.ts marks legacy), and with numbers in order (2/ before 10/).
 * @example sitemapUrls(['index.html', '2020/index.html', 'current/index.html', '404.html'], { site: 'https://a.gov.cn', base: '/' }) // ['https://a.gov.cn/', 'https://a.gov.cn/2020/']
 */
export function sitemapUrls(files: readonly string[], target: SiteTarget): string[] {
  const redirected = new Set(['current', ...legacyFolders()]);
  const order = new Intl.Collator('en', { numeric: true }).compare;
  return files
    .filter((f) => (f === 'index.html' || f.endsWith('/index.html')) && !redirected.has(f.split('/')[0]!))
    .map((f) => `${target.site}${target.base}${f.slice(0, -'index.html'.length)}`)
    .sort(order);
}

/**
 * Writes the sitemap of the pages among `files` into `dir` (the site's root), `limit` addresses a file; returns the
 * files it wrote and how many pages it lists.
 */
export async function writeSitemap(dir: string, files: readonly string[], target: SiteTarget, limit = ENTRY_LIMIT): Promise<{ files: string[]; pages: number }> {
  const urls = sitemapUrls(files, target);
  const chunks: string[][] = [];
  for (let i = 0; i < urls.length; i += limit) chunks.push(urls.slice(i, i + limit));
  const names = chunks.map((_, i) => `sitemap-${i}.xml`);
  const xml = (stream: SitemapStream | SitemapIndexStream, items: readonly { url: string }[]) => streamToPromise(Readable.from(items).pipe(stream));
  const written = await Promise.all(chunks.map((chunk) => xml(new SitemapStream({ xmlns: XMLNS }), chunk.map((url) => ({ url })))));
  const index = await xml(new SitemapIndexStream(), names.map((name) => ({ url: `${target.site}${target.base}${name}` })));
  await Promise.all([...names.map((name, i) => writeFile(join(dir, name), written[i]!)), writeFile(join(dir, 'sitemap-index.xml'), index)]);
  return { files: [...names, 'sitemap-index.xml'], pages: urls.length };
}
