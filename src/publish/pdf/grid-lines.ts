/**
 * Breaks a paragraph into the lines of GB/T 9704's 28-character grid, as word processors' document grids set a
 * 公文: every full-width character takes one cell, so a full line holds exactly 28. Typst's own CJK breaking
 * follows the W3C clreq and compresses punctuation (a 。 after a ， takes half a cell, a 。 at the line's end
 * hangs or shrinks), which puts a 29th character on a line; so the template receives lines broken here, split
 * between adjacent marks (punctuationRuns), and only justifies them. Pure: text in, lines out, every character kept in order.
 */

/** Characters that never start a line (GB/T 15834 and the W3C's clreq): closing marks and pause marks. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〗〉’”…—％‰·．,.;:?!)]}%']);
/** Characters that never end a line: opening marks. */
const NO_END = new Set([...'（《「『【〔〖〈‘“([{']);

/** Width of one character in cells: full-width 1; ASCII and other half-width characters `half`. */
export type CharWidth = (char: string) => number;

/** Half-width characters take `half` a cell (0.5 in a monospaced CJK face; more where Latin is proportional). */
export const cellWidth =
  (half = 0.5): CharWidth =>
  (c) =>
    c.codePointAt(0)! < 0x1100 || /[\uff61-\uff9f]/u.test(c) ? half : 1;

/**
 * Splits text into units never broken inside: a run of Latin letters and digits (with . , : % between digits), a
 * dash or ellipsis pair (—— ……), any other single character.
 */
export function breakUnits(text: string): string[] {
  return text.match(/[A-Za-z0-9]+(?:[.,:][0-9]+)*%?|——|……|[\s\S]/gu) ?? [];
}

/** A paragraph's layout: the first line starts `first` cells in, the others `rest`; `cells` per full line. */
export interface GridOptions {
  cells: number;
  first: number;
  rest: number;
  width?: CharWidth;
}

/**
 * The lines of `text`: as many units as fit each line, then units carried over so that no line starts with a
 * closing or pause mark and none ends with an opening mark.
 * @example gridLines('一二三，四', { cells: 3, first: 0, rest: 0 }) // ['一二', '三，四']
 */
export function gridLines(text: string, opts: GridOptions): string[] {
  const width = opts.width ?? cellWidth();
  const units = breakUnits(text);
  const unitWidth = units.map((u) => [...u].reduce((w, c) => w + width(c), 0));
  const lines: string[] = [];
  let pos = 0;
  while (pos < units.length) {
    const room = opts.cells - (lines.length === 0 ? opts.first : opts.rest);
    let end = pos;
    let used = 0;
    // Always at least one unit, even one wider than the line (it then overflows rather than vanishes).
    while (end < units.length && (end === pos || used + unitWidth[end]! <= room + 1e-9)) used += unitWidth[end++]!;
    if (end < units.length) {
      let fixed = end;
      const startsBadly = (at: number) => at < units.length && NO_START.has(units[at]![0]!);
      const endsBadly = (at: number) => NO_END.has([...units[at - 1]!].at(-1)!);
      while (fixed - 1 > pos && (startsBadly(fixed) || endsBadly(fixed))) fixed -= 1;
      // A line made only of marks keeps its greedy break (nothing better exists).
      if (!(startsBadly(fixed) || endsBadly(fixed))) end = fixed;
    }
    lines.push(units.slice(pos, end).join(''));
    pos = end;
  }
  return lines;
}

/** CJK punctuation Typst compresses when two meet (W3C clreq 3.1.6.1), which would take a cell's grid away. */
const PUNCTUATION = new Set([...'，。、；：？！）》」』】〕〗〉’”（《「『【〔〖〈‘“．·']);

/**
 * A line split between any two adjacent punctuation marks, so the template can set each mark in its own run (Typst
 * then compresses neither, and each keeps its whole cell).
 * @example punctuationRuns('（一）、二') // ['（一）', '、二']
 */
export function punctuationRuns(line: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const c of line) {
    if (run && PUNCTUATION.has(c) && PUNCTUATION.has([...run].at(-1)!)) {
      runs.push(run);
      run = '';
    }
    run += c;
  }
  if (run) runs.push(run);
  return runs;
}
