/**
 * The 公文版 of the current plan (dist/<id>/downloads/*-gbt9704.pdf), read back with poppler: GB/T 9704-2012 geometry (margins, grid of
 * 22 lines of 28 characters, page numbers), fonts by heading level, metadata, bookmarks, and its text, which
 * must be the official text exactly (whitespace aside).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadPaths } from '../../src/contract/outputs.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { planToText, sectionHeading } from '../../src/plan/to-text.ts';
import { CELL_MM, GEOMETRY, LINE_PITCH_MM } from '../../src/publish/pdf/geometry.ts';
import { officialDocumentToText, planToOfficialDocument } from '../../src/publish/pdf/official-document.ts';
import { currentEntry, DIST } from '../support/dist.ts';
import { pdfBookmarks, pdfFonts, pdfInfo, pdfLines, pdfPages, pdfTextFonts, type PdfLine } from '../support/pdf.ts';
import { pdfQrCodes } from '../support/qr.ts';

const entry = currentEntry();
const { plan } = entry;
const path = join(DIST, downloadPaths(entry).gbt9704Pdf);
const exists = existsSync(path);
const PT_MM = 25.4 / 72;
const BLOCK_BOTTOM = GEOMETRY.top + GEOMETRY.blockHeight;
const BLOCK_RIGHT = GEOMETRY.left + GEOMETRY.blockWidth;

const lines = exists ? pdfLines(path) : [];
const pageNumberText = (l: PdfLine) => l.words.join(' ');
const isPageNumber = (l: PdfLine) => l.top > BLOCK_BOTTOM;
const body = lines.filter((l) => !isPageNumber(l));
const pages = exists ? Number(pdfInfo(path).Pages) : 0;
const bodyOf = (page: number) => body.filter((l) => l.page === page).sort((a, b) => a.top - b.top);
/** A CJK full-width character (ideographs and full-width punctuation), i.e. one cell of the grid. */
const fullWidth = (c: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2014\u201c\u201d]/u.test(c);

