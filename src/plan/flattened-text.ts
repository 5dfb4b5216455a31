/**
 * Text whose paragraphs were run together onto one line, separated only by spaces — as text copied out of some
 * PDFs, or through a form field, arrives. The line breaks were the only record of where a paragraph ends, so
 * the reader refuses such a line rather than re-split it (which would be guessing), and says what it holds.
 */
import { problem, type Problem } from './problem.ts';
import type { SourceLine } from './source.ts';

// Marks that start a paragraph of their own in the genre, found after whitespace in the middle of a line:
// a section 一、, a subsection （一）, an item 1. 1． 1、 (not a decimal such as 2.0), a field label.
const STARTS: { what: string; re: RegExp }[] = [
  { what: 'section heading', re: /(?<=\s)[一二三四五六七八九十]{1,3}\s*[、．.]\s*(?=\S)/gu },
  { what: 'subsection heading', re: /(?<=\s)[（(][一二三四五六七八九十]{1,3}[）)]\s*(?=\S)/gu },
  { what: 'numbered paragraph', re: /(?<=\s)[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])\s*(?=\S)/gu },
  { what: 'field label', re: /(?<=\s)(?:目标任务|工作措施|责任单位|牵头单位|配合单位|責任單位|目標任務|工作措施)\s*[：:]/gu },
];
// A paragraph of the genre can hold an inline list, but not two paragraph starts after spaces *and* run longer
// than any paragraph: the seed's longest paragraph is under 400 characters.
const MIN_STARTS = 2;
const MIN_LENGTH = 400;

/** A paragraph start found in the middle of a line. */
export interface EmbeddedStart {
  what: string;
  text: string;
  column: number;
}

/** The paragraph starts that stand after whitespace inside a line, in order. */
export function embeddedStarts(text: string): EmbeddedStart[] {
  const found: { index: number; what: string; text: string }[] = [];
  for (const { what, re } of STARTS) {
    for (const m of text.matchAll(re)) found.push({ index: m.index, what, text: m[0] });
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => ({ what: f.what, text: f.text.trim(), column: [...text.slice(0, f.index)].length }));
}

/** True when a line holds several paragraphs run together (see embeddedStarts). */
export function isFlattened(text: string): boolean {
  return [...text].length >= MIN_LENGTH && embeddedStarts(text).length >= MIN_STARTS;
}

/** A located problem for each line that holds several paragraphs separated only by spaces. */
export function flattenedLines(lines: readonly SourceLine[]): Problem[] {
  const out: Problem[] = [];
  for (const l of lines) {
    if (l.table || !isFlattened(l.text)) continue;
    const starts = embeddedStarts(l.text);
    const shown = starts.slice(0, 3).map((s) => `a ${s.what} “${excerpt(l.text, s.column)}” at column ${l.column + s.column}`).join(', ');
    out.push(
      problem(
        l.line,
        l.column + starts[0]!.column,
        'flattened-text',
        `The text has no line breaks between paragraphs: line ${l.line} is ${[...l.text].length} characters long and holds ${starts.length} places where a paragraph of a plan starts after a space (${shown}${starts.length > 3 ? ', …' : ''}), as text copied out of some PDFs arrives. Line breaks are the only record of where each paragraph ends, so the reader does not re-split the text. Give the document with its line breaks: the PDF or Word file itself, or text saved from it with its paragraphs.`,
      ),
    );
  }
  return out;
}

function excerpt(text: string, column: number): string {
  const chars = [...text].slice(column, column + 12);
  return `${chars.join('').trim()}…`;
}
