/**
 * What each line of a plan is: a section heading, an item heading, a labelled field, or plain text.
 */
import { endsSentence, type SourceLine } from './normalize.ts';
import { chineseNumeralToNumber, toAsciiDigits } from './numerals.ts';

/** A classified line. */
export type Line =
  | { kind: 'section'; source: SourceLine; number: number; numeral: string; separator: string; title: string }
  | { kind: 'item'; source: SourceLine; number: number; numberText: string; title: string }
  | { kind: 'label'; source: SourceLine; field: 'goals' | 'measures' | 'units'; label: string; rest: string }
  | { kind: 'text'; source: SourceLine };

const SECTION = /^([一二三四五六七八九十两]{1,3})\s*(、)\s*(.*)$/u;
// 1. · 2.title · ３．title · 4、title — but not 2.0 or 1.3 (a decimal, not a heading).
const ITEM = /^([0-9０-９]{1,4})\s*([.．、])(?![0-9０-９])\s*/u;
const LABEL = /^(目标任务|工作措施|责任单位)\s*[：:]\s*/u;
const FIELDS = { 目标任务: 'goals', 工作措施: 'measures', 责任单位: 'units' } as const;

// Headings are short and never end a sentence; a body paragraph that happens to start with “1.” does.
const MAX_HEADING_LENGTH = 60;

function looksLikeHeadingTitle(title: string): boolean {
  return title !== '' && !endsSentence(title) && [...title].length <= MAX_HEADING_LENGTH;
}

/** True when a line starts with the 目标任务 label (the line that must follow an item heading). */
export function isGoalsLabel(text: string | undefined): boolean {
  return text !== undefined && /^目标任务\s*[：:]/u.test(text);
}

/**
 * Classifies one line, looking at the next line where a heading could be confused with text:
 * an item heading is followed by 目标任务, or at least looks like a title.
 */
export function classifyLine(source: SourceLine, next: SourceLine | undefined): Line {
  const { text } = source;
  const label = LABEL.exec(text);
  if (label) {
    return {
      kind: 'label',
      source,
      field: FIELDS[label[1] as keyof typeof FIELDS],
      label: label[0].trimEnd(),
      rest: text.slice(label[0].length),
    };
  }
  const item = ITEM.exec(text);
  if (item) {
    const title = text.slice(item[0].length);
    if (isGoalsLabel(next?.text) || looksLikeHeadingTitle(title)) {
      return { kind: 'item', source, number: Number(toAsciiDigits(item[1]!)), numberText: item[0], title };
    }
  }
  const section = SECTION.exec(text);
  if (section) {
    const number = chineseNumeralToNumber(section[1]!);
    const title = section[3]!;
    if (number !== undefined && looksLikeHeadingTitle(title)) {
      return { kind: 'section', source, number, numeral: section[1]!, separator: section[2]!, title };
    }
  }
  return { kind: 'text', source };
}
