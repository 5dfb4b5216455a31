/**
 * Page furniture in plain text (what pdftotext writes besides the text): page numbers, running headers and
 * footers, and a 目录. Found by form and by position next to page boundaries, never by line number.
 */
import { endsSentence } from './normalize.ts';
import { problem, type Problem } from './problem.ts';
import type { Furniture, SourceLine } from './source.ts';
import { startsBlock, textWidth } from './unwrap.ts';

const N = '([0-9０-９]{1,4})';
const DASH = '[—–\\-－―‐‑−]{1,2}';
// Decorated page numbers: a number with its decoration can only be a page number, wherever it stands.
const DECORATED: RegExp[] = [
  new RegExp(`^${DASH}\\s*${N}\\s*${DASH}$`, 'u'), // — 10 —  —10—  - 10 -  －10－
  new RegExp(`^第\\s*${N}\\s*页(?:\\s*[,，/／]?\\s*共\\s*${N}\\s*页)?$`, 'u'), // 第10页  第 3 页 共 22 页
  new RegExp(`^共\\s*${N}\\s*页\\s*[,，]?\\s*第\\s*${N}\\s*页$`, 'u'), // 共22页 第3页
  new RegExp(`^${N}\\s*[/／]\\s*${N}$`, 'u'), // 3 / 22  3/22
  new RegExp(`^[·•・‧]\\s*${N}\\s*[·•・‧]$`, 'u'), // ·3·
  new RegExp(`^page\\s*${N}(?:\\s*of\\s*${N})?$`, 'iu'), // Page 3 of 22
];
const BARE = /^[0-9０-９]{1,4}$/u;
const CONTENTS_HEADING = /^目[\s\u3000]*录$/u;
// A 目录 entry: a title, then dot leaders or spaces, then its page; or a title running straight into the page.
const CONTENTS_ENTRY = /^(?:.*\S(?:[\s\u3000]*[.．。…·・⋯_]{2,}[\s\u3000]*|[\s\u3000]+)|.*[^\s\u30000-9０-９.．])[0-9０-９]{1,4}$/u;

// Running headers are short: a title or an issuer's name, never a whole wrapped line of text.
const MAX_HEADER_WIDTH = 30;
// A header seen at this many page tops or bottoms is furniture (two could be coincidence: issuer and signatory).
const MIN_HEADER_REPEATS = 3;
// Bare numbers spaced like pages: at least three, each page at least this many lines long.
const MIN_RUN = 3;
const MIN_PAGE_LINES = 3;

/** What the furniture pass found: lines to drop, and the problems of lines it could not settle. */
export interface FurnitureScan {
  /** Index in the input → what it was. */
  removed: Map<number, Furniture>;
  problems: Problem[];
}

