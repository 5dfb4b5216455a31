/**
 * The PDF of the whole plan (dist/<id>/downloads/*.pdf, of the current plan): every item title, 目标任务 for each of the 33 items,
 * every goals paragraph whole, fonts embedded, title metadata, page numbers, bookmarks, tagged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { BASE, currentEntry, DIST, SITE } from '../support/dist.ts';
import { pdfDestinations } from '../../src/publish/pdf/pdf-info.ts';
import { sectionHeading } from '../../src/plan/to-text.ts';
import { pdfBookmarks, pdfFonts, pdfInfo, pdfPages, pdfText } from '../support/pdf.ts';
import { fieldParagraphs } from '../../src/plan/extract.ts';
import { pdfQrCodes } from '../support/qr.ts';

const entry = currentEntry();
const { plan } = entry;
const downloads = join(DIST, entry.id, 'downloads');
// The reading PDF; the 公文版 (-gbt9704.pdf) has its own checks in gbt9704.test.ts.
const pdfs = readdirSync(downloads).filter((f) => f.endsWith('.pdf') && !f.endsWith('-gbt9704.pdf'));
const path = join(downloads, pdfs[0] ?? 'missing.pdf');

describe('the PDF of the whole plan', () => {
  it('exists, one file, A4, tagged, with the plan title as its Title', () => {
    expect(pdfs).toHaveLength(1);
    const info = pdfInfo(path);
    expect(info.Title).toBe(plan.title);
    expect(info['Page size']).toMatch(/A4/u);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThan(15);
  });

  const info = pdfs.length ? pdfInfo(path) : { Pages: '0' };
  const pages = Number(info.Pages);
  const raw = pdfs.length ? pdfText(path) : '';
  // Page numbers are printed as “n / N” in the bottom margin.
  let text = stripWhitespace(raw);
  for (let n = pages; n >= 1; n--) text = text.replaceAll(`${n}/${pages}`, '');

  it('holds every item title and 目标任务 for each of the 33 items', () => {
    expect(plan.items.length).toBeGreaterThan(0);
    for (const item of plan.items) expect(text, `item ${item.number}`).toContain(stripWhitespace(item.title));
    expect(text.split('目标任务：').length - 1).toBe(plan.items.length);
  });

  it('holds every goals paragraph whole, page breaks inside sentences joined', () => {
    for (const item of plan.items) expect(text, `item ${item.number}`).toContain(stripWhitespace(fieldParagraphs(item, 'goals').join('')));
    expect(text).toContain(stripWhitespace(plan.closing!.paragraphs[0]!));
  });

  it('numbers every page', () => {
    // A missing PDF has 0 pages and no numbers: it must not pass as “every one of its 0 pages numbered”.
    expect(pages, path).toBeGreaterThan(15);
    const numbers = stripWhitespace(raw).match(new RegExp(`\\d+/${pages}`, 'gu')) ?? [];
    expect(numbers.length).toBe(pages);
  });

  it('embeds every font, as named TrueType (CID) fonts, no unnamed Type 3 glyph sets', () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    // The machine has the TrueType 宋 and 黑 faces (scripts/ensure-system-packages.sh installs them).
    expect(fonts.filter((f) => f.type.startsWith('Type 3'))).toEqual([]);
    expect(fonts.every((f) => f.type === 'CID TrueType' && !f.name.startsWith('[none]'))).toBe(true);
  });

  it('has bookmarks (an outline) for navigation', () => {
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).toMatch(/\/Outlines\s+\d+\s+0\s+R/u);
    expect((bytes.match(/\/Parent\s+\d+\s+0\s+R/gu) ?? []).length).toBeGreaterThan(plan.items.length);
  });

  // Page by page, whitespace removed, without the “n / N” page number.
  const pageTexts = pdfs.length ? pdfPages(path).map((p) => stripWhitespace(p).replace(new RegExp(`\\d+/${pages}$`, 'u'), '')) : [];
  const itemHeading = (n: number) => {
    const item = plan.items.find((i) => i.number === n)!;
    return stripWhitespace(`${item.source.numberText}${item.title}`);
  };

  it('opens with the notice, then the contents, then the plan; each section starts a page', () => {
    expect(pageTexts[0]).toContain(stripWhitespace(plan.notice!.title!));
    expect(pageTexts[1]!.startsWith('目录')).toBe(true);
    expect(pageTexts[2]!.startsWith(stripWhitespace(plan.title))).toBe(true);
    for (const section of plan.sections) {
      const heading = stripWhitespace(sectionHeading(section));
      expect(pageTexts.some((p) => p.startsWith(heading)), heading).toBe(true);
    }
  });

  it('leads a printed copy back online: the QR code of /full/’s permanent address on its first page, the address beside it, once', () => {
    const permanent = `${SITE}${BASE}${entry.id}/full/`;
    expect(pdfQrCodes(path, { dpi: 100, first: 1, last: 1 })).toEqual([permanent]);
    const pagesWithAddress = pdfPages(path).filter((p) => stripWhitespace(p).includes(permanent));
    expect(pagesWithAddress).toHaveLength(1);
    expect(stripWhitespace(pdfPages(path)[0]!)).toContain(permanent);
    expect(text.split('扫描二维码').length - 1).toBe(1);
  });

  it('leaves no heading at the foot of a page', () => {
    const headings = [
      ...plan.sections.map((s) => stripWhitespace(sectionHeading(s))),
      ...plan.items.map((i) => itemHeading(i.number)),
      // The labels the plan prints (目标任务：, 责任单位： …), each as printed, colon included.
      ...new Set(plan.items.flatMap((i) => [...i.fields.map((f) => f.label), i.source.units?.label ?? ''].filter(Boolean).map(stripWhitespace))),
    ];
    expect(pageTexts.length, path).toBeGreaterThan(3);
    pageTexts.slice(2, -1).forEach((text, i) => {
      for (const heading of headings) expect(text.endsWith(heading), `page ${i + 3} ends with ${heading}`).toBe(false);
    });
  });

  it('gives in its contents the page where each section and item begins', () => {
    const contents = pdfPages(path, { layout: true })[1]!.split('\n');
    const pageOf = (label: string) => {
      const line = contents.find((l) => stripWhitespace(l).startsWith(label));
      expect(line, `contents entry ${label}`).toBeDefined();
      return Number(/(\d+)\s*$/u.exec(line!)?.[1]);
    };
    expect(plan.items.length * plan.sections.length).toBeGreaterThan(0);
    for (const item of plan.items) {
      const page = pageOf(`${item.number}.${stripWhitespace(item.title)}`);
      expect(pageTexts[page - 1], `item ${item.number} on page ${page}`).toContain(itemHeading(item.number));
    }
    for (const section of plan.sections) {
      const heading = stripWhitespace(sectionHeading(section));
      expect(pageTexts[pageOf(heading) - 1]!.startsWith(heading), heading).toBe(true);
    }
  });

  it('has bookmarks for the notice, contents, plan, sections and items, and no field labels', async () => {
    const bookmarks = pdfBookmarks(path);
    const titles = bookmarks.map((b) => stripWhitespace(b.title));
    expect(titles).toEqual(
      [plan.notice!.title!, '目录', plan.title, ...plan.sections.flatMap((s) => [sectionHeading(s), ...s.items.map((n) => itemHeading(n))])].map(stripWhitespace),
    );
    const depth = new Map(bookmarks.map((b) => [stripWhitespace(b.title), b.depth]));
    expect(depth.get(itemHeading(1))).toBe((depth.get(stripWhitespace(sectionHeading(plan.sections[0]!))) ?? 0) + 1);
    const destinations = await pdfDestinations(path);
    for (const item of plan.items) {
      const bookmark = bookmarks.find((b) => stripWhitespace(b.title) === itemHeading(item.number))!;
      expect(bookmark.page, `item ${item.number}`).toBe(destinations.get(`item-${item.number}`));
    }
  });
});
