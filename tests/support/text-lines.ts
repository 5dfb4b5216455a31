/**
 * Test stand-in for the plain-text reader: text → SourceLine[] with pages from form feeds, blank lines before
 * a line, and the leading indent in characters (spaces and U+3000 each count one), as source.ts describes.
 */
import { normalizeLineBreaks } from '../../src/plan/normalize.ts';
import type { SourceLine } from '../../src/plan/source.ts';

/** Reads plain text the way the text reader does, keeping what layout.ts needs. */
export function textToLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let page = 1;
  let blank = false;
  const pages = text.includes('\f');
  normalizeLineBreaks(text)
    .split('\n')
    .forEach((raw, index) => {
      // pdftotext ends each page with a form feed; the next line starts the next page.
      let rest = raw;
      while (rest.includes('\f')) {
        const at = rest.indexOf('\f');
        if (rest.slice(0, at).trim() !== '') {
          pushLine(rest.slice(0, at), index);
        }
        page++;
        rest = rest.slice(at + 1);
      }
      if (rest.replace(/[\s\u3000]+/gu, '') === '') {
        blank = true;
        return;
      }
      pushLine(rest, index);
    });
  return out;

  function pushLine(raw: string, index: number) {
    const lead = [...raw].length - [...raw.replace(/^[\s\u3000]+/u, '')].length;
    out.push({
      text: raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''),
      line: index + 1,
      column: lead + 1,
      ...(pages ? { page } : {}),
      ...(blank ? { afterBlank: true } : {}),
      ...(lead > 0 ? { indent: lead } : {}),
    });
    blank = false;
  }
}
