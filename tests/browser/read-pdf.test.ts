/**
 * PDF → SourceLines, on PDFs printed by Chromium at test time: the seed laid out as a 公文 (GB/T 9704 margins,
 * 16pt serif, 22 lines a page, 2em paragraph indents, "— N —" page numbers), and a page holding only an image.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../support/chromium-server.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import type { SourceDocument } from '../../src/plan/source.ts';
import { isPageNumber } from '../../src/read/pdf-layout.ts';
import { readSource } from '../../src/read/read-source.ts';
import { gongwenHtml, printPdf, SEED_LINES } from '../support/read-fixtures.ts';

let browser: Browser;
let seedPdf: Uint8Array;
let doc: SourceDocument;
let pages: number;

beforeAll(async () => {
  browser = await sharedChromium();
  seedPdf = await printPdf(browser, gongwenHtml(SEED_LINES), { pageNumbers: true });
  // Page objects counted in the file itself (Skia writes them uncompressed), independently of the reader.
  pages = new TextDecoder('latin1').decode(seedPdf).match(/\/Type\s*\/Page(?![s\w])/gu)?.length ?? 0;
  const started = performance.now();
  const result = await readSource(seedPdf, 'plan.pdf');
  console.log(`read the seed PDF (${pages} pages, ${seedPdf.length} bytes) in ${Math.round(performance.now() - started)} ms`);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  doc = result.value;
});
afterAll(async () => {
  await browser?.close();
});

describe('readPdf on the seed printed as a 公文', () => {
  it('gives back every character of the body text in order (whitespace aside)', () => {
    expect(doc.format).toBe('pdf');
    expect(stripWhitespace(doc.lines.map((l) => l.text).join(''))).toBe(stripWhitespace(SEED_LINES.join('')));
  });

  it('leaves out one page number per page and keeps none in the text', () => {
    expect(pages).toBeGreaterThan(10);
    expect(doc.removed.map((r) => [r.kind, r.text, r.page])).toEqual(Array.from({ length: pages }, (_, i) => ['page-number', `— ${i + 1} —`, i + 1]));
    expect(doc.lines.filter((l) => isPageNumber(l.text))).toEqual([]);
  });

  // Each seed line is one <p>, so the paragraphs read back must be the seed's lines, including lines a page
  // break splits in the PDF (their second half starts a page flush left and must read as a continuation).
  it("finds paragraph starts: the joined paragraphs are the seed's lines", () => {
    const paragraphs: string[] = [];
    for (const l of doc.lines) {
      if (l.para === 'start') paragraphs.push(l.text);
      else paragraphs[paragraphs.length - 1] += l.text;
    }
    expect(paragraphs.map(stripWhitespace)).toEqual(SEED_LINES.map(stripWhitespace));
    expect(doc.lines.some((l, i) => l.para === 'continue' && l.page !== doc.lines[i - 1]!.page)).toBe(true);
  });

  it('numbers lines over kept and removed lines, with pages and indents', () => {
    const numbers = [...doc.lines.map((l) => l.line), ...doc.removed.map((r) => r.line)].sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(doc.lines.at(-1)!.page).toBe(pages);
    // Body paragraphs are indented two characters.
    expect(doc.lines.find((l) => l.text.startsWith('一、'))!.indent).toBeCloseTo(2, 0);
  });
});

describe('readPdf refusals', () => {
  it('refuses a PDF whose pages are only images with pdf-no-text', async () => {
    const html = '<!DOCTYPE html><body><svg width="400" height="300"><rect width="400" height="300" fill="#888"/></svg><div style="width:200px;height:100px;background:#c00"></div></body>';
    const result = await readSource(await printPdf(browser, html), 'scan.pdf');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, column: 1, ruleId: 'pdf-no-text' })]);
    expect(result.problems[0]!.message).toMatch(/only images of pages \(a scan\)/u);
  });

  it('refuses a damaged PDF with pdf-damaged', async () => {
    const result = await readSource(new TextEncoder().encode('%PDF-1.7\n garbage'), 'x.pdf');
    expect(result.ok ? '' : result.problems[0]!.ruleId).toBe('pdf-damaged');
  });
});
