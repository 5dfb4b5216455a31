/**
 * The one place where plan text is normalised: line endings, surrounding whitespace and page-break joins.
 * Nothing here changes a visible character.
 */

import type { SourceLine } from './source.ts';

export type { SourceLine };

// Unicode line breaks that are not \n: CRLF, lone CR, NEL, LS, PS. All become \n.
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/gu;
// Leading/trailing whitespace includes the ideographic space (U+3000) often used to indent Chinese paragraphs.
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/gu;

/** Converts every kind of line break to \n and drops a byte-order mark. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(LINE_BREAKS, '\n');
}

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

const LEAD_SPACE = /^[\s\u3000]+/u;

/**
 * Splits text into its non-empty lines, trimmed, with what the text itself says about them: line and column
 * (the file's own: a form feed starts a new page but not a new line, so text on both sides of a \f gives two
 * lines with the same number), whether blank lines came before, the page, the indent. A line holding only form
 * feeds and spaces (how pdftotext marks a page) is not a blank line.
 * @example toSourceLines('一、总则\n\n\u3000\u3000正文')[1] // { text: '正文', line: 3, column: 3, page: 1, afterBlank: true, indent: 2 }
 */
export function toSourceLines(text: string): SourceLine[] {
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
  return lines;
}

// A sentence is complete when it ends in terminal punctuation, optionally followed by closing quotes or brackets.
// A page that turns full-width punctuation into ASCII writes 。 as a period: after a Chinese character or a closing
// bracket it ends a sentence too (after a digit or a Latin letter it may be a number's or a word's).
const SENTENCE_END = /(?:[。！？!?；;…]|(?<=[\p{Script=Han}）)”’」』】》])\.)[”’」』）)\]】》]*$/u;

/**
 * True when a paragraph ends a sentence. A paragraph that does not, followed by more text,
 * was cut by a page break in the PDF the plan was copied from.
 * @example endsSentence('协调推进。') // true
 * @example endsSentence('多渠道筹集教育经费') // false
 */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

const ASCII_WORD_END = /[A-Za-z0-9]$/u;
const ASCII_WORD_START = /^[A-Za-z0-9]/u;

/**
 * Joins the two halves of a paragraph split by a page break. Chinese needs no space between them;
 * two Latin words or numbers do, or they would run together.
 * @example joinPageBreak('教育经费', '的体制') // '教育经费的体制'
 */
export function joinPageBreak(before: string, after: string): string {
  const space = ASCII_WORD_END.test(before) && ASCII_WORD_START.test(after) ? ' ' : '';
  return before + space + after;
}

/** Removes all whitespace; used to compare texts "whitespace aside". */
export function stripWhitespace(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}

/**
 * True when `next` continues the paragraph `previous` in a region of running text (field text, notice body):
 * `previous` stops mid-sentence — a paragraph of an official document ends in 。！？； or, as a lead-in, in ： —
 * and `next` is plain text whose paragraphs the format did not state (a .docx or .html paragraph, or a PDF
 * line the reader placed, is taken as given). Whether a blank line or a page break lies between does not
 * matter: text copied out of a PDF keeps its page-break cuts with or without blank lines. Callers never use it
 * for titles, headings or signatures, whose lines do not end sentences either.
 */
export function continuesAcrossBreak(previous: string, next: SourceLine): boolean {
  if (next.para !== undefined || next.table) return false;
  return !endsSentence(previous) && !/[：:]$/u.test(previous);
}

/** Paragraph texts of a region, page-break splits joined (see continuesAcrossBreak). */
export function joinBrokenParagraphs(lines: readonly SourceLine[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    if (last >= 0 && continuesAcrossBreak(out[last]!, line)) out[last] = joinPageBreak(out[last]!, line.text);
    else out.push(line.text);
  }
  return out;
}
