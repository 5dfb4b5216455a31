/** Chinese and full-width numerals as they appear in section and item headings. */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * Reads a Chinese numeral from 一 to 九十九 (section numbers).
 * Hand-written: the npm packages for this convert whole amounts (万, 亿, 大写) and add weight for two characters' worth of grammar.
 * @example chineseNumeralToNumber('十三') // 13
 * @example chineseNumeralToNumber('二十') // 20
 */
export function chineseNumeralToNumber(numeral: string): number | undefined {
  const match = /^([一二三四五六七八九两])?(十)?([一二三四五六七八九])?$/u.exec(numeral);
  if (!match || numeral === '') return undefined;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? DIGITS[tens] : undefined;
  return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0);
}

/**
 * Converts full-width digits (０-９) to ASCII; plans copied from Word often use them.
 * @example toAsciiDigits('１２') // '12'
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10));
}
