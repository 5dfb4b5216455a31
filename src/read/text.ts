/**
 * Plain text → SourceDocument: one SourceLine per non-empty line, with the blank lines, indents and form-feed
 * pages the text itself carries. Paragraphs and furniture are left to the core (layout.ts, normalize.ts).
 */
import { normalizeLineBreaks } from '../plan/normalize.ts';
import type { SourceDocument, SourceLine } from '../plan/source.ts';

// As normalize.ts: leading/trailing whitespace includes U+3000, the ideographic space used to indent paragraphs.
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/gu;
const LEAD_SPACE = /^[\s\u3000]+/u;

/**
 * Width of a leading indent in characters (a Chinese character's width): U+3000 counts 1, an ASCII space ½
 * (two half-width spaces fill one character cell), a tab 2 (a tab stop of four spaces). Other whitespace counts 0.
 * @example indentWidth('\u3000\u3000') // 2
 * @example indentWidth('    ') // 2
 */
export function indentWidth(lead: string): number {
  let width = 0;
  for (const c of lead) width += c === '\u3000' ? 1 : c === ' ' ? 0.5 : c === '\t' ? 2 : 0;
  return width;
}

/**
 * Splits decoded text into SourceLines. Line numbers are the file's own: a form feed (\f) starts a new page
 * but not a new line, so a line holding text on both sides of a \f yields two SourceLines with the same
 * line number. A line holding only form feeds and spaces (how pdftotext marks a page) is not a blank line.
 * @example textToSourceDocument('一、总则\n\n\u3000\u3000正文').lines[1] // { text: '正文', line: 3, column: 3, page: 1, afterBlank: true, indent: 2 }
 */
export function textToSourceDocument(text: string, encoding?: string): SourceDocument {
  const lines: SourceLine[] = [];
  let page = 1;
  let blank = false;
  normalizeLineBreaks(text)
    .split('\n')
    .forEach((raw, index) => {
      if (raw.replace(EDGE_SPACE, '') === '') {
        if (!raw.includes('\f')) blank = true;
        page += raw.split('\f').length - 1;
        return;
      }
      let offset = 0; // code points before the current segment
      raw.split('\f').forEach((segment, s) => {
        if (s > 0) page += 1;
        const trimmed = segment.replace(EDGE_SPACE, '');
        if (trimmed !== '') {
          const lead = segment.slice(0, segment.length - segment.replace(LEAD_SPACE, '').length);
          lines.push({
            text: trimmed,
            line: index + 1,
            column: offset + [...lead].length + 1,
            page,
            ...(blank ? { afterBlank: true } : {}),
            indent: indentWidth(lead),
          });
          blank = false;
        }
        offset += [...segment].length + 1; // +1 for the \f itself
      });
    });
  return { format: 'text', ...(encoding ? { encoding } : {}), lines, removed: [], warnings: [] };
}
