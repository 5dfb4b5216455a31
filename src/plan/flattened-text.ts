/**
 * Text whose paragraphs were run together onto one line — separated only by spaces, or by nothing at all — as text
 * copied out of some PDFs, or through a form field, arrives. The line breaks were the only record of where a
 * paragraph ends, so the reader refuses such a line rather than re-split it (which would be guessing), and says
 * what it holds.
 */
import { problem, type Problem } from './problem.ts';
import type { SourceLine } from './source.ts';
import { LABEL_WORDS } from './vocabulary.ts';

const LABELS = Object.keys(LABEL_WORDS).join('|');
// Marks that start a paragraph of their own in the genre, found after whitespace in the middle of a line:
// a section 一、, a subsection （一）, an item 1. 1． 1、 (not a decimal such as 2.0), a field label.
const AFTER_SPACE: { what: string; re: RegExp }[] = [
  { what: 'section heading', re: /(?<=\s)[一二三四五六七八九十]{1,3}\s*[、．.]\s*(?=\S)/gu },
  { what: 'subsection heading', re: /(?<=\s)[（(][一二三四五六七八九十]{1,3}[）)]\s*(?=\S)/gu },
  { what: 'numbered paragraph', re: /(?<=\s)[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])\s*(?=\S)/gu },
  { what: 'field label', re: new RegExp(`(?<=\\s)(?:${LABELS})\\s*[：:]`, 'gu') },
];
// With nothing between them, only a field label straight after a full stop is taken for a paragraph start: a
// numbered or （一） list inside a paragraph (…。1.… 2.…) is common, a 目标任务： inside one is not.
const AFTER_STOP = new RegExp(`(?<=[。；！？])(?:${LABELS})\\s*[：:]`, 'gu');
// A paragraph of the genre can hold an inline list (主要目标： 1. … 2. …) or end with its units (…。责任单位：…),
// but not paragraph starts of two kinds after spaces (a heading and an item, an item and a label), nor four of
// one kind, nor two different labels after full stops, *and* run longer than a paragraph: the seed's longest is
// under 400 characters.
const MIN_STARTS_OF_TWO_KINDS = 2;
const MIN_STARTS_OF_ONE_KIND = 4;
const MIN_LABELS_AFTER_STOP = 2;
const MIN_LENGTH = 400;

/** A paragraph start found in the middle of a line, after a space or straight after a full stop. */
export interface EmbeddedStart {
  what: string;
  text: string;
  column: number;
  after: 'space' | 'stop';
}

/** The paragraph starts that stand inside a line, in order (see AFTER_SPACE and AFTER_STOP). */
export function embeddedStarts(text: string): EmbeddedStart[] {
  const found: { index: number; what: string; text: string; after: 'space' | 'stop' }[] = [];
  for (const { what, re } of AFTER_SPACE) {
    for (const m of text.matchAll(re)) found.push({ index: m.index, what, text: m[0], after: 'space' });
  }
  for (const m of text.matchAll(AFTER_STOP)) found.push({ index: m.index, what: 'field label', text: m[0], after: 'stop' });
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => ({ what: f.what, text: f.text.trim(), column: [...text.slice(0, f.index)].length, after: f.after }));
}

/** True when a line holds several paragraphs run together (see embeddedStarts). */
export function isFlattened(text: string): boolean {
  if ([...text].length < MIN_LENGTH) return false;
  const starts = embeddedStarts(text);
  const spaced = starts.filter((s) => s.after === 'space');
  const kinds = new Set(spaced.map((s) => s.what)).size;
  const labelsAfterStop = new Set(starts.filter((s) => s.after === 'stop').map((s) => s.text.replace(/\s*[：:]$/u, ''))).size;
  return spaced.length >= (kinds > 1 ? MIN_STARTS_OF_TWO_KINDS : MIN_STARTS_OF_ONE_KIND) || labelsAfterStop >= MIN_LABELS_AFTER_STOP;
}

/** A located problem for each line that holds several paragraphs separated only by spaces. */
export function flattenedLines(lines: readonly SourceLine[]): Problem[] {
  const out: Problem[] = [];
  for (const l of lines) {
    if (l.table || !isFlattened(l.text)) continue;
    const starts = embeddedStarts(l.text);
    const shown = starts.slice(0, 3).map((s) => `a ${s.what} “${excerpt(l.text, s.column)}” at column ${l.column + s.column}`).join(', ');
    const how = starts.every((s) => s.after === 'space') ? 'after a space' : starts.every((s) => s.after === 'stop') ? 'straight after the sentence before it' : 'after a space or straight after the sentence before it';
    out.push(
      problem(
        l.line,
        l.column + starts[0]!.column,
        'flattened-text',
        `The text has no line breaks between paragraphs: line ${l.line} is ${[...l.text].length} characters long and holds ${starts.length} places where a paragraph of a plan starts ${how} (${shown}${starts.length > 3 ? ', …' : ''}), as text copied out of some PDFs arrives. Line breaks are the only record of where each paragraph ends, so the reader does not re-split the text. Give the document with its line breaks: the PDF or Word file itself, or text saved from it with its paragraphs.`,
      ),
    );
  }
  return out;
}

function excerpt(text: string, column: number): string {
  const chars = [...text].slice(column, column + 12);
  return `${chars.join('').trim()}…`;
}
