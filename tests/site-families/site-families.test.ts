/**
 * One site per family of the genre (tests/support/site-families.ts builds them): each passes the site's own
 * checks — every internal link and fragment resolves, html-validate reports nothing, axe finds no violation — and
 * its pages make sense for its plan: no invented heading or 第一部分 for a plan without sections, no office index
 * for a plan without 责任单位, subsections shown for three levels, a prose section shown as text, a span of years
 * shown as a span, a plan in traditional characters marked zh-Hant and searchable in simplified characters.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../support/chromium-server.ts';
import { serveStatic, type RunningServer } from '../../src/tooling/static-server.ts';
import { planParts } from '../../src/lib/plan-shape.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { itemToLines, planToText } from '../../src/plan/to-text.ts';
import { axeViolations } from '../support/axe.ts';
import { builtArchive } from '../support/dist.ts';
import { htmlFiles, loadDocument, officialText } from '../support/html.ts';
import { familyDirs, FAMILIES } from '../support/site-families.ts';

/** The built site of a family: its plan as the content step recorded it, its pages, a DOM per page. */
function site(name: string) {
  const { dist, content } = familyDirs(name);
  const [entry] = builtArchive(content);
  if (!entry) throw new Error(`the ${name} site holds no plan`);
  const pages = htmlFiles(dist).filter((rel) => !loadDocument(join(dist, rel)).querySelector('meta[http-equiv="refresh"]'));
  const docs = new Map<string, Document>();
  const doc = (rel: string) => {
    if (!docs.has(rel)) docs.set(rel, loadDocument(join(dist, rel)));
    return docs.get(rel)!;
  };
  const P = `${entry.id}/`;
  return { dist, entry, plan: entry.plan, pages, planPages: pages.filter((r) => r.startsWith(P)), doc, P };
}

/** The file a site path is served from (base path /), or undefined. */
function fileFor(dist: string, pathname: string): string | undefined {
  const rel = decodeURIComponent(pathname.slice(1));
  const candidates = rel === '' || rel.endsWith('/') ? [join(dist, rel, 'index.html')] : [join(dist, rel), join(dist, rel, 'index.html')];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}

const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
const text = (d: Document) => d.querySelector('main')?.textContent ?? '';

