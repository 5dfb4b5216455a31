/**
 * Reading PDFs in tests with poppler-utils (pdftotext, pdffonts, pdfinfo).
 */
import { execFileSync } from 'node:child_process';

/** The PDF's text. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** pdfinfo's fields, e.g. { Title: '…', Pages: '22', Tagged: 'yes' }. */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
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
