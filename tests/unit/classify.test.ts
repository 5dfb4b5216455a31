/**
 * How a line looks to the reader before its place in the plan is known: numbered item headings of one to four
 * digits (a plan of thousands of items, as the benchmark builds, is still a plan), never a decimal or a year.
 */
import { describe, expect, it } from 'vitest';
import { lookOf } from '../../src/plan/classify.ts';

describe('lookOf', () => {
  it('reads numbered headings of one to four digits, half or full width, with . ． or 、', () => {
    for (const [text, number] of [['1.加强党的建设', 1], ['33．推进教育信息化', 33], ['３、完善制度', 3], ['999.深化改革', 999], ['3296.积极稳妥推进高考综合改革', 3296]] as const) {
      expect(lookOf(text), text).toMatchObject({ kind: 'numbered', number });
    }
  });

  it('does not read a decimal, a five-digit number or a year in running text as a heading', () => {
    for (const text of ['2.0 试点省建设', '12345.不是条目', '2020年全省教育工作']) expect(lookOf(text).kind, text).not.toBe('numbered');
  });
});
