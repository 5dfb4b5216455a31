/**
 * Checks on the built site: every page exists, every internal link and fragment resolves, the HTML is valid,
 * pages have one h1, ordered headings, lang, title, description and canonical URL, and the sitemap lists them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/schema.ts';
import { currentEntry, DIST, SITE, fileForPath, pathForFile } from '../support/dist.ts';
import { htmlFiles, loadDocument } from '../support/html.ts';
import { nonEmpty } from '../support/non-empty.ts';

let plan: Plan;
/** The current plan's pages are under /<id>/ (P is that prefix of a file path in dist/). */
let P: string;
let pages: string[];
/** Old addresses: pages that only send the reader on (meta refresh); they have no h1 and stay out of the sitemap. */
let redirects: string[];
const refreshOf = (rel: string) => doc(rel).querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? undefined;
const docs = new Map<string, Document>();
const doc = (rel: string) => {
  if (!docs.has(rel)) docs.set(rel, loadDocument(join(DIST, rel)));
  return docs.get(rel)!;
};

beforeAll(() => {
  const entry = currentEntry();
  plan = entry.plan;
  P = `${entry.id}/`;
  const all = htmlFiles(DIST);
  redirects = all.filter((rel) => refreshOf(rel) !== undefined);
  pages = all.filter((rel) => !redirects.includes(rel));
});

