/**
 * Reading PDFs in tests with poppler-utils (pdftotext, pdffonts, pdfinfo).
 */
import { execFileSync } from 'node:child_process';
import { parseHTML } from 'linkedom';
import { parseInfo } from '../../src/build/pdf-info.ts';

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
