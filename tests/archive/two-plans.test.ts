/**
 * Two plans built together (the test archive: tests/support/test-archive.ts): each plan has its own pages,
 * titles, downloads and data, no page of one carries the other's title, and the compare page tags every item of
 * the test edition as its README says. Also: the default build published neither the test edition nor a compare
 * page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadPaths, planOutputs } from '../../src/contract/outputs.ts';
import type { ArchiveEntry } from '../../src/config/archive-entry.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { BASE, builtArchive, DIST } from '../support/dist.ts';
import { htmlFiles, loadDocument } from '../support/html.ts';
import { pdfInfo } from '../support/pdf.ts';
import { NEW_ITEM } from '../fixtures/editions/2021-test-edition.ts';

const dist = DIST;
let older: ArchiveEntry;
let newer: ArchiveEntry;

beforeAll(() => {
  const archive = builtArchive();
  expect(archive).toHaveLength(2);
  [newer, older] = archive as [ArchiveEntry, ArchiveEntry];
});

/** A page's text with the parts that name other plans on purpose left out: the superseded banner. */
function ownText(file: string): string {
  const doc = loadDocument(file);
  for (const el of doc.querySelectorAll('.superseded')) el.remove();
  return stripWhitespace(`${doc.title} ${doc.body.textContent ?? ''}`);
}

