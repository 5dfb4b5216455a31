/**
 * Head metadata on the built site: one JSON-LD graph on every page that parses, names the plan's document as
 * Legislation with the plan's own facts, makes each item page a part of it, repeats the breadcrumb the page
 * shows, and describes the open-data page as a Dataset whose distributions are real files; Dublin Core tags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInline } from '../../src/publish/deploy/csp.ts';
import { currentEntry, DIST, SITE, BASE, fileForPath } from '../support/dist.ts';
import { htmlFiles, loadDocument } from '../support/html.ts';
import { nonEmpty } from '../support/non-empty.ts';

type Node = Record<string, unknown> & { '@type': string; '@id'?: string };
const { plan, id } = currentEntry();
const abs = (path: string) => `${SITE}${BASE}${path}`;
let pages: string[];

/** The page's JSON-LD graph (failing unless there is exactly one script and it parses). */
function graph(rel: string): Node[] {
  const scripts = [...loadDocument(join(DIST, rel)).querySelectorAll('script[type="application/ld+json"]')];
  expect(scripts, rel).toHaveLength(1);
  const data = JSON.parse(scripts[0]!.textContent!) as { '@context': string; '@graph': Node[] };
  expect(data['@context']).toBe('https://schema.org');
  return data['@graph'];
}
const ofType = (g: Node[], type: string) => g.filter((n) => n['@type'] === type);

beforeAll(() => {
  pages = htmlFiles(DIST).filter((rel) => !loadDocument(join(DIST, rel)).querySelector('meta[http-equiv="refresh"]'));
});

