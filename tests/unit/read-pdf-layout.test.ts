/**
 * PDF geometry without pdf.js: page-number forms, running headers, line numbering over kept and removed lines.
 */
import { describe, expect, it } from 'vitest';
import { isPageNumber, separateFurniture, type PdfLine } from '../../src/read/pdf-layout.ts';

describe('pdf layout', () => {
  it.each(['— 10 —', '- 10 -', '－10－', '10', '第10页', '第 3 页 共 22 页', '3 / 22', '·3·'])('%s is a page number', (t) => {
    expect(isPageNumber(t)).toBe(true);
  });
  it.each(['2020年', '1.加强党建', '第三章', '— 一 —'])('%s is not a page number', (t) => {
    expect(isPageNumber(t)).toBe(false);
  });

  it('removes a header repeated on three pages and the page numbers, numbering all lines in order', () => {
    const page = (p: number): PdfLine[] => [
      { text: '湖南省教育厅文件', page: p, x0: 80, x1: 200, y: 800, size: 10 },
      ...[0, 1, 2].map((i) => ({ text: `正文${p}-${i}`, page: p, x0: 80, x1: 500, y: 700 - 29 * i, size: 16 })),
      { text: `— ${p} —`, page: p, x0: 280, x1: 320, y: 60, size: 14 },
    ];
    const { kept, removed } = separateFurniture([page(1), page(2), page(3)]);
    expect(kept.map((l) => l.text)).toEqual([1, 2, 3].flatMap((p) => [0, 1, 2].map((i) => `正文${p}-${i}`)));
    expect(removed.filter((r) => r.kind === 'running-header').map((r) => r.line)).toEqual([1, 6, 11]);
    expect(removed.filter((r) => r.kind === 'page-number').map((r) => [r.text, r.line])).toEqual([['— 1 —', 5], ['— 2 —', 10], ['— 3 —', 15]]);
  });
});
