/**
 * Lines → paragraphs for plain text: tells hard-wrapped text (pdftotext: one printed line per line) from text
 * with one paragraph per line, and joins the lines that belong together. Nothing here changes a character.
 */
import { isHeadingTitle, lookOf } from './classify.ts';
import { endsSentence } from './normalize.ts';
import { problem, type Problem } from './problem.ts';
import type { SourceLine } from './source.ts';
import { ARABIC_DATE, CHINESE_DATE, endsInDocumentKind, LABEL_AT_START, REQUIREMENTS_OPENING, SECTION_SEPARATORS, TITLE_GOES_ON, UNIT_LABEL_SOURCE } from './vocabulary.ts';

/** How the plain text is laid out: one paragraph per line, or printed lines of at most `width` characters. */
export type Layout = { hardWrapped: false } | { hardWrapped: true; width: number };

/** A plain-text line with what lay between it and the line before (blank lines, a page break, furniture). */
export interface PlainLine {
  source: SourceLine;
  /** A blank line came right before this line. */
  blankBefore: boolean;
  /** A page boundary (form feed or removed page furniture) lies between this line and the one before. */
  pageBreakBefore: boolean;
  /** Removed text that stands on its own (a 目录) lies between: a paragraph cannot run across it. */
  hardBreakBefore: boolean;
}

// Half-width: ASCII, Latin and the half-width forms; everything else (CJK, full-width, “”—…) is one character.
/** Printed width of a text in characters: CJK and full-width count 1, ASCII and half-width 0.5. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    width += c < 0x2000 || (c >= 0xff61 && c <= 0xffdc) || (c >= 0xffe8 && c <= 0xffee) ? 0.5 : 1;
  }
  return width;
}

const NUMERAL = '[一二三四五六七八九十两]{1,3}';
const BLOCK_STARTS: RegExp[] = [
  new RegExp(`^${NUMERAL}\\s*[${SECTION_SEPARATORS}]\\s*\\S`, 'u'), // 一、 section (一． in some web copies)
  new RegExp(`^[（(]${NUMERAL}[）)]\\s*\\S`, 'u'), // （一） subsection
  /^[0-9０-９]{1,4}\s*[.．、](?![0-9０-９])\s*\S/u, // 1. 1． 1、 item, not a decimal such as 2.0
  LABEL_AT_START, // field labels, in either script (vocabulary.ts)
  /^[（(][0-9０-９]{1,2}[）)]/u, // （1） (1) sub-point
  /^[①-⑳]/u,
  /^附件(?:\s*[0-9０-９]{1,3})?\s*(?:[：:]|$)/u, // 附件 附件1 附件：
  /^抄送\s*[：:]/u,
];
// Lines that stand alone by nature: a date line, a note in parentheses such as （此件主动公开）.
const STANDALONE: RegExp[] = [ARABIC_DATE, CHINESE_DATE, /^[（(][^（()）]*[）)]$/u];
const SUBSECTION_HEADING = new RegExp(`^[（(]${NUMERAL}[）)]`, 'u');
// Lists of names (units, recipients) end without punctuation by convention; cut by a page they end in 、 or ，.
const LIST_LABEL = new RegExp(`^(?:${UNIT_LABEL_SOURCE}|抄送)\\s*[：:]`, 'u');
const LIST_CUT = /[、，,]$/u;
const LABEL = LABEL_AT_START;
// Running text has clauses; titles, names and headings (湖南省教育厅, …的通知) have none.
const CLAUSE_MARK = /[，、；：,;:]/u;
const LEAD_IN = /[：:]$/u;

/** True when a line opens a block of its own: a heading, a field label, a sub-point, 附件, 抄送, a date, a note. */
export function startsBlock(text: string): boolean {
  return BLOCK_STARTS.some((re) => re.test(text)) || STANDALONE.some((re) => re.test(text));
}

// A paragraph may end after 。！？； and also after ： (a lead-in such as the addressees of a notice).
function mayEndParagraph(text: string): boolean {
  return endsSentence(text) || LEAD_IN.test(text);
}

function isHeading(text: string): boolean {
  const look = lookOf(text);
  return look.kind === 'section' || (look.kind === 'numbered' && isHeadingTitle(look.rest)) || (SUBSECTION_HEADING.test(text) && !endsSentence(text) && [...text].length <= 60);
}

// Share and count of lines that must end at the same width before the text counts as hard-wrapped. One paragraph
// per line (the seed) never comes close: its lines are of every length, and most are far longer than any width
// that a few short lines share. A wrapped plan has most lines full: 28 wide, 80 % of the seed's lines are full.
const MIN_FULL_SHARE = 0.3;
const MIN_FULL_LINES = 8;
// Lines longer than W + 1 (beyond hanging punctuation) would mean W is not the width of the page.
const MAX_OVERLONG_SHARE = 0.1;
// Kinsoku (no 。 at a line start, no “ at a line end) leaves a full line up to 1.5 characters short.
const FULL_TOLERANCE = 2.5;
// pdftotext -layout keeps the two-character first-line indent; more is centring or alignment.
const MAX_INDENT = 2;

