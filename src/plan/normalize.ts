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
 * Splits text into its non-empty lines, trimmed, keeping line and column for messages, whether blank lines came
 * before (a paragraph break or a page break), the page (form feeds, as pdftotext writes them) and the indent.
 * @example toSourceLines('\n  一、总则\n')[0] // { text: '一、总则', line: 2, column: 3, afterBlank: true, page: 1, indent: 1 }
 */
export function toSourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let page = 1;
  let blank = false;
  normalizeLineBreaks(text)
    .split('\n')
    .forEach((raw, index) => {
      // A form feed ends a page: one before the text puts the line on the next page, one after it ends the page.
      const before = /^[^\S\f]*((?:\f[^\S\f]*)*)/u.exec(raw)![1]!.split('\f').length - 1;
      const after = raw.split('\f').length - 1 - before;
      page += before;
      const plain = raw.replace(/\f/gu, '');
      const text = plain.replace(EDGE_SPACE, '');
      if (text === '') {
        blank = true;
        page += after;
        return;
      }
      const leadRaw = plain.slice(0, plain.length - plain.replace(/^[\s\u3000]+/u, '').length);
      const column = [...raw.slice(0, raw.length - raw.replace(/^[\s\u3000\f]+/u, '').length)].length + 1;
      // Indent in characters: U+3000 is one, two ASCII spaces are one (pdftotext -layout pads with spaces).
      const indent = [...leadRaw].reduce((n, c) => n + (c === '\u3000' ? 1 : c === '\t' ? 2 : 0.5), 0);
      out.push({ text, line: index + 1, column, ...(blank && out.length > 0 ? { afterBlank: true } : {}), page, indent });
      blank = false;
      page += after;
    });
  return out;
}

// A sentence is complete when it ends in terminal punctuation, optionally followed by closing quotes or brackets.
const SENTENCE_END = /[。！？!?；;…][”’」』）)\]】》]*$/u;

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

/**
 * Groups consecutive lines into paragraphs: a line continues the previous paragraph when that paragraph
 * stops mid-sentence (a page break), and starts a new one otherwise.
 */
export function toParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  for (const text of lines) {
    const last = paragraphs.length - 1;
    if (last >= 0 && !endsSentence(paragraphs[last]!)) paragraphs[last] = joinPageBreak(paragraphs[last]!, text);
    else paragraphs.push(text);
  }
  return paragraphs;
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