describe('two plans in one site', () => {
  it('gives each plan its own pages: an item page per item, sections, offices, full text', () => {
    for (const e of [older, newer]) {
      const pages = htmlFiles(join(dist, e.id));
      for (const item of e.plan.items) expect(pages, `${e.id} item ${item.id}`).toContain(`items/${item.id}/index.html`);
      expect(pages.filter((p) => /^items\/[^/]+\/index\.html$/u.test(p))).toHaveLength(e.plan.items.length);
      for (const o of e.plan.offices) expect(pages).toContain(`offices/${o.slug}/index.html`);
      expect(pages).toContain('full/index.html');
    }
    expect(older.plan.items.length).not.toBe(newer.plan.items.length);
  });

  it('titles every page of a plan after that plan, and never names the other plan’s title', () => {
    for (const [e, other] of [[older, newer], [newer, older]] as const) {
      const otherTitle = stripWhitespace(other.plan.title);
      for (const rel of htmlFiles(join(dist, e.id))) {
        const file = join(dist, e.id, rel);
        const doc = loadDocument(file);
        if (doc.querySelector('meta[http-equiv="refresh"]')) continue;
        expect(doc.title, `${e.id}/${rel}`).toContain(`${e.year}年`);
        expect(doc.title, `${e.id}/${rel}`).not.toContain(`${other.year}年`);
        expect(ownText(file).includes(otherTitle), `${e.id}/${rel} names ${other.id}’s title`).toBe(false);
      }
    }
  });

  it('marks the older plan as replaced by the newer one, and /current/ sends readers to the newer', () => {
    const home = loadDocument(join(dist, older.id, 'index.html'));
    expect(home.querySelector('.superseded a')?.getAttribute('href')).toMatch(new RegExp(`/${newer.id}/$`, 'u'));
    expect(loadDocument(join(dist, newer.id, 'index.html')).querySelector('.superseded')).toBeNull();
    expect(loadDocument(join(dist, 'current/index.html')).querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toMatch(new RegExp(`/${newer.id}/$`, 'u'));
  });

  it('gives each plan its own downloads and data, named after its own file, the PDFs titled after it', () => {
    for (const [e, other] of [[older, newer], [newer, older]] as const) {
      for (const out of planOutputs(e)) expect(existsSync(join(dist, out.path)), out.path).toBe(true);
      expect(e.downloadStem).not.toBe(other.downloadStem);
      expect(readdirSync(join(dist, e.id, 'downloads')).every((f) => f.startsWith(e.downloadStem))).toBe(true);
      expect(pdfInfo(join(dist, downloadPaths(e).pdf)).Title).toBe(e.plan.title);
      const data = JSON.parse(readFileSync(join(dist, e.id, 'data/plan.json'), 'utf8')) as { title: string; items: unknown[] };
      expect([data.title, data.items.length]).toEqual([e.plan.title, e.plan.items.length]);
      const links = [...loadDocument(join(dist, e.id, 'data/index.html')).querySelectorAll('main a[download]')].map((a) => a.getAttribute('href') ?? '');
      expect(links.length).toBeGreaterThanOrEqual(3);
      for (const href of links) expect(href, href).toContain(`/${e.id}/downloads/${e.downloadStem}`);
    }
  });

  it('lists the offices across both plans, with the years each has items in', () => {
    const shared = older.plan.offices.find((o) => newer.plan.offices.some((n) => n.slug === o.slug))!;
    const text = loadDocument(join(dist, 'offices/index.html')).body.textContent ?? '';
    const line = text.split('\n').find((l) => l.includes(shared.name)) ?? '';
    expect(line).toContain(`${older.year}年`);
    expect(line).toContain(`${newer.year}年`);
  });
});

describe('the compare page', () => {
  const page = () => loadDocument(join(dist, `compare/${older.id}/${newer.id}/index.html`));
  /** The entry of the seed's item n (older edition), or of the new item. */
  const entryOf = (doc: Document, olderItem: string) =>
    [...doc.querySelectorAll('li[data-tag]')].find((li) => li.querySelector(`a[href$="/${older.id}/items/${olderItem}/"]`));

  it('is linked from the archive home and tags each item as the test edition made it', () => {
    expect(loadDocument(join(dist, 'index.html')).querySelector(`a[href$="/compare/${older.id}/${newer.id}/"]`)).not.toBeNull();
    const doc = page();
    const tagOf = (n: string) => entryOf(doc, n)?.getAttribute('data-tag');
    // As tests/fixtures/editions/README.md lists them.
    expect(['11', '22'].map(tagOf)).toEqual(['删除', '删除']);
    expect(['1', '16', '24'].map(tagOf)).toEqual(['调整', '调整', '调整']);
    expect(['25', '5', '28', '2'].map(tagOf)).toEqual(['延续', '延续', '延续', '延续']);
    const added = [...doc.querySelectorAll('li[data-tag="新增"]')];
    expect(added).toHaveLength(1);
    expect(added[0]!.textContent).toContain(NEW_ITEM.title);
    // The tag is written out, not only coloured.
    for (const li of doc.querySelectorAll('li[data-tag]')) expect(li.querySelector('.change-tag')?.textContent).toBe(li.getAttribute('data-tag'));
  });

  it('links every kept item to its counterpart, and every link resolves', () => {
    const doc = page();
    for (const li of doc.querySelectorAll('li[data-tag="延续"], li[data-tag="调整"]')) {
      const links = [...li.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      expect(links.some((h) => h.includes(`/${newer.id}/items/`)) && links.some((h) => h.includes(`/${older.id}/items/`)), li.textContent ?? '').toBe(true);
    }
    for (const a of doc.querySelectorAll('main a[href^="/"]')) {
      const path = new URL(a.getAttribute('href')!, 'http://x').pathname;
      expect(path.startsWith(BASE) && existsSync(join(dist, path.slice(BASE.length), path.endsWith('/') ? 'index.html' : '')), path).toBe(true);
    }
    expect(entryOf(doc, '25')?.textContent).toContain('所在部分由');
  });

  it('marks the word changes of an adjusted item with <del>/<ins> and text labels', () => {
    const li = entryOf(page(), '16')!;
    expect([...li.querySelectorAll('del')].map((d) => d.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('〔删〕'), expect.stringMatching(/2020|93/u)]));
    expect([...li.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(expect.arrayContaining([expect.stringMatching(/2021|95/u)]));
    for (const mark of li.querySelectorAll('del, ins')) expect(mark.querySelector('.diff-label')?.textContent).toMatch(/^〔[删增]〕$/u);
  });

  it('is valid HTML with one h1, as every page of the site', async () => {
    const rel = `compare/${older.id}/${newer.id}/index.html`;
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
    const report = await validator.validateString(readFileSync(join(dist, rel), 'utf8'), rel);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(page().querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows what changed for each office, and publishes the same alignment as alignment.json', () => {
    const doc = page();
    const office = doc.querySelector('section[data-office="职成处"]');
    expect(office?.textContent).toContain(NEW_ITEM.title);
    const json = JSON.parse(readFileSync(join(dist, `compare/${older.id}/${newer.id}/alignment.json`), 'utf8')) as { counts: Record<string, number>; entries: { tag: string }[] };
    for (const tag of ['新增', '延续', '调整', '删除']) expect(doc.querySelectorAll(`li[data-tag="${tag}"]`).length, tag).toBe(json.counts[tag]);
    expect(json.counts['删除']).toBe(2);
    expect(json.entries).toHaveLength(doc.querySelectorAll('li[data-tag]').length);
  });
});

describe('the default build', () => {
  it('publishes the seed alone: no test edition, no compare page', () => {
    expect(builtArchive('content').map((e) => e.id)).toHaveLength(1);
    expect(existsSync(join('dist', newer.id))).toBe(false);
    expect(existsSync(join('dist', 'compare'))).toBe(false);
  });
});
