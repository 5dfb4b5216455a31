/**
 * Fixtures for the format readers, made from the seed text at test time (no binary fixtures in the repository).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { SEED_FILE } from './seed.ts';

/** The seed plan text. */
export const SEED = readFileSync(SEED_FILE, 'utf8');

/** The seed's non-empty lines, trimmed: what every reader must give back, in order. */
export const SEED_LINES = SEED.split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

/** Escapes text for HTML, so hostile text stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

// How each seed line is laid out in the 公文-style PDF: the issuer and the titles centred, the signature and the
// date right-aligned two characters from the edge, the addressee flush left, everything else a 2em-indented paragraph.
function gongwenClass(index: number, text: string): string {
  if (index === 0) return 'issuer';
  if (/的通知$|工作要点$/u.test(text) && text.length < 60) return 'title';
  if (/：$/u.test(text) && index < 4) return 'addressee';
  if (index >= 4 && index <= 6) return 'signature';
  return '';
}

/**
 * The seed laid out as a 公文 (GB/T 9704): A4, margins 37/26/35/28 mm, 16pt serif, 22 lines per page, justified
 * paragraphs with a 2em first-line indent; one `<p>` per seed line.
 */
export function gongwenHtml(lines: readonly string[]): string {
  const body = lines.map((t, i) => `<p class="${gongwenClass(i, t)}">${escapeHtml(t)}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { font: 16pt/10.227mm 'Noto Serif CJK SC', serif; }
body { margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.issuer { font-size: 26pt; text-align: center; text-indent: 0; color: #c00; margin-bottom: 10.227mm; }
p.title { font-size: 22pt; line-height: 1.4; text-align: center; text-indent: 0; margin: 10.227mm 0 5mm; }
p.addressee { text-indent: 0; }
p.signature { text-align: right; text-indent: 0; padding-right: 2em; }
</style></head><body>${body}</body></html>`;
}

/** 页码 as in GB/T 9704: "— N —" below the text block. */
export const PAGE_NUMBER_FOOTER = `<div style="width:100%;font:14pt 'Noto Serif CJK SC',serif;text-align:center;margin-bottom:8mm">— <span class="pageNumber"></span> —</div>`;

/** Prints HTML to an A4 PDF in Chromium, with or without page numbers in the footer. */
export async function printPdf(browser: Browser, html: string, options: { pageNumbers?: boolean } = {}): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: options.pageNumbers ?? false,
      headerTemplate: '<span></span>',
      footerTemplate: PAGE_NUMBER_FOOTER,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}
