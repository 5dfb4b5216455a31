/**
 * Prints the 公文版: the OfficialDocument rendered by gbt9704-html.ts, set into a page of an already running
 * Chromium (no server), printed tagged with an outline, then given metadata naming the fonts (pdf-lib; Chromium
 * writes only the Title). When the document has a 版记, a first printing tells where its end landed and a second
 * moves it to the foot of the last page.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { StepError } from '../build/cli.ts';
import { describeFonts, ROLE_NAMES, type ResolvedFont } from './fonts.ts';
import { COLOPHON_GAP_VAR, END_ID, GEOMETRY, renderGbt9704Html, type FontFaceSource } from './gbt9704-html.ts';
import type { OfficialDocument } from './official-document.ts';

/** What to print, with what, and where. */
export interface Gbt9704Options {
  browser: Browser;
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

/** Prints `doc` to `outFile`. */
export async function printGbt9704(opts: Gbt9704Options): Promise<Gbt9704Result> {
  const { browser, doc, fonts, outFile } = opts;
  const page = await browser.newPage();
  try {
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
  } finally {
    await page.close();
  }
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
 * The 版记's last rule belongs on the bottom edge of the block of the last page: reads where the end of the
 * document landed (its named destination's y), puts the difference above the 版记, prints again.
 */
async function moveColophonToFoot(page: Page, first: Buffer): Promise<Buffer> {
  const end = await endPosition(first);
  const blockBottomPt = (GEOMETRY.pageHeight - GEOMETRY.top - GEOMETRY.blockHeight) * PT_PER_MM;
  const gapMm = (end.y - blockBottomPt) / PT_PER_MM;
  // Half a millimetre short, so rounding never pushes the 版记 onto a page of its own.
  const gap = `${Math.max(0, gapMm - 0.5).toFixed(2)}mm`;
  await page.evaluate(({ name, value }) => document.documentElement.style.setProperty(name, value), { name: COLOPHON_GAP_VAR, value: gap });
  const second = await print(page);
  const moved = await endPosition(second);
  if (moved.page !== end.page) throw new StepError(`pdf gbt9704: moving the 版记 to the foot of page ${end.page} pushed it to page ${moved.page}.`);
  return second;
}

/** Page and y (pt from the bottom) of the document's end, from the PDF's named destination. */
async function endPosition(pdf: Buffer): Promise<{ page: number; y: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const dests = doc.catalog.lookup(pdfName('Dests'));
  const names = doc.catalog.lookup(pdfName('Names'));
  const found = findDestination(doc, dests, names, END_ID);
  if (!found) throw new StepError(`pdf gbt9704: Chromium wrote no destination for #${END_ID}; cannot place the 版记.`);
  return found;
}

const pdfName = (n: string) => PDFName.of(n);

function findDestination(doc: PDFDocument, dests: unknown, names: unknown, id: string): { page: number; y: number } | undefined {
  const pageRefs = doc.getPages().map((p) => p.ref);
  const fromArray = (arr: unknown) => {
    const a = arr instanceof PDFDict ? arr.lookup(pdfName('D')) : arr;
    if (!(a instanceof PDFArray)) return undefined;
    const ref = a.get(0);
    const page = pageRefs.findIndex((r) => ref instanceof PDFRef && r.toString() === ref.toString()) + 1;
    const y = a.lookup(3);
    return page > 0 && y instanceof PDFNumber ? { page, y: y.asNumber() } : undefined;
  };
  if (dests instanceof PDFDict) return fromArray(dests.lookup(pdfName(id)));
  const tree = names instanceof PDFDict ? names.lookup(pdfName('Dests')) : undefined;
  const walk = (node: unknown): { page: number; y: number } | undefined => {
    if (!(node instanceof PDFDict)) return undefined;
    const pairs = node.lookup(pdfName('Names'));
    if (pairs instanceof PDFArray) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const key = pairs.lookup(i);
        const text = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
        if (text === id) return fromArray(pairs.lookup(i + 1));
      }
    }
    const kids = node.lookup(pdfName('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) { const hit = walk(kids.lookup(i)); if (hit) return hit; }
    return undefined;
  };
  return walk(tree);
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
