/**
 * Positioned text items of a PDF → lines, page furniture and paragraph starts. Pure geometry on what pdf.js
 * reports; hand-written because pdf.js gives items, not lines or paragraphs, and no maintained library turns
 * CJK items into paragraphs by indent and line end.
 */
import type { Furniture, SourceLine } from '../plan/source.ts';

/** One text item: its string, baseline origin (PDF points, y up), advance width and font size. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line of one page, before furniture and paragraphs are decided. */
export interface PdfLine {
  text: string;
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const WORDISH = /[A-Za-z0-9]/u;

/**
 * Groups one page's items into lines, top to bottom: items whose baselines lie within 0.4 em of each other
 * share a line, ordered by x. Strings are joined as written; a space is added only between Latin/digit runs
 * that stand ≥ 0.5 em apart (pdf.js drops such spaces when the PDF positions words instead of writing spaces).
 */
export function itemsToLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - item.y) <= 0.4 * Math.max(item.size, group[0]!.size)) group.push(item);
    else groups.push([item]);
  }
  const lines: PdfLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of group) {
      const last = text.at(-1) ?? '';
      const first = item.str[0] ?? '';
      if (text && WORDISH.test(last) && WORDISH.test(first) && item.x - end >= 0.5 * item.size) text += ' ';
      text += item.str;
      end = Math.max(end, item.x + item.width);
    }
    const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    if (trimmed === '') continue;
    const size = Math.max(...group.map((i) => i.size));
    lines.push({ text: trimmed, page, x0: group[0]!.x, x1: end, y: group[0]!.y, size });
  }
  return lines;
}

// Page numbers in the forms Chinese documents print them: — 10 —, - 10 -, －10－, 10, 第10页, 第 3 页 共 22 页, 3 / 22, ·3·.
const PAGE_NUMBER = new RegExp(
  [
    '[—–―－\\-‐‒﹣~～·•・]*\\s*\\d{1,4}\\s*[—–―－\\-‐‒﹣~～·•・]*',
    '第\\s*\\d{1,4}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,4}\\s*页)?',
    '\\d{1,4}\\s*[/／]\\s*\\d{1,4}',
    '(?:page\\s*)?\\d{1,4}(?:\\s*of\\s*\\d{1,4})?',
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/u, '^(?:')
    .concat(')$'),
  'iu',
);

/**
 * True for a line that is only a page number.
 * @example isPageNumber('— 10 —') // true
 * @example isPageNumber('第 3 页 共 22 页') // true
 */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim()) && /\d/u.test(text);
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Lines of all pages → the kept lines and the furniture left out (page numbers, running headers). */
export function separateFurniture(pages: readonly PdfLine[][]): { kept: (PdfLine & { line: number })[]; removed: Furniture[] } {
  // The usual distance between neighbouring lines; a page number stands further off the text block than that.
  const pitches = pages.flatMap((lines) => lines.slice(1).map((l, i) => lines[i]!.y - l.y)).filter((p) => p > 0);
  // The commonest spacing, not the median: on short pages the gaps to furniture would outweigh the body lines.
  const pitch = mode(pitches) || 20;
  const kinds = new Map<PdfLine, Furniture['kind']>();
  const detached = (lines: readonly PdfLine[], i: number, inward: number) => {
    const other = lines[inward];
    return !other || Math.abs(lines[i]!.y - other.y) > 1.2 * pitch;
  };
  // Edge lines: the first and the last of each page, when set apart from the body text.
  const edges: PdfLine[] = [];
  for (const lines of pages) {
    const n = lines.length;
    if (n === 0) continue;
    // A page of one line has one edge, not two.
    for (const [i, inward] of (n === 1 ? [[0, 1]] : [[n - 1, n - 2], [0, 1]]) as [number, number][]) {
      const line = lines[i]!;
      if (!detached(lines, i, inward)) continue;
      if (isPageNumber(line.text)) kinds.set(line, 'page-number');
      else edges.push(line);
    }
  }
  // A running header (or footer) repeats on three pages or more at the same height, digits aside.
  const key = (l: PdfLine) => `${Math.round(l.y / 2)}|${l.text.replace(/\d+/gu, '#')}`;
  const counts = new Map<string, Set<number>>();
  for (const l of edges) counts.set(key(l), (counts.get(key(l)) ?? new Set()).add(l.page));
  for (const l of edges) if ((counts.get(key(l))?.size ?? 0) >= 3) kinds.set(l, 'running-header');

  const kept: (PdfLine & { line: number })[] = [];
  const removed: Furniture[] = [];
  let number = 0;
  for (const lines of pages) {
    for (const l of lines) {
      number += 1;
      const kind = kinds.get(l);
      if (kind) removed.push({ kind, text: l.text, line: number, page: l.page });
      else kept.push({ ...l, line: number });
    }
  }
  return { kept, removed };
}

/**
 * Kept lines → SourceLines with paragraph starts. The text block's left edge is the commonest line start, its
 * right edge the furthest line end. A line starts a paragraph when it is indented ≥ 1.5 em, when it is centred,
 * when the line before ended ≥ 1.5 em short of the right edge, or when its font size differs from the line
 * before; a centred line right under a centred or full line of the same size continues a wrapped title.
 */
export function linesToSourceLines(lines: readonly (PdfLine & { line: number })[]): SourceLine[] {
  const left = mode(lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const centred = (l: PdfLine) => l.x0 - left >= l.size && Math.abs(l.x0 - left - (right - l.x1)) <= l.size;
  const full = (l: PdfLine) => l.x0 - left < l.size && right - l.x1 < l.size;
  return lines.map((l, i) => {
    const prev = lines[i - 1];
    const indent = Math.max(0, (l.x0 - left) / l.size);
    let start: boolean;
    if (!prev) start = true;
    else if (centred(l) && Math.abs(prev.size - l.size) < 0.5 && prev.page === l.page && prev.y - l.y <= 1.6 * l.size && (centred(prev) || full(prev))) start = false;
    else start = indent >= 1.5 || centred(l) || right - prev.x1 >= 1.5 * prev.size || Math.abs(prev.size - l.size) >= 0.15 * l.size;
    return { text: l.text, line: l.line, column: 1, para: start ? 'start' : 'continue', page: l.page, indent: Math.round(indent * 10) / 10 };
  });
}
