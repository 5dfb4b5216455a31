/**
 * Word's automatic list numbers, rendered as Word prints them. mammoth reads lists as `<ol><li>` without the
 * numbers, and its model does not keep the list instance (w:numId), so the numbers are computed here from
 * word/numbering.xml and the paragraphs' w:numPr in word/document.xml, in document order.
 */
import { DOMParser } from 'linkedom';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

/** The rendered label of each paragraph of document.xml, in order (undefined: not numbered, or a bullet). */
export type Labels = (string | undefined)[];

const DIGITS = '〇一二三四五六七八九';
const TRADITIONAL = '甲乙丙丁戊己庚辛壬癸';

// chineseCounting: 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's rendering up to 9999).
function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n >= 10000) return String(n);
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + units[i]!;
  });
  return out;
}

/**
 * One number in one of Word's formats (w:numFmt).
 * @example formatNumber(11, 'chineseCounting') // '十一'
 */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return format === 'ideographDigital' ? [...String(n)].map((d) => DIGITS[Number(d)]).join('') : chineseCounting(n);
    case 'ideographTraditional':
      return TRADITIONAL[(n - 1) % 10] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1);
    case 'upperLetter':
      return String.fromCharCode(64 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n); // decimal, and formats a plan does not use
  }
}

function attr(el: Element | null | undefined, name: string): string | undefined {
  return el?.getAttribute(name) ?? undefined;
}

function child(el: Element, tag: string): Element | null {
  return [...el.children].find((c) => c.tagName === tag) ?? null;
}

function readLevels(numberingXml: string): Map<string, Map<number, Level>> {
  const { document } = { document: new DOMParser().parseFromString(numberingXml, 'text/xml') };
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of document.getElementsByTagName('w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of a.getElementsByTagName('w:lvl')) {
      levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), {
        start: Number(attr(child(lvl, 'w:start'), 'w:val') ?? 1),
        format: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
        text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
        suffix: attr(child(lvl, 'w:suff'), 'w:val') ?? 'tab',
      });
    }
    abstract.set(attr(a, 'w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const n of document.getElementsByTagName('w:num')) {
    const levels = new Map(abstract.get(attr(child(n, 'w:abstractNumId'), 'w:val') ?? '') ?? []);
    for (const o of n.getElementsByTagName('w:lvlOverride')) {
      const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
      const start = attr(child(o, 'w:startOverride'), 'w:val');
      if (start !== undefined && levels.has(ilvl)) levels.set(ilvl, { ...levels.get(ilvl)!, start: Number(start) });
    }
    nums.set(attr(n, 'w:numId') ?? '', levels);
  }
  return nums;
}

/**
 * The label Word prints before each paragraph of document.xml, e.g. `一、`, `（一）`, `1.`: lvlText with its
 * %n placeholders filled from per-list counters; lower levels restart when a higher one advances. The
 * suffix after the label (tab or space) is layout, not text: a space suffix gives one space, a tab none.
 */
export function numberingLabels(documentXml: string, numberingXml: string | undefined): Labels {
  const nums = numberingXml ? readLevels(numberingXml) : new Map<string, Map<number, Level>>();
  const { document } = { document: new DOMParser().parseFromString(documentXml, 'text/xml') };
  const counters = new Map<string, number[]>();
  return [...document.getElementsByTagName('w:p')].map((p) => {
    const pPr = child(p, 'w:pPr');
    const numPr = pPr && child(pPr, 'w:numPr');
    const numId = numPr && attr(child(numPr, 'w:numId'), 'w:val');
    const ilvl = Number((numPr && attr(child(numPr, 'w:ilvl'), 'w:val')) ?? 0);
    const levels = numId ? nums.get(numId) : undefined;
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return undefined;
    const count = counters.get(numId!) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl]! + 1;
    count.length = ilvl + 1; // deeper levels restart
    counters.set(numId!, count);
    const label = level.text.replace(/%(\d)/gu, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return l ? formatNumber(count[i] ?? l.start, l.format) : '';
    });
    return label + (level.suffix === 'space' ? ' ' : '');
  });
}
