/**
 * The sitemap the build writes from the pages on disk (src/publish/deploy/sitemap.ts): every page, none that only
 * sends the reader on, numbers in order, the site's address and base path, and an index naming each of its files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sitemapUrls, writeSitemap } from '../../src/publish/deploy/sitemap.ts';
import { legacyFolders } from '../../src/lib/plan-pages.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const target = { site: 'https://plan.example.gov.cn', base: '/plans/' };
const files = [
  'index.html',
  '404.html',
  '2020/index.html',
  '2020/items/10/index.html',
  '2020/items/2/index.html',
  '2020/items/2/qr.svg',
  '2020/data/plan.json',
  'current/index.html',
  'current/items/2/index.html',
  ...legacyFolders().map((folder) => `${folder}/2/index.html`),
  'offices/jijiaochu/index.html',
];

describe('the sitemap', () => {
  it('lists every page under the base path, numbers in order, and no redirect, 404 or other file', () => {
    expect(legacyFolders().length).toBeGreaterThan(0);
    expect(sitemapUrls(files, target)).toEqual([
      'https://plan.example.gov.cn/plans/',
      'https://plan.example.gov.cn/plans/2020/',
      'https://plan.example.gov.cn/plans/2020/items/2/',
      'https://plan.example.gov.cn/plans/2020/items/10/',
      'https://plan.example.gov.cn/plans/offices/jijiaochu/',
    ]);
  });

  it('writes the pages into files of at most `limit` addresses, each named by the index', async () => {
    const written = await writeSitemap(dir, files, target, 2);
    expect(written).toEqual({ files: ['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml'], pages: 5 });
    const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
    for (const i of [0, 1, 2]) expect(index).toContain(`<sitemap><loc>https://plan.example.gov.cn/plans/sitemap-${i}.xml</loc></sitemap>`);
    const locs = [0, 1, 2].flatMap((i) => [...readFileSync(join(dir, `sitemap-${i}.xml`), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]));
    expect(locs).toEqual(sitemapUrls(files, target));
    expect(readFileSync(join(dir, 'sitemap-0.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/u);
  });
});
