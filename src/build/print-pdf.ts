/**
 * The PDF of the whole plan: headless Chromium prints /full/ with the site's print stylesheet (A4, page numbers
 * in the margin boxes, sections from new pages), with an outline from the headings and tagged for accessibility.
 * Two things only the PDF gets: page numbers in the table of contents (Chromium has no target-counter(), so a
 * first printing tells where each entry landed and a second prints the numbers) and bookmarks without the
 * 99 identical field labels. Fonts: the TrueType 宋 and 黑 faces fontconfig finds (embedded as named CID fonts),
 * Noto CJK behind them.
 * Pass a running `browser` to share it with the other PDF; otherwise one is launched and closed.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { resolveFonts } from '../print/fonts.ts';
import { launchChromium } from './chromium.ts';
import { StepError } from './cli.ts';
import { pdfDestinations } from './pdf-info.ts';
import { serveStatic } from './static-server.ts';

/** Where and what to print. */
export interface PdfOptions {
  siteDir: string;
  base: string;
  outFile: string;
  /** The PDF's Title metadata (Chromium takes it from document.title). */
  title: string;
  /** The page to print, relative to the base, e.g. 2020/full/. */
  page: string;
  /** A running Chromium to print with (left open). */
  browser?: Browser;
}

/** Renumberings allowed before giving up (numbers are narrow; the contents settle on the second printing). */
const MAX_PASSES = 3;

/** Prints the plan's /full/ page to `outFile`; returns its size in bytes. */
export async function printPdf(opts: PdfOptions): Promise<number> {
  await mkdir(dirname(opts.outFile), { recursive: true });
  const [server, browser] = await Promise.all([serveStatic(opts.siteDir, opts.base), opts.browser ?? launchChromium()]);
  const page = await browser.newPage();
  try {
    // `load` waits for the stylesheets; the page fetches nothing after it (networkidle only added half a second).
    const response = await page.goto(`${server.url}${opts.page}`, { waitUntil: 'load' });
    if (!response?.ok()) throw new StepError(`pdf: ${server.url}${opts.page} answered ${response?.status() ?? 'nothing'}.`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate((title) => {
      document.title = title;
      // Field labels stay headings for screen readers; in the PDF's copy they are not, so bookmarks list
      // sections and items, not 99 times 目标任务/工作措施/责任单位.
      for (const label of document.querySelectorAll('.field-label')) label.setAttribute('role', 'none');
    }, opts.title);
    // TrueType faces where the machine has them: Chromium embeds those as named CID fonts, where the CFF-based
    // Noto CJK becomes unnamed Type 3 glyphs (which archiving tools handle badly), and prints them faster.
    // Resolved with fontconfig as for the 公文版; Noto stays behind them for any character they lack.
    const faces = await printFaces();
    if (faces) await page.addStyleTag({ content: faces });
    // Wait for fonts so metrics (and page breaks) are final.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    let landed = await printAndLocate(page, opts.outFile);
    for (let pass = 1; ; pass += 1) {
      const targets = await writeTocPageNumbers(page, landed);
      const now = await printAndLocate(page, opts.outFile);
      if (targets.every((t) => now.get(t) === landed.get(t))) break;
      if (pass === MAX_PASSES) throw new StepError(`pdf: the contents' page numbers still moved after ${MAX_PASSES} renumberings.`);
      landed = now;
    }
    return (await stat(opts.outFile)).size;
  } finally {
    await page.close();
    if (!opts.browser) await browser.close();
    await server.close();
  }
}

/** Prints to `out`; returns the page each link target (named destination) landed on. */
async function printAndLocate(page: Page, out: string): Promise<Map<string, number>> {
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  return pdfDestinations(out);
}

/** Writes each contents entry's page number; returns the targets, failing on one that is not in the PDF. */
async function writeTocPageNumbers(page: Page, landed: Map<string, number>): Promise<string[]> {
  const targets = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-toc-page]')].map((slot) => slot.dataset.tocPage ?? ''));
  const missing = targets.filter((t) => !landed.has(t));
  if (missing.length > 0) throw new StepError(`pdf: contents entries point at nothing in the PDF: ${missing.join(', ')}.`);
  const numbers = Object.fromEntries(targets.map((t) => [t, String(landed.get(t))]));
  await page.evaluate((byTarget) => {
    for (const slot of document.querySelectorAll<HTMLElement>('[data-toc-page]')) slot.textContent = byTarget[slot.dataset.tocPage ?? ''] ?? '';
  }, numbers);
  return targets;
}

/** CSS giving the print the TrueType 宋 and 黑 faces fontconfig finds, or undefined when it finds none. */
async function printFaces(): Promise<string | undefined> {
  const fonts = await resolveFonts('').catch(() => []);
  const family = (role: string) => fonts.find((f) => f.role === role && f.format === 'TrueType')?.family;
  const song = family('song');
  const hei = family('hei');
  if (!song || !hei) return undefined;
  // !important: the site's own rules set faces on classes (punctuation, labels), and the PDF's choice is final.
  // No synthetic bold: these faces have no bold, and Chromium embeds a synthesised one as Type 3 again.
  return `@media print {
  html, body, body * { font-family: "${song}", "Noto Serif CJK SC", serif !important; font-synthesis: none; }
  h1, h2, h3, h4, .field-label, h1 *, h2 *, h3 *, h4 *, .field-label * { font-family: "${hei}", "Noto Sans CJK SC", sans-serif !important; }
}
@page { @bottom-center { font-family: "${song}", "Noto Serif CJK SC", serif; } }`;
}
