/**
 * Reading PDFs in tests with poppler-utils (pdftotext, pdffonts, pdfinfo).
 */
import { execFileSync } from 'node:child_process';
import { parseHTML } from 'linkedom';
import { parseInfo } from '../../src/publish/pdf/pdf-info.ts';

/** The PDF's text. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** pdfinfo's fields, e.g. { Title: '…', Pages: '22', Tagged: 'yes' } (parsed as the build's PDF step does). */
export function pdfInfo(path: string): Record<string, string> {
  return Object.fromEntries(parseInfo(execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' })));
}

/** One row per font: name, type and whether it is embedded. */
export function pdfFonts(path: string): { name: string; type: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns are fixed-width; "emb" is the first yes/no after the encoding column.
  return lines.map((l) => {
    const flags = l.match(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/u)!;
    return { name: l.slice(0, 36).trim(), type: l.slice(37, 55).trim(), embedded: flags[1] === 'yes' };
  });
}

/** The text of each page (pdftotext separates pages with form feeds). */
export function pdfPages(path: string, options: { layout?: boolean } = {}): string[] {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1);
}

/** A bookmark of the PDF's outline. */
export interface Bookmark {
  title: string;
  page: number;
  depth: number;
}

/** The outline, in order, with each entry's page and nesting depth (0 = top level), via pdftohtml -xml. */
export function pdfBookmarks(path: string): Bookmark[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { document } = parseHTML(xml.slice(xml.indexOf('<outline>'), xml.lastIndexOf('</outline>') + '</outline>'.length));
  const bookmarks: Bookmark[] = [];
  for (const item of document.querySelectorAll('item')) {
    let depth = 0;
    for (let el = item.parentElement; el; el = el.parentElement) if (el.tagName.toLowerCase() === 'outline') depth += 1;
    bookmarks.push({ title: item.textContent ?? '', page: Number(item.getAttribute('page')), depth: depth - 1 });
  }
  return bookmarks;
}

/** A line of text as poppler lays it out: its box in mm from the page's top left, and its words. */
export interface PdfLine {
  page: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  words: string[];
}

const MM_PER_PT = 25.4 / 72;

/** Every line of every page with its box in mm (pdftotext -bbox-layout). */
export function pdfLines(path: string): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: PdfLine[] = [];
  html.split(/<page /u).slice(1).forEach((pageXml, i) => {
    for (const m of pageXml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/gu)) {
      const words = [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/gu)].map((w) => w[1]!);
      const [left, top, right, bottom] = [m[1], m[2], m[3], m[4]].map((v) => Number(v) * MM_PER_PT) as [number, number, number, number];
      lines.push({ page: i + 1, left, top, right, bottom, words });
    }
  });
  return lines;
}

/** Each text run with its font (pdftohtml -xml): page, font family as embedded (subset prefix removed), size, text. */
export function pdfTextFonts(path: string): { page: number; font: string; size: number; text: string }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const fonts = new Map<string, { family: string; size: number }>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="(\d+)" family="([^"]+)"/gu)) fonts.set(m[1]!, { family: m[3]!.replace(/^[A-Z]{6}\+/u, ''), size: Number(m[2]) });
  const runs: { page: number; font: string; size: number; text: string }[] = [];
  let page = 0;
  for (const m of xml.matchAll(/<page number="(\d+)"|<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/gu)) {
    if (m[1]) page = Number(m[1]);
    else runs.push({ page, font: fonts.get(m[2]!)!.family, size: fonts.get(m[2]!)!.size, text: m[3]!.replace(/<[^>]+>/gu, '') });
  }
  return runs;
}
