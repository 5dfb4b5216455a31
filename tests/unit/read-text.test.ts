/**
 * Plain text → SourceLines: trimmed lines keeping the file's own line numbers, blank lines, indents, form-feed pages.
 */
import { describe, expect, it } from 'vitest';
import { indentWidth, textToSourceDocument } from '../../src/read/text.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { SEED, SEED_LINES } from '../support/read-fixtures.ts';

describe('textToSourceDocument', () => {
  it('gives the seed back line for line, each at the line and column where the file has it', () => {
    const doc = textToSourceDocument(SEED, 'utf-8');
    expect(doc.lines.map((l) => l.text)).toEqual(SEED_LINES);
    // Each line is where the file has it: its line number and column point at its text in the seed itself.
    const fileLines = SEED.split('\n');
    for (const l of nonEmpty(doc.lines, 'seed lines')) {
      expect([...fileLines[l.line - 1]!].slice(l.column - 1).join('').startsWith(l.text), `line ${l.line}:${l.column}`).toBe(true);
    }
    expect(doc.lines.map((l) => l.line)).toEqual(fileLines.flatMap((t, i) => (t.trim() ? [i + 1] : [])));
    expect(doc.lines.every((l) => l.para === undefined)).toBe(true);
    expect(doc.removed).toEqual([]);
  });

  it('marks lines after blank lines and measures indents (U+3000 = 1, two spaces = 1)', () => {
    const doc = textToSourceDocument('一、总则\n\n\u3000\u3000正文\n    二、第二\n\t末行');
    expect(doc.lines.map((l) => [l.text, l.line, l.column, l.afterBlank ?? false, l.indent])).toEqual([
      ['一、总则', 1, 1, false, 0],
      ['正文', 3, 3, true, 2],
      ['二、第二', 4, 5, false, 2],
      ['末行', 5, 2, false, 2],
    ]);
    expect(indentWidth('\u3000 ')).toBe(1.5);
  });

  it('counts pages from form feeds without adding lines; a \\f-only line is not a blank line', () => {
    const doc = textToSourceDocument('第一页\n\f第二页\n\f\n第三页\n前\f后');
    expect(doc.lines.map((l) => [l.text, l.line, l.column, l.page, l.afterBlank ?? false])).toEqual([
      ['第一页', 1, 1, 1, false],
      ['第二页', 2, 2, 2, false],
      ['第三页', 4, 1, 3, false],
      ['前', 5, 1, 3, false],
      ['后', 5, 3, 4, false],
    ]);
  });
});