function baseIndent(lines: readonly PlainLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(l.source.indent ?? 0, (counts.get(l.source.indent ?? 0) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function printedWidth(line: SourceLine, base: number): number {
  return textWidth(line.text) + Math.min(Math.max((line.indent ?? 0) - base, 0), MAX_INDENT);
}

/** Finds whether plain lines are hard-wrapped, and at which width: the width most lines fill. */
export function measureLayout(lines: readonly PlainLine[]): Layout {
  const base = baseIndent(lines);
  const widths = lines.map((l) => printedWidth(l.source, base));
  // Only a width that few lines exceed can be the page's: where paragraphs are short, the first lines (two
  // characters short of the edge once pdftotext drops their indent) may outnumber the full lines below them.
  const sorted = [...widths].sort((a, b) => a - b);
  const overlongAt = (w: number) => sorted.length - upperBound(sorted, w + 1);
  let best = { width: 0, full: 0 };
  for (const w of new Set(widths)) {
    if (overlongAt(w) > MAX_OVERLONG_SHARE * widths.length) continue;
    const full = widths.filter((x) => x >= w - 1 && x <= w).length;
    if (full > best.full || (full === best.full && w > best.width)) best = { width: w, full };
  }
  const wrapped = best.full >= MIN_FULL_LINES && best.full >= MIN_FULL_SHARE * widths.length;
  return wrapped ? { hardWrapped: true, width: best.width } : { hardWrapped: false };
}

// Marks of running text that no title carries (a title may hold 、 and spaces between issuers).
const TITLE_CLAUSE = /[，；：。！？,;:!?]/u;

/** True when lines from `i` are a notice's signatories down to its date: short lines with no clauses, then a date. */
function signatureAhead(lines: readonly PlainLine[], i: number, full: (l: SourceLine) => boolean): boolean {
  for (let k = i; k < lines.length && k < i + 6; k++) {
    const text = lines[k]!.source.text;
    if (ARABIC_DATE.test(text) || CHINESE_DATE.test(text)) return k > i;
    if (full(lines[k]!.source) || TITLE_CLAUSE.test(text) || endsSentence(text)) return false;
  }
  return false;
}

/** True when a line opens the 总体要求 (…总体要求是：, 指导思想：…), which never continues a title. */
function opensRequirements(text: string): boolean {
  return REQUIREMENTS_OPENING.test(text);
}

// Index of the first value greater than x in an ascending array.
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Groups plain lines into paragraphs (indices into `lines`), with a located warning where it had to choose. */
export function groupLines(lines: readonly PlainLine[], layout: Layout): { groups: number[][]; warnings: Problem[] } {
  const groups: number[][] = [];
  const warnings: Problem[] = [];
  const base = baseIndent(lines);
  const full = (l: SourceLine) => layout.hardWrapped && printedWidth(l, base) >= layout.width - FULL_TOLERANCE;
  const indentsMark = layout.hardWrapped && marksStarts(lines, full, (l) => (l.source.indent ?? 0) > base);
  const blanksMark = layout.hardWrapped && marksStarts(lines, full, (l) => l.blankBefore);
  // pdftotext without -layout drops the two-character first-line indent of GB/T 9704 paragraphs, so a paragraph's
  // first line reaches the edge two characters short of the lines that follow it.
  const firstSection = Math.max(0, lines.findIndex((l) => /^[一二三四五六七八九十]{1,3}、/u.test(l.source.text)));
  const indentLost = layout.hardWrapped && !lines.some((l) => (l.source.indent ?? 0) > base);
  const fullFirst = (l: SourceLine) => layout.hardWrapped && printedWidth(l, base) + 2 >= layout.width - FULL_TOLERANCE;
  lines.forEach((b, i) => {
    const group = groups[groups.length - 1];
    const join = group !== undefined && !b.hardBreakBefore && !startsBlock(b.source.text) && (() => {
      const paragraph = group.map((k) => lines[k]!.source.text).join('');
      const a = lines[i - 1]!.source;
      if (!layout.hardWrapped) return continuesAcrossBreak(paragraph, a.text, b);
      // In the head of the document a line ending in a 文种 (…通知, …要点) ends a title, unless the next line
      // goes on with a closing mark that cannot start a line (…工作要点 / 》印发给你们) or the
      // parentheses of a span of years (…行动计划 / （2021—2023年）》的通知) or 的 (…工作要点 / 的通知).
      if (i < firstSection && endsInDocumentKind(a.text) && !TITLE_GOES_ON.test(b.source.text)) return false;
      // A title has no clauses: a title line followed by the first line of the 总体要求 ends at its own line.
      if (i < firstSection && group.length === 1 && !TITLE_CLAUSE.test(a.text) && opensRequirements(b.source.text)) return false;
      // The signature block of a notice: short lines without clauses down to the 成文日期 start after a sentence.
      if (i < firstSection && endsSentence(a.text) && signatureAhead(lines, i, full)) return false;
      const aFull = full(a) || (indentLost && group.length === 1 && fullFirst(a));
      if (!aFull && listGoesOn(paragraph, b, lines[i + 1])) return true;
      if (listEndsBefore(paragraph, b, lines[i + 1], lines[i + 2])) return false;
      if (!aFull || STANDALONE.some((re) => re.test(a.text))) return false;
      // pdftotext -layout: the first-line indent marks every paragraph start, whatever the line above ends in.
      if (indentsMark) return (b.source.indent ?? 0) <= base;
      if (!mayEndParagraph(a.text)) return true; // a full line mid-sentence: the paragraph goes on
      // A blank line marks the end, unless it is one pdftotext writes around a page break.
      if (b.blankBefore && !b.pageBreakBefore) return false;
      if (blanksMark) return true; // paragraphs are set apart by blank lines, and none is here
      warnings.push(paragraphEndUnsure(a, layout.width));
      return true;
    })();
    if (join) group.push(i);
    else groups.push([i]);
  });
  return { groups, warnings };
}

// One paragraph per line: a line continues across a blank line or a page break only when the text before it
// stops mid-sentence in running text (the page-break join). Titles, names, headings, lead-ins and unit lists
// end their paragraph without punctuation, so they stand alone.
function continuesAcrossBreak(paragraph: string, last: string, b: PlainLine): boolean {
  if (!b.blankBefore && !b.pageBreakBefore) return false;
  if (mayEndParagraph(last) || STANDALONE.some((re) => re.test(last)) || isHeading(paragraph)) return false;
  if (LIST_LABEL.test(paragraph) && !LIST_CUT.test(last)) return false;
  return CLAUSE_MARK.test(paragraph.replace(LABEL, ''));
}

// A list of units that wraps short of the width — its continuation aligned under the first name, an indent
// pdftotext without -layout drops — goes on in a line of names: no clause mark but 、 (a final 。 allowed), not a
// heading, label or item. A signature block (names above a date) is not taken for one: the line after a
// continuation is an item, a heading, a label, an 附件 or 抄送 line, running text, or the end.
const UNIT_LIST = new RegExp(`^${UNIT_LABEL_SOURCE}\\s*[：:]`, 'u');
const NAMES = /^[^，,；;：:。！？!?]+。?$/u;
function listGoesOn(paragraph: string, b: PlainLine, after: PlainLine | undefined): boolean {
  if (!UNIT_LIST.test(paragraph) || endsSentence(paragraph) || b.blankBefore || !NAMES.test(b.source.text)) return false;
  if (!after || after.blankBefore) return true;
  const next = after.source.text;
  return (startsBlock(next) && !STANDALONE.some((re) => re.test(next))) || !NAMES.test(next);
}

// A list of units separated by 、 does not go on in running text (a clause mark other than 、): the line that
// follows is the next paragraph, such as the closing, even where the list's line came close to the width. Nor
// does it go on in a signature block — names right above a date (青溪市教育局 / 2023年2月20日) — which a list
// that reached the edge could otherwise swallow.
function listEndsBefore(paragraph: string, b: PlainLine, after: PlainLine | undefined, afterNext: PlainLine | undefined): boolean {
  const label = UNIT_LIST.exec(paragraph);
  if (label === null) return false;
  if (!NAMES.test(b.source.text)) return !/[，,；;]/u.test(paragraph.slice(label[0].length));
  const isDate = (l: PlainLine | undefined) => l !== undefined && STANDALONE.slice(0, 2).some((re) => re.test(l.source.text));
  return isDate(after) || (after !== undefined && NAMES.test(after.source.text) && !startsBlock(after.source.text) && isDate(afterNext));
}

// pdftotext -layout keeps the first-line indent, and many copies set paragraphs apart by a blank line: when
// most lines that surely start a paragraph (after a short line) carry the mark, its presence or absence settles
// every full line that ends in 。.
const MIN_MARKED_STARTS = 3;
const MIN_MARKED_SHARE = 0.6;
function marksStarts(lines: readonly PlainLine[], full: (l: SourceLine) => boolean, marked: (l: PlainLine) => boolean): boolean {
  const starts = lines.slice(1).filter((l, i) => !full(lines[i]!.source) && !startsBlock(l.source.text));
  return starts.length >= MIN_MARKED_STARTS && starts.filter(marked).length >= MIN_MARKED_SHARE * starts.length;
}

function paragraphEndUnsure(a: SourceLine, width: number): Problem {
  const mark = [...a.text].filter((ch) => !/[”’」』）)\]】》]/u.test(ch)).pop() ?? '。';
  return problem(
    a.line,
    a.column + [...a.text].length - 1,
    'paragraph-end-unsure',
    `The text is hard-wrapped at ${width} characters, as pdftotext writes it, and line ${a.line} fills the line and ends in ${mark}, so the reader cannot tell whether the paragraph ends there; it read it as continuing. To settle it, give the PDF itself, or put an empty line after line ${a.line} where a paragraph ends (an empty line is whitespace, not a change to the text).`,
  );
}