describe('pages', () => {
  it('has a page for every item, section and office of the plan, plus its home, offices, full plan and search, and the archive home, offices across plans and 404', () => {
    const expected = [
      'index.html',
      '404.html',
      'offices/index.html',
      `${P}index.html`,
      `${P}full/index.html`,
      `${P}offices/index.html`,
      `${P}search/index.html`,
      ...plan.items.map((i) => `${P}items/${i.id}/index.html`),
      ...plan.sections.map((s) => `${P}sections/${s.number}/index.html`),
      ...plan.offices.map((o) => `${P}offices/${o.slug}/index.html`),
    ];
    expect(pages).toEqual(expect.arrayContaining(expected));
  });

  it('gives every page lang="zh-CN", one h1, a title, a description and a canonical URL on the configured site', () => {
    for (const rel of nonEmpty(pages, 'pages')) {
      const d = doc(rel);
      expect(d.documentElement.getAttribute('lang'), rel).toBe('zh-CN');
      expect(d.querySelectorAll('h1').length, rel).toBe(1);
      expect(d.title.length, rel).toBeGreaterThan(2);
      expect(d.querySelector('meta[name="description"]')?.getAttribute('content')?.length ?? 0, rel).toBeGreaterThan(5);
      if (rel !== '404.html') expect(d.querySelector('link[rel="canonical"]')?.getAttribute('href'), rel).toBe(SITE + pathForFile(rel));
    }
  });

  it('sends every old address on to a page that exists, with that page as canonical URL and noindex', () => {
    // The old single-plan addresses (/items/1/, /full/, …) must keep answering, and /current/ names the newest plan.
    expect(redirects).toEqual(expect.arrayContaining(['current/index.html', 'full/index.html', 'items/1/index.html', 'sections/1/index.html']));
    for (const rel of nonEmpty(redirects, 'redirects')) {
      const to = /^0;url=(.+)$/u.exec(refreshOf(rel)!)?.[1];
      expect(to, rel).toBeDefined();
      const target = fileForPath(new URL(to!, `http://site${pathForFile(rel)}`).pathname);
      expect(target && !redirects.includes(target.slice(DIST.length + 1)), `${rel} → ${to}`).toBe(true);
      expect(doc(rel).querySelector('link[rel="canonical"]')?.getAttribute('href'), rel).toBe(SITE + new URL(to!, `http://site${pathForFile(rel)}`).pathname);
      expect(doc(rel).querySelector('meta[name="robots"]')?.getAttribute('content'), rel).toBe('noindex');
      // Named in the reader's words, as the page it sends to is titled: the page's title, never a path.
      const targetTitle = loadDocument(target!).title.split(' · ')[0]!;
      expect(doc(rel).title, rel).toContain(targetTitle);
      expect(doc(rel).title, rel).not.toMatch(/[a-z]{3}/u);
    }
  });

  it('marks at most one main-navigation link as the current page, one the page is at or under', () => {
    for (const rel of nonEmpty(pages, 'pages')) {
      const current = [...doc(rel).querySelectorAll('nav[aria-label="主导航"] a[aria-current="page"]')].map((a) => a.getAttribute('href')!);
      expect(current.length, rel).toBeLessThanOrEqual(1);
      if (current[0]) expect(pathForFile(rel).startsWith(current[0]), `${rel}: ${current[0]}`).toBe(true);
      // A home link is current on that home only.
      if (current[0] === pathForFile('index.html')) expect(rel, rel).toBe('index.html');
    }
  });

  it('never skips a heading level', () => {
    for (const rel of nonEmpty(pages, 'pages')) {
      let last = 0;
      for (const h of doc(rel).querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        const level = Number(h.tagName[1]);
        expect(level, `${rel}: <${h.tagName}> ${h.textContent} after h${last}`).toBeLessThanOrEqual(last + 1);
        last = level;
      }
    }
  });

  it('has landmarks: a skip link to main, a banner with search, navigation, main and footer', () => {
    for (const rel of [`${P}index.html`, `${P}items/1/index.html`, `${P}offices/index.html`, `${P}full/index.html`]) {
      const d = doc(rel);
      expect(d.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
      expect(d.querySelector('main#main')).not.toBeNull();
      expect(d.querySelector('header form[role="search"] input[type="search"]')).not.toBeNull();
      expect(d.querySelector('nav[aria-label="主导航"]')).not.toBeNull();
      expect(d.querySelector('footer')).not.toBeNull();
    }
  });
});

describe('links', () => {
  it('resolves every internal link, asset and fragment', () => {
    const broken: string[] = [];
    for (const rel of nonEmpty([...pages, ...redirects], 'pages')) {
      const pagePath = pathForFile(rel);
      for (const el of doc(rel).querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
        const url = new URL(raw, `http://site${pagePath}`);
        if (url.host !== 'site' || raw.startsWith('mailto:')) continue;
        const file = url.pathname === pagePath ? join(DIST, rel) : fileForPath(url.pathname);
        const target = file?.slice(DIST.length + 1);
        if (!target) {
          // Downloads are produced by later build steps; a missing one is reported by their own tests.
          if (!url.pathname.includes('/downloads/')) broken.push(`${rel}: ${raw}`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && target.endsWith('.html') && !doc(target).getElementById(id)) broken.push(`${rel}: ${raw} (no #${id})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('links each item to every office in its 责任单位, and each office page back to its items', () => {
    for (const item of nonEmpty(plan.items, 'items')) {
      const links = [...doc(`${P}items/${item.id}/index.html`).querySelectorAll('.units a.unit')].map((a) => a.getAttribute('href'));
      const offices = (item.responsible?.units ?? []).filter((u) => u.kind === 'office').map((u) => pathForFile(`${P}offices/${u.office}/index.html`));
      expect(links).toEqual(expect.arrayContaining(offices));
    }
    // An office may lead no item (one named only in the closing words), but some offices lead items.
    nonEmpty(plan.offices.flatMap((o) => o.items), 'items led by offices');
    for (const office of plan.offices) {
      const hrefs = new Set([...doc(`${P}offices/${office.slug}/index.html`).querySelectorAll('main a')].map((a) => a.getAttribute('href')));
      for (const ref of office.items) expect(hrefs.has(pathForFile(`${P}items/${plan.items[ref.number - 1]!.id}/index.html`)), `${office.name} → ${ref.number}`).toBe(true);
    }
  });

  it('lists every page in the sitemap with the configured site URL', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    for (const rel of nonEmpty(pages.filter((p) => p !== '404.html'), 'pages')) expect(sitemap).toContain(`<loc>${SITE}${pathForFile(rel)}</loc>`);
  });
});

describe('HTML validity', () => {
  it('reports 0 html-validate errors on every page', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
    const errors: string[] = [];
    for (const rel of nonEmpty(pages, 'pages')) {
      const report = await validator.validateString(readFileSync(join(DIST, rel), 'utf8'), rel);
      for (const result of report.results) for (const m of result.messages) errors.push(`${rel}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});