describe('the 公文版 PDF', () => {
  it('exists, A4, tagged, with the notice title as its Title and the fonts named in its metadata', () => {
    expect(exists, path).toBe(true);
    const info = pdfInfo(path);
    expect(info.Title).toBe(plan.notice!.title!);
    expect(info['Page size']).toMatch(/A4/u);
    expect(info.Tagged).toBe('yes');
    for (const f of pdfFonts(path)) expect(info.Keywords, f.name).toContain(f.name.replace(/^[A-Z]{6}\+/u, ''));
    expect(info.Subject).toMatch(/仿宋/u);
  });

  it('embeds only named TrueType (CID) fonts, no Type 3', () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.type === 'Type 3' || !f.embedded || f.name === '[none]')).toEqual([]);
    for (const f of fonts) expect(f.type).toBe('CID TrueType');
  });

  it('sets the text block 28 mm from the left edge and its first line 37 mm from the top', () => {
    // Page 3 onwards is the attachment's running text; a missing PDF has no pages and must not pass here.
    expect(pages, path).toBeGreaterThan(3);
    for (let page = 3; page < pages; page++) {
      const rows = bodyOf(page);
      expect(Math.abs(Math.min(...rows.map((l) => l.left)) - GEOMETRY.left), `page ${page} left`).toBeLessThanOrEqual(1);
      expect(Math.abs(rows[0]!.top - GEOMETRY.top), `page ${page} first line top ${rows[0]!.top}`).toBeLessThanOrEqual(1);
      expect(Math.max(...rows.map((l) => l.right)), `page ${page} right edge`).toBeLessThanOrEqual(BLOCK_RIGHT + 0.5);
    }
  });

  it('keeps lines on a 225/22 mm pitch, 22 to a full page', () => {
    let full = 0;
    expect(pages, path).toBeGreaterThan(3);
    for (let page = 3; page < pages; page++) {
      const rows = bodyOf(page);
      expect(rows.length, `page ${page}`).toBeLessThanOrEqual(GEOMETRY.lines);
      if (rows.length === GEOMETRY.lines) full += 1;
      // Lines in the body font (the same glyph box height as the page's first line) are compared; a 黑体 line's
      // box differs by its font's ascent, not by its position.
      const heights = rows.map((l) => (l.bottom - l.top).toFixed(1));
      const height = Number(heights.sort((a, b) => heights.filter((h) => h === b).length - heights.filter((h) => h === a).length)[0]);
      const same = rows.filter((l) => Math.abs(l.bottom - l.top - height) < 0.1);
      expect(same.length).toBeGreaterThan(rows.length / 2);
      same.slice(1).forEach((l, i) => {
        const steps = (l.top - same[i]!.top) / LINE_PITCH_MM;
        // Every line sits on the grid: a whole number of pitches below the one before (±0.3 mm).
        expect(Math.abs(l.top - same[i]!.top - Math.round(steps) * LINE_PITCH_MM), `page ${page} line ${i + 2}`).toBeLessThanOrEqual(0.3);
        expect(Math.round(steps)).toBeGreaterThanOrEqual(1);
      });
    }
    expect(full).toBeGreaterThan(pages / 2);
  });

  it('sets 28 characters on a full line, filling 156 mm', () => {
    const fullLines = body.filter((l) => l.page > 1 && l.right - l.left > GEOMETRY.blockWidth - CELL_MM / 2 && [...l.words.join('')].every(fullWidth));
    expect(fullLines.length).toBeGreaterThan(100);
    const counts = fullLines.map((l) => [...l.words.join('')].length);
    // Never more than 28; fewer only where characters were carried over so that no line starts with 。，、 or
    // ends with （“《, or a number is not split (the line is then justified to the full width).
    expect(Math.max(...counts)).toBe(GEOMETRY.charsPerLine);
    expect(counts.filter((n) => n === GEOMETRY.charsPerLine).length / counts.length).toBeGreaterThan(0.85);
    const widths = fullLines.map((l) => l.right - l.left);
    expect(Math.max(...widths)).toBeLessThanOrEqual(GEOMETRY.blockWidth + 0.5);
  });

  it('indents paragraphs by two characters', () => {
    const firstLineOf = (text: string) => body.find((l) => stripWhitespace(l.words.join('')).startsWith(stripWhitespace(text).slice(0, 8)))!;
    const goals = firstLineOf(`${plan.items[0]!.fields[0]!.label}${plan.items[0]!.fields[0]!.paragraphs[0]}`);
    expect(goals.left - GEOMETRY.left).toBeCloseTo(2 * CELL_MM, 0);
  });

  it('numbers every page “— N —” in 4号, 7 mm under the block, odd pages right and even pages left, one character in', () => {
    const numbers = lines.filter(isPageNumber);
    expect(numbers.length, path).toBeGreaterThan(0);
    expect(numbers.map((l) => l.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    const inset = GEOMETRY.pageNumberPt * PT_MM;
    for (const l of numbers) {
      expect(pageNumberText(l)).toBe(`— ${l.page} —`);
      expect(Math.abs(l.top - (BLOCK_BOTTOM + GEOMETRY.pageNumberGap)), `page ${l.page} number top ${l.top}`).toBeLessThanOrEqual(1);
      if (l.page % 2 === 1) expect(Math.abs(l.right - (BLOCK_RIGHT - inset)), `page ${l.page} right`).toBeLessThanOrEqual(1);
      else expect(Math.abs(l.left - (GEOMETRY.left + inset)), `page ${l.page} left`).toBeLessThanOrEqual(1);
    }
  });

  const runs = exists ? pdfTextFonts(path) : [];
  const fontOf = (text: string) => runs.find((r) => stripWhitespace(r.text).startsWith(stripWhitespace(text).slice(0, 10)));
  const bodyFont = () => fontOf(plan.items[0]!.fields[0]!.label)?.font;

  it('sets headings by level: 一、 in 黑体, 1. in the body font (仿宋 or its stand-in), titles in 2号', () => {
    const info = pdfInfo(path);
    const hei = /黑体: [^(]+\(([^,]+),/u.exec(info.Keywords!)![1]!;
    const fangsong = /仿宋: [^(]+\(([^,]+),/u.exec(info.Keywords!)![1]!;
    expect(plan.sections.length * plan.items.length).toBeGreaterThan(0);
    for (const s of plan.sections) expect(fontOf(sectionHeading(s))?.font, sectionHeading(s)).toBe(hei);
    for (const i of plan.items) expect(fontOf(`${i.source.numberText}${i.title}`)?.font, i.title).toBe(fangsong);
    expect(bodyFont()).toBe(fangsong);
    // The 附件 mark is printed only where the document has one (the seed, as published, has none).
    if (plan.mark) expect(fontOf(plan.mark)?.font).toBe(hei);
    else expect(runs.some((r) => stripWhitespace(r.text) === '附件')).toBe(false);
    const title = fontOf(plan.notice!.title!)!;
    const para = fontOf(plan.items[0]!.fields[0]!.label)!;
    expect(title.size / para.size).toBeCloseTo(22 / 16, 1);
  });

  it('has bookmarks for the notice, the attachment, its sections and items', () => {
    const titles = pdfBookmarks(path).map((b) => stripWhitespace(b.title));
    const itemHeading = (n: number) => {
      const item = plan.items.find((i) => i.number === n)!;
      return `${item.source.numberText}${item.title}`;
    };
    expect(titles).toEqual([plan.notice!.title!, plan.title, ...plan.sections.flatMap((s) => [sectionHeading(s), ...s.items.map(itemHeading)])].map(stripWhitespace));
  });

  it('starts the plan on a new page, with its 附件 mark at the top left where the document has one', () => {
    const first = bodyOf(2)[0]!;
    if (plan.mark) {
      expect(first.words.join('')).toBe(plan.mark);
      expect(Math.abs(first.left - GEOMETRY.left)).toBeLessThanOrEqual(1);
    } else expect(stripWhitespace(first.words.join(''))).toBe(stripWhitespace(plan.title).slice(0, stripWhitespace(first.words.join('')).length));
  });

  it('carries no QR code on any page: the website’s address is not part of the official text', () => {
    // 100 dpi reads the reading PDF's code (pdf.test.ts); each page takes jsQR most of a second.
    const codes = pdfQrCodes(path, { dpi: 100 });
    expect(codes).toHaveLength(pages);
    expect(codes.filter(Boolean)).toEqual([]);
  });

  it('holds the official text and nothing else (page numbers aside)', () => {
    // Each page's own number comes out once in its text; removed there, page by page.
    const text = pdfPages(path)
      .map((p, i) => {
        const t = stripWhitespace(p);
        expect(t.split(`—${i + 1}—`).length - 1, `page ${i + 1} number`).toBe(1);
        return t.replace(`—${i + 1}—`, '');
      })
      .join('');
    const doc = planToOfficialDocument(plan);
    expect(text).toBe(stripWhitespace(officialDocumentToText(doc)));
    // …which is planToText: the reader's round trip reads this PDF back to the same text.
    expect(text).toBe(stripWhitespace(planToText(plan)));
  });
});
