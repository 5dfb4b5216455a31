/**
 * The PDF of the whole plan (dist/downloads/*.pdf): every item title, 目标任务 for each of the 33 items,
 * every goals paragraph whole, fonts embedded, title metadata, page numbers, bookmarks, tagged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { PlanSchema } from '../../src/plan/schema.ts';
import { DIST } from '../support/dist.ts';
import { pdfFonts, pdfInfo, pdfText } from '../support/pdf.ts';

const plan = PlanSchema.parse(JSON.parse(readFileSync('content/data/plan.json', 'utf8')));
const pdfs = readdirSync(join(DIST, 'downloads')).filter((f) => f.endsWith('.pdf'));
const path = join(DIST, 'downloads', pdfs[0] ?? 'missing.pdf');

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
    for (const item of plan.items) expect(text, `item ${item.number}`).toContain(stripWhitespace(item.title));
    expect(text.split('目标任务：').length - 1).toBe(plan.items.length);
  });

  it('holds every goals paragraph whole, page breaks inside sentences joined', () => {
    for (const item of plan.items) expect(text, `item ${item.number}`).toContain(stripWhitespace(item.goals));
    expect(text).toContain(stripWhitespace(plan.closing!.paragraphs[0]!));
  });

  it('numbers every page', () => {
    const numbers = stripWhitespace(raw).match(new RegExp(`\\d+/${pages}`, 'gu')) ?? [];
    expect(numbers.length).toBe(pages);
  });

  it('embeds every font', () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('has bookmarks (an outline) for navigation', () => {
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).toMatch(/\/Outlines\s+\d+\s+0\s+R/u);
    expect((bytes.match(/\/Parent\s+\d+\s+0\s+R/gu) ?? []).length).toBeGreaterThan(plan.items.length);
  });
});
