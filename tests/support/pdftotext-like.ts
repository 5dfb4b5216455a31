/**
 * Test helper: lays paragraphs out the way pdftotext prints a GB/T 9704 page — lines cut at a width counting
 * ASCII as half a character, kinsoku (no 。 at a line start), a page number and a form feed every 22 lines.
 */

/** Width as a printed CJK page counts it, written here independently of unwrap.ts. */
export function printedWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u0020-\u007e]/u.test(ch) ? 0.5 : 1), 0);
}

// Characters a Chinese line may not start with (kinsoku): they pull the last character of the line above down.
const ALNUM = /[A-Za-z0-9]/u;
const NO_LINE_START = /^[，。、；：？！）》”’」』…]/u;

/** Cuts one paragraph into printed lines of at most `width` (the first line `first` wide). */
export function wrapParagraph(text: string, width: number, first = width): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    while (chars[start] === ' ') start++; // a space at a line start is dropped, not printed
    if (start >= chars.length) break;
    const room = lines.length === 0 ? first : width;
    let end = start;
    let w = 0;
    while (end < chars.length && w + printedWidth(chars[end]!) <= room) w += printedWidth(chars[end++]!);
    // Latin words and numbers stay whole, as Word sets them: a short head moves down, a long one overflows.
    if (end < chars.length && end > start && ALNUM.test(chars[end]!) && ALNUM.test(chars[end - 1]!)) {
      let head = end;
      while (head > start && ALNUM.test(chars[head - 1]!)) head--;
      if (end - head <= 2 && head > start) end = head;
      else while (end < chars.length && ALNUM.test(chars[end]!)) end++;
    }
    // Kinsoku: push the last character down; where two marks meet (”，) hang them on this line instead.
    if (end < chars.length && NO_LINE_START.test(chars[end]!)) {
      if (!NO_LINE_START.test(chars[end - 1]!) && end - start > 1) end--;
      else while (end < chars.length && NO_LINE_START.test(chars[end]!)) end++;
    }
    lines.push(chars.slice(start, end).join('').trim());
    start = end;
  }
  return lines.filter((l) => l !== '');
}

export interface PageOptions {
  width: number;
  linesPerPage?: number;
  /** The page-number line of page n; `— n —` as GB/T 9704 prints it. */
  pageNumber?: (n: number) => string;
  /** A running header at the top of every page after the first. */
  header?: string;
  /** An empty line before every paragraph but the first. */
  blankBetween?: boolean;
  /** First-line indent as pdftotext -layout writes it, e.g. two U+3000 or four spaces. */
  indent?: string;
}

/** The text pdftotext would write for these paragraphs, and for each paragraph the text lines it became. */
export function pdftotextLike(paragraphs: readonly string[], options: PageOptions): string {
  const { width, linesPerPage = 22, pageNumber = (n) => `— ${n} —`, header, blankBetween = false, indent } = options;
  const rows: string[] = [];
  let count = 0;
  let page = 1;
  let feed = false;
  const push = (row: string) => {
    rows.push((feed ? '\f' : '') + row);
    feed = false;
  };
  paragraphs.forEach((p, index) => {
    wrapParagraph(p, width, width - (indent ? printedWidth(indent) : 0)).forEach((line, k) => {
      if (count > 0 && count % linesPerPage === 0) {
        push(pageNumber(page++));
        feed = true;
        if (header) push(header);
      }
      if (k === 0 && index > 0 && blankBetween) push('');
      push((k === 0 && indent ? indent : '') + line);
      count++;
    });
  });
  push(pageNumber(page));
  return rows.join('\n') + '\n\f';
}
