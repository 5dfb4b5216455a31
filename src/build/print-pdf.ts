/**
 * The PDF of the whole plan: headless Chromium prints /full/ with the site's print stylesheet (A4, page numbers
 * in the margin boxes, sections from new pages), with an outline from the headings and tagged for accessibility.
 * Two things only the PDF gets: page numbers in the table of contents (Chromium has no target-counter(), so a
 * first printing tells where each entry landed and a second prints the numbers) and bookmarks without the
 * 99 identical field labels. Fonts: the TrueType 宋 and 黑 faces fontconfig finds (embedded as named CID fonts),
 * Noto CJK behind them.
 *
 * The page is opened at its public address (SITE_URL + BASE_PATH), answered from the built files, so the PDF's
 * links to other pages point at the online site rather than at a server that only ran during the build. Only the
 * files page-files.ts found are answered; a request for anything else fails the step, because the cache key
 * (the same files) would not cover it.
 * Pass a running `browser` to share it with the other PDF; otherwise one is launched and closed.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fontsFingerprint, resolveFonts, type ResolvedFont } from '../print/fonts.ts';
import { inPage, launchChromium } from './chromium.ts';
import { StepError } from './cli.ts';
import { codeVersion } from './code-version.ts';
import { type OutputCache, contentKey, type KeyPart } from './output-cache.ts';
import { pageFiles } from './page-files.ts';
import { pdfDestinations, popplerVersion } from './pdf-info.ts';

/** Where and what to print. */
export interface PdfOptions {
  siteDir: string;
  /** Public origin, e.g. https://jyt.hunan.gov.cn: links in the PDF point there. */
  site: string;
  base: string;
  outFile: string;
  /** The PDF's Title metadata (Chromium takes it from document.title). */
  title: string;
  /** The page to print, relative to the base, e.g. 2020/full/. */
  page: string;
  /** A running Chromium to print with (left open). */
  browser?: Browser;
  /** A tab (page) of `browser` to print in, left open for the next PDF, instead of a new one. */
  tab?: Page;
  /** Reuse the PDF when nothing it derives from changed. */
  cache?: OutputCache;
}

/** Prints the plan's /full/ page to `outFile` (or reuses the cached PDF); returns its size and whether it was reused. */
export async function printPdf(opts: PdfOptions): Promise<{ bytes: number; reused: boolean }> {
  const browser = await (opts.browser ?? launchChromium());
  try {
    const [files, fonts] = await Promise.all([pageFiles(opts.siteDir, opts.base, opts.page), printFonts()]);
    const print = () => printFiles(browser, opts, files, fonts);
    let reused = false;
    if (opts.cache) {
      // Everything the PDF derives from: the page and what it loads, where it is published, the title, the
      // faces and their files, the printing code, Chromium and poppler (which places the contents' numbers).
      const parts: KeyPart[] = [
        ['code', await codeVersion('src/build/print-pdf.ts')],
        ['chromium', browser.version()],
        ['poppler', await popplerVersion()],
        ['site', opts.site],
        ['base', opts.base],
        ['page', opts.page],
        ['title', opts.title],
        ['fonts', JSON.stringify(fonts)],
        ['font files', await fontsFingerprint(fonts)],
        ...files.map((f) => [f.urlPath, f.bytes] as const),
      ];
      reused = await opts.cache.through('pdf', contentKey(parts), { '.pdf': opts.outFile }, print);
    } else {
      await print();
    }
    return { bytes: (await stat(opts.outFile)).size, reused };
  } finally {
    if (!opts.browser) await browser.close();
  }
}

/** The TrueType 宋 and 黑 faces fontconfig finds (see printFaces), or none. */
async function printFonts(): Promise<ResolvedFont[]> {
  const fonts = await resolveFonts('').catch(() => []);
  const pick = (role: string) => fonts.find((f) => f.role === role && f.format === 'TrueType');
  const song = pick('song');
  const hei = pick('hei');
  return song && hei ? [song, hei] : [];
}

/** Prints from `files` alone, at the public address. */
async function printFiles(browser: Browser, opts: PdfOptions, files: Awaited<ReturnType<typeof pageFiles>>, fonts: ResolvedFont[]): Promise<void> {
  await mkdir(dirname(opts.outFile), { recursive: true });
  const byPath = new Map(files.map((f) => [f.urlPath, f]));
  const refused: string[] = [];
  await inPage(browser, opts.tab, async (page) => {
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === opts.site ? byPath.get(url.pathname) : undefined;
      if (file) return route.fulfill({ path: file.file });
      refused.push(url.href);
      return route.abort('blockedbyclient');
    });
    // `load` waits for the stylesheets; the page fetches nothing after it (networkidle only added half a second).
    const address = `${opts.site}${opts.base}${opts.page}`;
    const response = await page.goto(address, { waitUntil: 'load' });
    if (!response?.ok()) throw new StepError(`pdf: ${address} answered ${response?.status() ?? 'nothing'}.`);
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
    const faces = printFaces(fonts);
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
    if (refused.length > 0) throw new StepError(`pdf: ${opts.page} loaded ${refused.join(', ')}, which src/build/page-files.ts did not find; teach it to, so the PDF's cache key covers what the print loads.`);
  });
}

/** Renumberings allowed before giving up (numbers are narrow; the contents settle on the second printing). */
const MAX_PASSES = 3;

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

/** CSS giving the print the TrueType 宋 and 黑 faces (printFonts), or undefined when there are none. */
function printFaces(fonts: ResolvedFont[]): string | undefined {
  const song = fonts.find((f) => f.role === 'song')?.family;
  const hei = fonts.find((f) => f.role === 'hei')?.family;
  if (!song || !hei) return undefined;
  // !important: the site's own rules set faces on classes (punctuation, labels), and the PDF's choice is final.
  // No synthetic bold: these faces have no bold, and Chromium embeds a synthesised one as Type 3 again.
  return `@media print {
  html, body, body * { font-family: "${song}", "Noto Serif CJK SC", serif !important; font-synthesis: none; }
  h1, h2, h3, h4, .field-label, h1 *, h2 *, h3 *, h4 *, .field-label * { font-family: "${hei}", "Noto Sans CJK SC", sans-serif !important; }
}
@page { @bottom-center { font-family: "${song}", "Noto Serif CJK SC", serif; } }`;
}
