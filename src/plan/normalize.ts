/**
 * The one place where plan text is normalised: line endings, surrounding whitespace and page-break joins.
 * Nothing here changes a visible character.
 */

/** A non-empty line of the source, trimmed, with where it came from. */
export interface SourceLine {
  /** The line without leading or trailing whitespace. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column (code points) where `text` starts. */
  column: number;
}

// Unicode line breaks that are not \n: CRLF, lone CR, NEL, LS, PS. All become \n.
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/gu;
// Leading/trailing whitespace includes the ideographic space (U+3000) often used to indent Chinese paragraphs.
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/gu;

/** Converts every kind of line break to \n and drops a byte-order mark. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(LINE_BREAKS, '\n');
}

/**
 * Splits text into its non-empty lines, trimmed, keeping line and column for error messages.
 * @example toSourceLines('\n  一、总则\n') // [{ text: '一、总则', line: 2, column: 3 }]
 */
export function toSourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  normalizeLineBreaks(text)
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.replace(EDGE_SPACE, '');
      if (text === '') return;
      const lead = raw.length - raw.trimStart().length;
      // Column counts code points of the leading whitespace (trimStart also removes U+3000).
      out.push({ text, line: index + 1, column: [...raw.slice(0, lead)].length + 1 });
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
