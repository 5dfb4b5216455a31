/**
 * What each paragraph of a plan looks like: a heading of some level, a field label, a sub-point, one of the
 * 公文's own elements, or plain text. Only the look is decided here; what a paragraph *is* depends on its
 * neighbours and is decided by the parser (a `1.` line is an item in one place and a sub-point in another).
 */
import { endsSentence } from './normalize.ts';
import { chineseNumeralToNumber, toAsciiDigits } from './numerals.ts';
import { LABEL_AT_START, LABEL_WORDS, SECTION_SEPARATORS, namesUnits, type LabelRole } from './vocabulary.ts';

/** A paragraph's look. */
export type Look =
  | { kind: 'section'; number: number; numeral: string; separator: string; title: string }
  | { kind: 'subsection'; number: number; numberText: string; title: string }
  | { kind: 'numbered'; number: number; numberText: string; rest: string }
  | { kind: 'label'; field: 'goals' | 'measures' | 'text' | 'units'; role: LabelRole; label: string; rest: string }
  | { kind: 'text' };

const NUMERAL = '[一二三四五六七八九十两]{1,3}';
const SECTION = new RegExp(`^(${NUMERAL})\\s*([${SECTION_SEPARATORS}])\\s*(.*)$`, 'u');
const SUBSECTION = new RegExp(`^([（(]\\s*(${NUMERAL})\\s*[）)])\\s*(.*)$`, 'u');
// 1. · 2.title · ３．title · 4、title — but not 2.0 or 1.3 (a decimal, not a heading). Up to four digits: the
// benchmark reads a plan of 3,300 items.
const NUMBERED = /^([0-9０-９]{1,4})\s*([.．、])(?![0-9０-９])\s*/u;

/** Sub-points inside a field: （1） (1) ①–⑳ 1） — never items. */
export const SUB_POINT = /^(?:[（(]\s*[0-9０-９]{1,2}\s*[）)]|[①-⑳]|[0-9０-９]{1,2}[）)])/u;

// Headings are short and never end a sentence; a paragraph that happens to start with “一、” and runs on does.
const MAX_HEADING_LENGTH = 60;

/** True when text reads as a heading's title: short, and not a finished sentence. */
export function isHeadingTitle(title: string): boolean {
  return title !== '' && !endsSentence(title) && [...title].length <= MAX_HEADING_LENGTH;
}

/**
 * True when text reads as a section heading's title: a heading's title, or one that ends in a single 。 and has
 * no other sentence end (`一、加强党的建设。`), as some bodies print their section headings.
 */
export function isSectionTitle(title: string): boolean {
  if (isHeadingTitle(title)) return true;
  const bare = title.replace(/[。.]$/u, '');
  return bare !== title && isHeadingTitle(bare) && !/[。！？；;]/u.test(bare);
}

/**
 * How a paragraph looks.
 * @example lookOf('三、培养德智体美劳全面发展的社会主义建设者和接班人').kind // 'section'
 * @example lookOf('（二）完善体制机制').kind // 'subsection'
 */
export function lookOf(text: string): Look {
  const label = LABEL_AT_START.exec(text);
  if (label) {
    const role = LABEL_WORDS[label[1]!]!;
    return {
      kind: 'label',
      field: namesUnits(role) ? 'units' : role,
      role,
      label: label[0].trimEnd(),
      rest: text.slice(label[0].length),
    };
  }
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    return { kind: 'numbered', number: Number(toAsciiDigits(numbered[1]!)), numberText: numbered[0], rest: text.slice(numbered[0].length) };
  }
  const section = SECTION.exec(text);
  if (section) {
    const number = chineseNumeralToNumber(section[1]!);
    if (number !== undefined && isSectionTitle(section[3]!)) {
      return { kind: 'section', number, numeral: section[1]!, separator: section[2]!, title: section[3]! };
    }
  }
  const sub = SUBSECTION.exec(text);
  if (sub) {
    const number = chineseNumeralToNumber(sub[2]!);
    const rest = sub[3]!;
    const numberText = text.slice(0, text.length - rest.length);
    if (number !== undefined && rest !== '') return { kind: 'subsection', number, numberText, title: rest };
  }
  return { kind: 'text' };
}