describe.each(FAMILIES.map((f) => [f.name]))('the %s site', (name) => {
  const s = site(name);
  const all = htmlFiles(s.dist);

  it('has pages of its plan to check', () => {
    expect(s.planPages.length).toBeGreaterThan(s.plan.items.length);
  });

  it('shows the whole official text on /full/, in order, nothing added (whitespace aside)', () => {
    const shown = officialText(s.doc(`${s.P}full/index.html`));
    expect(stripWhitespace(shown)).toBe(stripWhitespace(planToText(s.plan)));
  });

  it('shows exactly its item on each item page', () => {
    expect(s.plan.items.length).toBeGreaterThan(0);
    for (const item of s.plan.items) {
      const shown = officialText(s.doc(`${s.P}items/${item.id}/index.html`));
      expect(stripWhitespace(shown), `item ${item.id}`).toBe(stripWhitespace(itemToLines(item).join('')));
    }
  });

  it('resolves every internal link, asset and fragment', () => {
    const broken: string[] = [];
    for (const rel of all) {
      const pagePath = `/${rel.replace(/(^|\/)index\.html$/u, '$1')}`;
      for (const el of s.doc(rel).querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
        const url = new URL(raw, `http://site${pagePath}`);
        if (url.host !== 'site' || raw.startsWith('mailto:')) continue;
        const file = url.pathname === pagePath ? join(s.dist, rel) : fileFor(s.dist, url.pathname);
        if (!file) {
          // PDFs and zips: later build steps make them, which these sites leave out (their own tests check them).
          if (!url.pathname.includes('/downloads/')) broken.push(`${rel}: ${raw}`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && file.endsWith('.html') && !s.doc(file.slice(s.dist.length + 1)).getElementById(id)) broken.push(`${rel}: ${raw} (no #${id})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('reports 0 html-validate errors, one h1 and no skipped heading level on every page', async () => {
    const errors: string[] = [];
    for (const rel of s.pages) {
      const report = await validator.validateString(readFileSync(join(s.dist, rel), 'utf8'), rel);
      for (const result of report.results) for (const m of result.messages) errors.push(`${rel}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      const d = s.doc(rel);
      if (d.querySelectorAll('h1').length !== 1) errors.push(`${rel}: ${d.querySelectorAll('h1').length} h1`);
      let last = 0;
      for (const h of d.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        const level = Number(h.tagName[1]);
        if (level > last + 1) errors.push(`${rel}: <${h.tagName}> ${h.textContent} after h${last}`);
        last = level;
      }
    }
    expect(errors).toEqual([]);
  });

  it('shows no empty list and no empty heading', () => {
    const empty: string[] = [];
    for (const rel of s.pages) {
      // The search page's result list is filled in by its script.
      for (const list of s.doc(rel).querySelectorAll('main ol:not(#search-results), main ul')) if (list.querySelectorAll('li').length === 0) empty.push(`${rel}: empty <${list.tagName}>`);
      for (const h of s.doc(rel).querySelectorAll('h1, h2, h3, h4')) if (!(h.textContent ?? '').trim()) empty.push(`${rel}: empty <${h.tagName}>`);
    }
    expect(empty).toEqual([]);
  });

  it('uses the field labels of its own plan only: no 目标任务 or 工作措施 where the plan prints none', () => {
    const own = planParts(s.plan);
    const foreign = ['目标任务', '工作措施'].filter((w) => !own.includes(w) && !JSON.stringify(s.plan).includes(w));
    const found = s.planPages.flatMap((rel) => foreign.filter((w) => (s.doc(rel).documentElement.textContent ?? '').includes(w)).map((w) => `${rel}: ${w}`));
    expect(found).toEqual([]);
  });

  it('shows an office index only when the plan names 责任单位, and then links every office', () => {
    const hasUnits = s.plan.offices.length > 0 || s.plan.groups.length > 0;
    expect(existsSync(join(s.dist, s.P, 'offices/index.html'))).toBe(hasUnits);
    const navLinks = [...s.doc(`${s.P}index.html`).querySelectorAll('nav[aria-label="主导航"] a')].map((a) => a.textContent?.trim());
    expect(navLinks.includes('处室')).toBe(hasUnits);
    expect(text(s.doc(`${s.P}index.html`)).includes('责任处室')).toBe(hasUnits);
    for (const o of s.plan.offices) expect(existsSync(join(s.dist, s.P, 'offices', o.slug, 'index.html')), o.name).toBe(true);
  });

  it('gives a page to every section with a heading, and none to the implicit section of a plan without headings', () => {
    for (const section of s.plan.sections) {
      const page = join(s.dist, s.P, 'sections', String(section.number), 'index.html');
      expect(existsSync(page), `section ${section.number}`).toBe(!section.implicit);
    }
    const home = text(s.doc(`${s.P}index.html`));
    if (s.plan.sections.every((x) => x.implicit)) {
      expect(home).not.toMatch(/个方面|第一部分|第.部分/u);
      expect(s.doc(`${s.P}full/index.html`).querySelectorAll('.section-title').length).toBe(0);
      // The item's breadcrumb: the plan, then the item; no section between them.
      expect(s.doc(`${s.P}items/${s.plan.items[0]!.id}/index.html`).querySelectorAll('nav[aria-label="当前位置"] li').length).toBe(2);
    }
  });

  it('shows the plan’s years, a span as a span, on the archive home and in the plan’s short title', () => {
    const years = s.entry.yearTo === undefined ? `${s.entry.year}年` : `${s.entry.year}—${s.entry.yearTo}年`;
    expect(text(s.doc('index.html'))).toContain(`${years} · ${s.plan.title}`);
  });

  it('marks its pages in the script the plan is printed in, and shows the title as printed', () => {
    const traditional = name === 'traditional';
    for (const rel of s.planPages) expect(s.doc(rel).documentElement.getAttribute('lang'), rel).toBe(traditional ? 'zh-Hant' : 'zh-CN');
    expect(s.doc('index.html').documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(text(s.doc(`${s.P}index.html`))).toContain(s.plan.title);
  });

  describe('in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await serveStatic(s.dist, '/');
      browser = await sharedChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('has no axe violations on the plan’s home, first item, and first section page (else full text)', async () => {
      // Three pages a family changes most; the seed's browser tests check every kind of page.
      const firstSection = s.plan.sections.find((x) => !x.implicit);
      const paths = ['', `items/${s.plan.items[0]!.id}/`, firstSection ? `sections/${firstSection.number}/` : 'full/'];
      const found: string[] = [];
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      for (const path of paths) {
        const page = await context.newPage();
        await page.goto(`${server.url}${s.P}${path}`);
        for (const v of await axeViolations(page, { 'target-size': { enabled: true } })) found.push(`${path}: ${v}`);
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  });
});

describe('what each family shows', () => {
  it('three levels: a section page groups its items under their （一） subsection headings', () => {
    const s = site('three-levels');
    const section = s.plan.sections.find((x) => (x.subsections?.length ?? 0) > 0)!;
    expect(section).toBeDefined();
    const headings = [...s.doc(`${s.P}sections/${section.number}/index.html`).querySelectorAll('main h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(section.subsections!.map((sub) => `${sub.numberText}${sub.title}`));
  });

  it('three levels with a span of years: the id names the span', () => {
    const s = site('three-levels');
    expect(s.entry.yearTo).toBeGreaterThan(s.entry.year);
    expect(s.entry.id).toBe(`${s.entry.year}-${s.entry.yearTo}`);
  });

  it('a first section of prose: its page shows its paragraphs and no count of items; the home lists no items under it', () => {
    const s = site('prose-first-section');
    const prose = s.plan.sections.find((x) => x.items.length === 0)!;
    expect(prose.intro?.length).toBeGreaterThan(0);
    const page = s.doc(`${s.P}sections/${prose.number}/index.html`);
    for (const p of prose.intro!) expect(text(page)).toContain(p);
    expect(text(page)).not.toMatch(/共\s*0\s*项/u);
    expect(page.querySelectorAll('main ol').length).toBe(0);
  });

  it('牵头单位 and 配合单位: each list shows both labels as official text and links every unit, leads marked 牵头', () => {
    const s = site('lead-partner-deadline');
    const partnered = s.plan.items.filter((i) => i.source.units?.partner);
    expect(partnered.length).toBeGreaterThan(0);
    for (const item of partnered) {
      const units = s.doc(`${s.P}items/${item.id}/index.html`).getElementById('units')!;
      expect(units.closest('[data-official]')).not.toBeNull();
      expect(units.textContent).toContain(item.source.units!.partner!.label);
      expect(units.querySelectorAll('a.unit').length).toBe(item.responsible!.units.length);
      const leads = item.responsible!.units.filter((u) => u.lead).length;
      expect(units.querySelectorAll('.badge-lead').length).toBe(leads);
    }
  });

  it('a 完成时限 printed below the 责任单位 follows them on the item page', () => {
    const s = site('lead-partner-deadline');
    const item = s.plan.items.find((i) => i.source.units?.beforeField !== undefined)!;
    expect(item).toBeDefined();
    const d = s.doc(`${s.P}items/${item.id}/index.html`);
    const units = d.getElementById('units')!;
    const after = item.fields[item.source.units!.beforeField!]!;
    const label = [...d.querySelectorAll('.field-label')].find((h) => h.textContent === after.label)!;
    expect(label).toBeDefined();
    // In document order: the units, then the field printed below them.
    const order = [...d.querySelectorAll('#units, .field-label')];
    expect(order.indexOf(label)).toBeGreaterThan(order.indexOf(units));
    expect(order.indexOf(units)).toBeGreaterThanOrEqual(0);
  });

  it('traditional characters: the search tables turn a simplified query into the characters the plan prints', () => {
    const s = site('traditional');
    const aids = readFileSync(join(s.dist, 'search-aids.js'), 'utf8');
    const table = JSON.parse(aids.slice(aids.indexOf('=') + 1).trim().replace(/;$/u, '')) as { traditional?: Record<string, string> };
    // 大班額 is printed in item 3; typed 大班额 it must be read as printed.
    expect(JSON.stringify(s.plan)).toContain('大班額');
    expect(table.traditional?.['额']).toBe('額');
  });
});
