/**
 * GB/T 9704-2012's page, in mm and pt: A4, a 156 × 225 mm text block 37 mm from the top and 28 mm from the left
 * edge (single-sided, bound on the left), 22 lines of 28 characters of 3号 (16 pt), page numbers “— 1 —” in 4号
 * 7 mm under the block on the outer side. The Typst template (templates/gbt9704.typ) receives these figures as
 * data, and the checks on the built PDF measure against them.
 */

/** GB/T 9704's figures, in mm and pt. */
export const GEOMETRY = {
  pageWidth: 210,
  pageHeight: 297,
  top: 37,
  left: 28,
  blockWidth: 156,
  blockHeight: 225,
  lines: 22,
  charsPerLine: 28,
  bodyPt: 16,
  titlePt: 22,
  pageNumberPt: 14,
  /** The page number's top, below the block. */
  pageNumberGap: 7,
} as const;

/** Line pitch: 225 mm / 22 ≈ 10.227 mm. */
export const LINE_PITCH_MM = GEOMETRY.blockHeight / GEOMETRY.lines;
/** One character cell: 156 mm / 28 ≈ 5.571 mm (a 16 pt glyph is 5.644 mm, so characters are set 0.073 mm tighter). */
export const CELL_MM = GEOMETRY.blockWidth / GEOMETRY.charsPerLine;

/** Width in character cells: half-width characters (ASCII digits, Latin) count one half. */
export function textWidth(text: string): number {
  return [...text].reduce((w, c) => w + (c.codePointAt(0)! < 0x1100 ? 0.5 : 1), 0);
}
