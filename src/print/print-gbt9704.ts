/**
 * Prints the 公文版: the OfficialDocument rendered by gbt9704-html.ts, set into a page of an already running
 * Chromium (no server), printed tagged with an outline, then given metadata naming the fonts (pdf-lib; Chromium
 * writes only the Title). When the document has a 版记, a first printing tells where its end landed and a second
 * moves it to the foot of the last page.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { inPage } from '../build/chromium.ts';
import { StepError } from '../build/cli.ts';
import { describeFonts, ROLE_NAMES, type ResolvedFont } from './fonts.ts';
import { COLOPHON_GAP_VAR, GEOMETRY, renderGbt9704Html, type FontFaceSource } from './gbt9704-html.ts';
import type { OfficialDocument } from './official-document.ts';

/** What to print, with what, and where. */
export interface Gbt9704Options {
  browser: Browser;
  /** A page of `browser` to print in (left open), instead of a new one. */
  page?: Page;
  doc: OfficialDocument;
  fonts: ResolvedFont[];
  outFile: string;
}

/** What was printed. */
export interface Gbt9704Result {
  bytes: number;
  /** The fonts, one line per role (as the build log and the PDF's Keywords give them). */
  fonts: string[];
}

/** Configured font files are served under this origin (never fetched from a network: the page routes it). */
const FONT_ORIGIN = 'https://gbt9704.invalid/fonts/';

const PT_PER_MM = 72 / 25.4;
const run = promisify(execFile);

/** Prints `doc` to `outFile`. */
export async function printGbt9704(opts: Gbt9704Options): Promise<Gbt9704Result> {
  const { browser, doc, fonts, outFile } = opts;
  return inPage(browser, opts.page, async (page) => {
    await serveConfiguredFonts(page, fonts);
    await page.setContent(renderGbt9704Html(doc, fonts.map(faceSource)), { waitUntil: 'load' });
    await checkFontsLoaded(page);
    let pdf = await print(page);
    if (doc.colophon) pdf = await moveColophonToFoot(page, pdf);
    const described = describeFonts(fonts);
    const bytes = await withMetadata(pdf, doc.title, fonts, described);
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, bytes);
    return { bytes: bytes.length, fonts: described };
  });
}

/** Installed fonts by name (Chromium asks fontconfig); a configured file by URL, routed to the file. */
function faceSource(font: ResolvedFont): FontFaceSource {
  if (font.origin === 'configured') return { role: font.role, src: `url("${FONT_ORIGIN}${font.role}")` };
  return { role: font.role, src: `local("${font.postscriptName}"), local("${font.family}")` };
}

async function serveConfiguredFonts(page: Page, fonts: ResolvedFont[]): Promise<void> {
  const configured = fonts.filter((f) => f.origin === 'configured');
  if (!configured.length) return;
  await page.route(`${FONT_ORIGIN}*`, async (route) => {
    const font = configured.find((f) => route.request().url() === `${FONT_ORIGIN}${f.role}`);
    if (!font) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: 'font/ttf', body: await readFile(font.file) });
  });
}

/** Loads every face and fails if one did not load (Chromium would silently draw with another font). */
async function checkFontsLoaded(page: Page): Promise<void> {
  const failed = await page.evaluate(async () => {
    const faces = [...document.fonts];
    await Promise.allSettled(faces.map((f) => f.load()));
    await document.fonts.ready;
    return faces.filter((f) => f.status !== 'loaded').map((f) => f.family);
  });
  if (failed.length) throw new StepError(`pdf gbt9704: these fonts did not load in Chromium: ${failed.join(', ')}.`);
}

const print = (page: Page) => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });

/**
 * The 版记's last rule belongs on the bottom edge of the block of the last page: a first printing tells where
 * the 版记's last line landed (poppler's word boxes), the difference goes above the 版记, and it prints again.
 * (Chromium's named destinations give no usable y for the end of a page's content.)
 */
async function moveColophonToFoot(page: Page, first: Buffer): Promise<Buffer> {
  const before = await lastTextBottom(first);
  // Below the last line's glyphs: the rest of its 7 mm line box (about 1 mm) and the 0.35 mm rule; 0.5 mm spare
  // so rounding never pushes the 版记 onto a page of its own.
  const gapMm = GEOMETRY.top + GEOMETRY.blockHeight - before.bottomMm - 1.1 - 0.35 - 0.5;
  const gap = `${Math.max(0, gapMm).toFixed(2)}mm`;
  await page.evaluate(({ name, value }) => document.documentElement.style.setProperty(name, value), { name: COLOPHON_GAP_VAR, value: gap });
  const second = await print(page);
  const after = await lastTextBottom(second);
  if (after.page !== before.page) throw new StepError(`pdf gbt9704: moving the 版记 to the foot of page ${before.page} pushed it to page ${after.page}.`);
  return second;
}

/** The last page and the bottom (mm from the top) of its lowest text that is not the page number. */
async function lastTextBottom(pdf: Buffer): Promise<{ page: number; bottomMm: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'gbt9704-'));
  try {
    const file = join(dir, 'pass.pdf');
    await writeFile(file, pdf);
    const { stdout: info } = await run('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1]);
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(pages), '-l', String(pages), file, '-']);
    const words = [...stdout.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/gu)];
    // The page number's line is the lowest; everything above the block's bottom is the document's text.
    const limit = (GEOMETRY.top + GEOMETRY.blockHeight) * PT_PER_MM;
    const bottoms = words.map((w) => Number(w[2])).filter((y) => y <= limit + 2);
    return { page: pages, bottomMm: Math.max(0, ...bottoms) / PT_PER_MM };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Subject says what the file is; Keywords name the fonts, so an archivist sees which 仿宋 was (or was not) used. */
async function withMetadata(pdf: Buffer, title: string, fonts: ResolvedFont[], described: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(title);
  doc.setLanguage('zh-CN');
  doc.setSubject(`公文版（GB/T 9704-2012 版式）。字体：${fonts.map((f) => `${ROLE_NAMES[f.role]} ${f.family}${f.origin === 'stand-in' ? '（代用）' : ''}`).join('；')}`);
  doc.setKeywords(['GB/T 9704-2012', ...described]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