describe('JSON-LD', () => {
  it('is on every page, parses, and has the web page with its own address', () => {
    for (const rel of nonEmpty(pages, 'pages')) {
      const g = graph(rel);
      const page = ofType(g, 'WebPage');
      expect(page, rel).toHaveLength(1);
      const canonical = loadDocument(join(DIST, rel)).querySelector('link[rel="canonical"]')!.getAttribute('href');
      expect(page[0]!.url, rel).toBe(canonical);
    }
  });

  it('describes the plan on each of its pages as Legislation, from the document: title, issuing bodies, 成文日期, legal force', () => {
    const n = plan.notice!;
    for (const rel of nonEmpty(pages.filter((r) => r.startsWith(`${id}/`)), `pages under /${id}/`)) {
      const [doc] = ofType(graph(rel), 'Legislation').filter((l) => l['@id'] === `${abs(`${id}/`)}#document`);
      expect(doc, rel).toBeDefined();
      expect(doc!.name).toBe(plan.title);
      expect(doc!.legislationDate).toBe(n.isoDate);
      expect(doc!.datePublished).toBe(n.isoDate);
      expect((doc!.author as { name: string }[]).map((a) => a.name)).toEqual(n.signatories);
      expect((doc!.legislationPassedBy as { name: string }[]).map((a) => a.name)).toEqual(n.signatories);
      expect(doc!.legislationLegalForce).toBe('https://schema.org/InForce');
      // The seed has no 发文字号, so the graph claims none.
      expect(doc!.legislationIdentifier).toBeUndefined();
    }
  });

  it('makes each item page a part of the document, as the page’s main entity, and lists every item as a part on the home page', () => {
    for (const item of nonEmpty(plan.items, 'items')) {
      const url = abs(`${id}/items/${item.id}/`);
      const g = graph(`${id}/items/${item.id}/index.html`);
      const part = g.find((n) => n['@id'] === `${url}#item`)!;
      expect(part['@type']).toBe('Legislation');
      expect(part.isPartOf).toEqual({ '@id': `${abs(`${id}/`)}#document` });
      expect(part.name).toBe(`${item.source.numberText.trim()} ${item.title}`);
      expect(ofType(g, 'WebPage')[0]!.mainEntity).toEqual({ '@id': `${url}#item` });
    }
    const home = graph(`${id}/index.html`).find((n) => n['@id'] === `${abs(`${id}/`)}#document`)!;
    expect(home.hasPart).toEqual(plan.items.map((i) => ({ '@id': `${abs(`${id}/items/${i.id}/`)}#item` })));
  });

  it('repeats the breadcrumb each page shows, in order, with absolute addresses', () => {
    let checked = 0;
    for (const rel of nonEmpty(pages, 'pages')) {
      const d = loadDocument(join(DIST, rel));
      const shown = [...d.querySelectorAll('nav[aria-label="当前位置"] li')].map((li) => {
        const a = li.querySelector('a');
        return { name: li.textContent!.replace('›', '').trim(), item: a ? new URL(a.getAttribute('href')!, abs('')).href : d.querySelector('link[rel="canonical"]')!.getAttribute('href') };
      });
      const crumb = ofType(graph(rel), 'WebPage')[0]!.breadcrumb as { '@type': string; itemListElement: { position: number; name: string; item: string }[] } | undefined;
      if (shown.length === 0) {
        expect(crumb, rel).toBeUndefined();
        continue;
      }
      expect(crumb!['@type']).toBe('BreadcrumbList');
      expect(crumb!.itemListElement.map(({ name, item }) => ({ name, item })), rel).toEqual(shown);
      expect(crumb!.itemListElement.map((e) => e.position)).toEqual(shown.map((_, i) => i + 1));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(plan.items.length);
  });

  it('describes the open-data page as a Dataset whose every distribution is a file the build wrote', () => {
    const [dataset] = ofType(graph(`${id}/data/index.html`), 'Dataset');
    const files = (dataset!.distribution as { contentUrl: string; encodingFormat: string; name: string }[]);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['plan.json', 'items.csv', 'offices.csv', 'responsibilities.csv', 'plan.schema.json']));
    expect(files.filter((f) => f.encodingFormat === 'application/pdf')).toHaveLength(2);
    expect(files.filter((f) => f.encodingFormat === 'application/zip')).toHaveLength(1);
    for (const f of nonEmpty(files, 'distributions')) {
      expect(f.contentUrl.startsWith(abs(`${id}/`)), f.contentUrl).toBe(true);
      const file = fileForPath(new URL(f.contentUrl).pathname);
      expect(file && existsSync(file), f.contentUrl).toBe(true);
    }
    // The page links every one of them.
    const links = new Set([...loadDocument(join(DIST, id, 'data/index.html')).querySelectorAll('main a[href]')].map((a) => new URL(a.getAttribute('href')!, abs('')).href));
    for (const f of files) expect(links.has(f.contentUrl), f.contentUrl).toBe(true);
  });

  it('needs no CSP hash: it is data, not script (the two hashes are the page script’s and the 关怀模式 head script’s)', () => {
    const html = readFileSync(join(DIST, id, `items/${plan.items[0]!.id}/index.html`), 'utf8');
    const found = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    collectInline(html, found);
    expect(found.scripts.size).toBe(2);
    expect((html.match(/<script(?![^>]*type="application\/ld\+json")(?![^>]*src=)[^>]*>/gu) ?? []).length).toBe(2);
  });
});

describe('Dublin Core', () => {
  it('names the document on each plan page: title, each issuing body, 成文日期', () => {
    const n = plan.notice!;
    for (const rel of nonEmpty(pages.filter((r) => r.startsWith(`${id}/`)), `pages under /${id}/`)) {
      const d = loadDocument(join(DIST, rel));
      const meta = (name: string) => [...d.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content'));
      expect(meta('DC.title'), rel).toEqual([plan.title]);
      expect(meta('DC.creator')).toEqual(n.signatories);
      expect(meta('DC.date')).toEqual([n.isoDate]);
      expect(meta('DC.identifier')).toEqual([]);
      expect(d.querySelector('link[rel="schema.DC"]')?.getAttribute('href')).toBe('http://purl.org/dc/elements/1.1/');
    }
  });
});
