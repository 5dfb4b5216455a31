/**
 * Exact matching of a query against a record's text, whitespace ignored on both sides (so 25万个 finds
 * “25 万个”) and Latin letters case-folded. This decides what counts as a hit, online and offline alike;
 * the index only proposes candidates.
 */

// Whitespace, plus the zero-width space Pagefind puts between the tokens it stores.
const WHITESPACE = /[\s\u3000\u200B]+/gu;

/** The query as matched: no whitespace, lower case. */
export function normalizeQuery(query: string): string {
  return query.replace(WHITESPACE, '').toLowerCase();
}

/** A text with the map from each kept character back to its offset in the original. */
interface Folded {
  folded: string;
  /** UTF-16 offset in the original text of each UTF-16 unit of `folded`. */
  offsets: number[];
}

function fold(text: string): Folded {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\s\u3000\u200B]/u.test(ch)) continue;
    const lower = ch.toLowerCase();
    // Lower-casing can change length for a few letters (İ); keep the mapping one unit per unit.
    for (let k = 0; k < lower.length; k++) offsets.push(i);
    folded += lower;
  }
  return { folded, offsets };
}

/** A match as [start, end) UTF-16 offsets into the original text. */
export type Range = readonly [number, number];

/**
 * Every non-overlapping occurrence of the query in the text, as ranges of the original text.
 * @example findMatches('增加学位 25 万个', '25万个') // [[5, 10]]
 */
export function findMatches(text: string, query: string): Range[] {
  const q = normalizeQuery(query);
  if (q === '') return [];
  const { folded, offsets } = fold(text);
  const out: Range[] = [];
  for (let i = folded.indexOf(q); i !== -1; i = folded.indexOf(q, i + q.length)) {
    out.push([offsets[i]!, offsets[i + q.length - 1]! + 1]);
  }
  return out;
}

/** True when the text contains the query (whitespace ignored). */
export function matches(text: string, query: string): boolean {
  const q = normalizeQuery(query);
  return q !== '' && fold(text).folded.includes(q);
}

/**
 * The words the index is asked for: every letter or digit of the query as its own token. The index stores
 * item text the same way (one token per character), so a page holding the query holds every token:
 * candidates never miss a hit, and exact matching then removes the rest.
 * @example queryTokens('1+X 证书') // ['1', 'x', '证', '书']
 */
export function queryTokens(query: string): string[] {
  return [...normalizeQuery(query)].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
}

/**
 * The text as the index stores it: every character its own token, separated by spaces, so no word
 * segmentation (the indexer's or the browser's) can hide a substring. Punctuation stays in the stored
 * text, so exact matching on it (93%, 1+X, “双一流”) still works.
 * @example toIndexContent('大班额 5%') // '大 班 额 5 %'
 */
export function toIndexContent(text: string): string {
  return [...text.replace(WHITESPACE, '')].join(' ');
}

/** A piece of an excerpt: plain text or a highlighted match. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/**
 * A short excerpt around the first match (in the text's paragraph), with every match in it highlighted.
 * @example excerpt('甲乙丙丁', '乙', 1) // [{text:'…甲',hit:false},{text:'乙',hit:true},{text:'丙…',hit:false}]
 */
export function excerpt(text: string, query: string, context = 40): ExcerptPart[] {
  const ranges = findMatches(text, query);
  if (ranges.length === 0) return [{ text: text.slice(0, context * 2), hit: false }];
  const [firstStart, firstEnd] = ranges[0]!;
  const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  const lineEndRaw = text.indexOf('\n', firstEnd);
  const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
  const from = Math.max(lineStart, firstStart - context);
  const to = Math.min(lineEnd, firstEnd + context * 2);
  const parts: ExcerptPart[] = [];
  let pos = from;
  if (from > lineStart) parts.push({ text: '…', hit: false });
  for (const [s, e] of ranges) {
    if (s < from || e > to) continue;
    if (s > pos) parts.push({ text: text.slice(pos, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (to > pos) parts.push({ text: text.slice(pos, to), hit: false });
  if (to < lineEnd) parts.push({ text: '…', hit: false });
  return parts.filter((p) => p.text !== '');
}
