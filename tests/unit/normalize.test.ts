import { describe, expect, it } from 'vitest';
import { endsSentence, joinPageBreak, toParagraphs, toSourceLines } from '../../src/plan/normalize.ts';
import { chineseNumeralToNumber, toAsciiDigits } from '../../src/plan/numerals.ts';
import { chineseDateToIso } from '../../src/plan/preamble.ts';

describe('toSourceLines', () => {
  it('drops blank lines and trims, keeping line and column', () => {
    expect(toSourceLines('\r\n  一、总则  \r\n\u3000\u3000正文。')).toEqual([
      { text: '一、总则', line: 2, column: 3, page: 1, afterBlank: true, indent: 1 },
      { text: '正文。', line: 3, column: 3, page: 1, indent: 2 },
    ]);
  });
  it('marks lines after blank lines and counts pages at form feeds', () => {
    const lines = toSourceLines('甲\n\n乙\n\f丙\n— 2 —\f\n丁');
    expect(lines.map((l) => [l.text, l.afterBlank ?? false, l.page])).toEqual([
      ['甲', false, 1],
      ['乙', true, 1],
      ['丙', false, 2],
      ['— 2 —', false, 2],
      ['丁', false, 3],
    ]);
  });
  it('treats CR, LS and PS as line breaks', () => {
    expect(toSourceLines('a\rb\u2028c\u2029d').map((l) => l.line)).toEqual([1, 2, 3, 4]);
  });
});

describe('page breaks', () => {
  it('knows a sentence ends at 。！？； and after closing quotes', () => {
    expect(['完成。', '好！', '吗？', '一；', '“两项工程”。', '（试行）》。'].every(endsSentence)).toBe(true);
    expect(['协助', '筹集教育经费', '高校“双', '2.0'].some(endsSentence)).toBe(false);
  });
  it('joins Chinese halves without a space and Latin halves with one', () => {
    expect(joinPageBreak('教育经费', '的体制')).toBe('教育经费的体制');
    expect(joinPageBreak('version', '2')).toBe('version 2');
    expect(joinPageBreak('2020', '年')).toBe('2020年');
  });
  it('groups lines into paragraphs at sentence ends only', () => {
    expect(toParagraphs(['第一句。协助', '省委组织部。', '另起一段。'])).toEqual(['第一句。协助省委组织部。', '另起一段。']);
  });
});

describe('numerals and dates', () => {
  it.each([['一', 1], ['八', 8], ['十', 10], ['十三', 13], ['二十', 20], ['九十九', 99]])('%s → %i', (text, n) => {
    expect(chineseNumeralToNumber(text)).toBe(n);
  });
  it('rejects what is not a numeral', () => {
    expect(chineseNumeralToNumber('十十')).toBeUndefined();
    expect(chineseNumeralToNumber('')).toBeUndefined();
  });
  it('converts full-width digits', () => {
    expect(toAsciiDigits('３３')).toBe('33');
  });
  it('reads Chinese dates as ISO and rejects impossible ones', () => {
    expect(chineseDateToIso('2020年3月6日')).toBe('2020-03-06');
    expect(chineseDateToIso('２０２０年１２月３１日')).toBe('2020-12-31');
    expect(chineseDateToIso('2021年2月29日')).toBeUndefined();
    expect(chineseDateToIso('二〇二〇年三月六日')).toBe('2020-03-06');
    expect(chineseDateToIso('二〇二〇年十二月三十一日')).toBe('2020-12-31');
    expect(chineseDateToIso('二〇二一年二月二十九日')).toBeUndefined();
  });
});

describe('positionOf', () => {
  it('counts lines from 1 and columns in code points', async () => {
    const { positionOf } = await import('../../src/plan/problem.ts');
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('𠀀x', 2)).toEqual({ line: 1, column: 2 });
    expect(positionOf('abc', -1)).toEqual({ line: 1, column: 1 });
  });
});
