/**
 * The PDF of the whole plan: headless Chromium prints /full/ with the site's print stylesheet (A4, page
 * numbers in the margin boxes, sections from new pages), with an outline from the headings and tagged for
 * accessibility. Fonts are embedded by Chromium (subset of Debian's Noto CJK).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

/** Where and what to print. */
export interface PdfOptions {
  siteDir: string;
  base: string;
  outFile: string;
  /** The PDF's Title metadata (Chromium takes it from document.title). */
  title: string;
}

/** Prints /full/ to `outFile`; returns its size in bytes. */
export async function printPdf(opts: PdfOptions): Promise<number> {
  const server = await serveStatic(opts.siteDir, opts.base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}full/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate((title) => {
      document.title = title;
    }, opts.title);
    // Wait for fonts so metrics (and page breaks) are final.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    await mkdir(dirname(opts.outFile), { recursive: true });
    await writeFile(opts.outFile, pdf);
    return pdf.length;
  } finally {
    await browser.close();
    await server.close();
  }
}