function digits(text: string): number {
  return Number(text.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** True for a line that can only be a page number (`— 10 —`, `第10页`, `3 / 22`, `·3·`, `Page 3 of 22` …). */
export function isDecoratedPageNumber(text: string): boolean {
  return DECORATED.some((re) => re.test(text));
}

/** Finds page numbers, running headers and a 目录 block among plain-text lines (`plain` says which). */
export function scanFurniture(lines: readonly SourceLine[], plain: (i: number) => boolean): FurnitureScan {
  const removed = new Map<number, Furniture>();
  const problems: Problem[] = [];
  const drop = (i: number, kind: Furniture['kind']) => {
    const l = lines[i]!;
    removed.set(i, { kind, text: l.text, line: l.line, ...(l.page !== undefined ? { page: l.page } : {}) });
  };
  // A page boundary from form feeds: the page number changes between two lines, or the last page ends.
  const pagesKnown = lines.some((l) => l.page !== undefined);
  const pageEndsAfter = (i: number) =>
    pagesKnown && (i === lines.length - 1 || (lines[i + 1]!.page ?? 0) > (lines[i]!.page ?? 0));
  const pageStartsAt = (i: number) => i > 0 && (lines[i]!.page ?? 0) > (lines[i - 1]!.page ?? 0);

  // 1. Page numbers. Decorated ones anywhere; bare ones at a form feed or in a run spaced like pages.
  const bare: number[] = [];
  lines.forEach((l, i) => {
    if (!plain(i)) return;
    if (isDecoratedPageNumber(l.text)) drop(i, 'page-number');
    else if (BARE.test(l.text)) {
      if (pageEndsAfter(i) || pageStartsAt(i)) drop(i, 'page-number');
      else bare.push(i);
    }
  });
  for (const i of pageRuns(lines, bare)) drop(i, 'page-number');
  for (const i of bare) {
    if (removed.has(i)) continue;
    const l = lines[i]!;
    problems.push(
      problem(
        l.line,
        l.column,
        'page-number-unsure',
        `Line ${l.line} holds only the number ${l.text}, away from any page break, so the reader cannot tell whether it is a page number, a web page's view count or part of the text; it kept it as text. To settle it, give the PDF itself, or the text with its form feeds (pdftotext writes them by default), so that the page breaks are known.`,
      ),
    );
  }

  // 2. 目录: the heading and the entries that follow it, up to the first line that is not an entry.
  lines.forEach((l, i) => {
    if (!plain(i) || removed.has(i) || !CONTENTS_HEADING.test(l.text)) return;
    const entries: number[] = [];
    for (let j = i + 1; j < lines.length && plain(j); j++) {
      if (removed.has(j)) continue; // a page number inside a 目录 that runs over two pages
      if (!CONTENTS_ENTRY.test(lines[j]!.text)) break;
      entries.push(j);
    }
    if (entries.length === 0) return; // a line 目录 in the text itself, not a table of contents
    for (const j of [i, ...entries]) drop(j, 'contents');
  });

  // 3. Running headers and footers: the same short line at the top or bottom of at least three pages.
  const kept = lines.map((_, i) => i).filter((i) => plain(i) && !removed.has(i));
  const atBoundary = (k: number) => {
    const i = kept[k]!;
    const before = kept[k - 1];
    const after = kept[k + 1];
    // A removed page number between two kept lines marks a page boundary as surely as a form feed.
    const furnitureBetween = (a: number, b: number) => {
      for (let j = a + 1; j < b; j++) if (removed.get(j)?.kind === 'page-number') return true;
      return false;
    };
    const top = before === undefined ? false : pageStartsAt(i) || (lines[i]!.page ?? 0) > (lines[before]!.page ?? 0) || furnitureBetween(before, i);
    const bottom = after === undefined ? pageEndsAfter(i) || furnitureBetween(i, lines.length) : (lines[after]!.page ?? 0) > (lines[i]!.page ?? 0) || furnitureBetween(i, after);
    return top || bottom;
  };
  const byText = new Map<string, number[]>();
  kept.forEach((i, k) => {
    const text = lines[i]!.text;
    // Headings, labels and sentences are text even when they happen to open three pages.
    if (textWidth(text) > MAX_HEADER_WIDTH || startsBlock(text) || endsSentence(text) || /[，；,;]/u.test(text)) return;
    if (!atBoundary(k)) return;
    byText.set(text, [...(byText.get(text) ?? []), i]);
  });
  for (const at of byText.values()) if (at.length >= MIN_HEADER_REPEATS) for (const i of at) drop(i, 'running-header');

  return { removed, problems };
}

/** Bare numbers that count up one by one, spaced like pages: page numbers of a text without form feeds. */
function pageRuns(lines: readonly SourceLine[], bare: readonly number[]): number[] {
  const out: number[] = [];
  let run: number[] = [];
  const close = () => {
    const gaps = run.slice(1).map((i, k) => i - run[k]!);
    // Pages hold about the same number of lines; the first and last may be shorter, none much longer.
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
    const even = gaps.length > 0 && gaps.every((g) => g >= MIN_PAGE_LINES && g <= 2 * median + 2);
    if (run.length >= MIN_RUN && even) out.push(...run);
    run = [];
  };
  for (const i of bare) {
    const last = run[run.length - 1];
    if (last !== undefined && digits(lines[i]!.text) !== digits(lines[last]!.text) + 1) close();
    run.push(i);
  }
  close();
  return out;
}
