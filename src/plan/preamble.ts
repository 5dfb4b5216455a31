/**
 * The part before the first section: the covering notice as a 公文 (GB/T 9704-2012), the plan's mark and title,
 * and 总体要求. Each element is recognised by what it is — a 发文字号 by its 〔year〕 number, a date by its form,
 * a 附注 by its parentheses — never by its line number, so an extra or missing line cannot shift the others.
 */
import { isHeadingTitle, lookOf } from './classify.ts';
import { endsSentence, joinBrokenParagraphs, joinPageBreak } from './normalize.ts';
import { toAsciiDigits } from './numerals.ts';
import { problem, type Problem } from './problem.ts';
import type { Notice, SourcePos } from './schema.ts';
import type { SourceLine } from './source.ts';

/** What precedes the sections. */
export interface Preamble {
  notice?: Notice;
  mark?: string;
  title: string;
  /** Where the title starts in the source, for messages about what it does not say (its year, its series). */
  titleAt: SourcePos;
  requirements: string[];
}

const ARABIC_DATE = /^([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日$/u;
const CHINESE_DATE = /^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/u;
/** 发文字号: issuer code, the year in 〔〕 (or a look-alike bracket), the number, 号. */
export const DOC_NUMBER = /^[\p{Script=Han}A-Za-z]{1,12}\s*[〔［\[【(（]\s*[0-9０-９]{4}\s*[〕］\]】)）]\s*[0-9０-９]{1,4}\s*号$/u;
const SIGNER = /^签发人\s*[：:]/u;
const HEAD_MARK = /^(?:[0-9０-９]{6}|(?:绝密|机密|秘密)(?:\s*★.*)?|特急|加急|特提|平急)$/u;
const ATTACHMENT_NOTE = /^附\s*件\s*[：:]/u;
const NOTE_LIST_ENTRY = /^[0-9０-９]{1,2}\s*[.．、]/u;
/** 附注: a whole paragraph in parentheses, e.g. （此件主动公开）. */
const NOTE = /^[（(].*[）)]$/u;
/** The mark of an 附件 on a line of its own: 附件, 附件1, 附件 2, 附件一. */
export const ATTACHMENT_MARK = /^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})?$/u;
/** Words a 公文 title ends with (文种). */
const TITLE_END = /(?:通知|决定|意见|办法|方案|要点|规划|报告|函|通报|批复|请示|纪要|公告|通告|规定|细则|命令|议案|决议|公报)$/u;
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function smallChineseNumber(text: string): number | undefined {
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGIT[m[1]] : m[3] && !m[1] ? CN_DIGIT[m[3]] : undefined;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

/** True when a paragraph is a date as 公文 print it. */
export function isDate(text: string): boolean {
  return ARABIC_DATE.test(text) || CHINESE_DATE.test(text);
}

/**
 * Reads a date as printed in Chinese documents, in Arabic or Chinese numerals; undefined for an impossible date.
 * @example chineseDateToIso('2020年3月6日') // '2020-03-06'
 * @example chineseDateToIso('二〇二〇年三月六日') // '2020-03-06'
 */
export function chineseDateToIso(text: string): string | undefined {
  let y: number, mo: number | undefined, d: number | undefined;
  const arabic = ARABIC_DATE.exec(text);
  const chinese = CHINESE_DATE.exec(text);
  if (arabic) [y, mo, d] = [arabic[1]!, arabic[2]!, arabic[3]!].map((s) => Number(toAsciiDigits(s))) as [number, number, number];
  else if (chinese) {
    y = Number([...chinese[1]!].map((c) => CN_DIGIT[c]).join(''));
    mo = smallChineseNumber(chinese[2]!);
    d = smallChineseNumber(chinese[3]!);
  } else return undefined;
  if (mo === undefined || d === undefined) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Reject dates such as 2月30日 that Date would roll over into the next month.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const join = (ps: readonly SourceLine[]) => ps.map((p) => p.text).reduce((a, b) => joinPageBreak(a, b));
const same = (a: string, b: string) => a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');

/** Where to point a message: the paragraph's line and column. */
function at(p: SourceLine, rule: string, message: string): Problem {
  return problem(p.line, p.column, rule, message);
}

/**
 * Parses the paragraphs before the first section. A notice is there when a 成文日期 is; then its elements are
 * found by what they are. Without a date the paragraphs are the plan's title and 总体要求.
 */
export function parsePreamble(paragraphs: readonly SourceLine[], problems: Problem[], firstBody: SourceLine | undefined): Preamble | undefined {
  const dateIndex = paragraphs.findIndex((p) => isDate(p.text));
  if (dateIndex === -1) return planHead(paragraphs, 0, problems, firstBody, undefined);
  const notice = parseNotice(paragraphs.slice(0, dateIndex + 1), problems);
  if (!notice) return undefined;
  // 附注 follow the date.
  let i = dateIndex + 1;
  const notes: string[] = [];
  while (i < paragraphs.length && NOTE.test(paragraphs[i]!.text)) notes.push(paragraphs[i++]!.text);
  if (notes.length > 0) notice.notes = notes;
  return planHead(paragraphs, i, problems, firstBody, notice);
}

/** The plan's mark (附件), title and 总体要求, from paragraph `from` on. */
function planHead(
  paragraphs: readonly SourceLine[],
  from: number,
  problems: Problem[],
  firstBody: SourceLine | undefined,
  notice: Notice | undefined,
): Preamble | undefined {
  let i = from;
  let mark: string | undefined;
  if (i < paragraphs.length && ATTACHMENT_MARK.test(paragraphs[i]!.text)) mark = paragraphs[i++]!.text;
  // The title: the paragraphs that are not sentences (a long title prints over two or three lines).
  const start = i;
  while (i < paragraphs.length && i - start < 3 && !endsSentence(paragraphs[i]!.text) && !/[：:]$/u.test(paragraphs[i]!.text) && [...paragraphs[i]!.text].length <= 60) i++;
  if (i === start) {
    const where = paragraphs[start] ?? firstBody;
    const what = paragraphs[start]
      ? `a sentence (“${excerpt(paragraphs[start]!.text)}”)`
      : 'the first section heading';
    problems.push(
      problem(where?.line ?? 1, where?.column ?? 1, 'missing-title', `The plan's title should come ${notice ? 'after the notice' : 'first'}, but the reader finds ${what} there: a title is a line that is not a sentence.`),
    );
    return undefined;
  }
  // Without a 成文日期 nothing closes a notice: if the head reads as one, say so rather than take it for a title.
  if (!notice) {
    const addressees = paragraphs.findIndex((p) => /[：:]$/u.test(p.text) && !ATTACHMENT_NOTE.test(p.text));
    const titled = addressees > 0 && paragraphs.slice(0, addressees).some((p) => TITLE_END.test(p.text));
    if (titled) {
      const p = paragraphs[addressees]!;
      problems.push(at(paragraphs[0]!, 'notice-date', `Lines ${paragraphs[0]!.line}–${p.line} read as a covering notice (a title ending in a 文种, then the 主送机关 “${excerpt(p.text)}”), but no 成文日期 (a date such as 2020年3月6日) follows its signature, so the reader cannot tell where the notice ends and the plan begins.`));
      return undefined;
    }
  }
  // Items or labels before the first section cannot be placed.
  for (const p of paragraphs.slice(i)) {
    const look = lookOf(p.text);
    if (look.kind === 'label' || (look.kind === 'numbered' && isHeadingTitle(look.rest))) {
      problems.push(at(p, 'item-before-section', `Line ${p.line} (“${excerpt(p.text)}”) reads as ${look.kind === 'label' ? `a ${look.label} field` : 'an item heading'}, but it comes before the first section heading (一、…), where the plan has only its title and 总体要求.`));
      return undefined;
    }
  }
  // A title line that is itself a 发文字号 or an 附件 mark means the head of the document was not recognised.
  for (const p of paragraphs.slice(start, i)) {
    if (DOC_NUMBER.test(p.text)) {
      problems.push(at(p, 'misplaced-doc-number', `Line ${p.line} looks like a 发文字号 (${p.text}), but it comes after ${notice ? 'the notice’s date' : 'the start of the plan'} where the plan title belongs; a 发文字号 stands above the notice title.${notice ? '' : ' No 成文日期 (a date such as 2020年3月6日) was found, so the notice could not be read.'}`));
      return undefined;
    }
  }
  return {
    ...(notice ? { notice } : {}),
    ...(mark ? { mark } : {}),
    title: join(paragraphs.slice(start, i)),
    titleAt: { line: paragraphs[start]!.line, column: paragraphs[start]!.column },
    requirements: joinBrokenParagraphs(paragraphs.slice(i)),
  };
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}

/** The notice: everything up to and including its date. */
function parseNotice(ps: readonly SourceLine[], problems: Problem[]): Notice | undefined {
  const dateLine = ps[ps.length - 1]!;
  const isoDate = chineseDateToIso(dateLine.text);
  if (!isoDate) {
    problems.push(at(dateLine, 'notice-date', `“${dateLine.text}” reads as a date but is not one that exists.`));
    return undefined;
  }
  let i = 0;
  const headMarks: string[] = [];
  while (i < ps.length - 1 && HEAD_MARK.test(ps[i]!.text)) headMarks.push(ps[i++]!.text);

  // Signatories: the lines right above the date that are not sentences and not the 附件说明 list.
  let sigStart = ps.length - 1;
  while (sigStart - 1 > i && !endsSentence(ps[sigStart - 1]!.text) && !ATTACHMENT_NOTE.test(ps[sigStart - 1]!.text) && !/[：:]$/u.test(ps[sigStart - 1]!.text) && !NOTE_LIST_ENTRY.test(ps[sigStart - 1]!.text)) sigStart--;
  const signatories = ps.slice(sigStart, ps.length - 1).map((p) => p.text);

  // 版头: 发文机关标志, 发文字号, 签发人 — within the first lines.
  const numberIndex = ps.slice(i, Math.min(ps.length, i + 6)).findIndex((p) => DOC_NUMBER.test(p.text) || SIGNER.test(p.text) || splitNumberAndSigner(p.text));
  let issuer: string | undefined;
  let docNumber: string | undefined;
  let signer: string | undefined;
  if (numberIndex !== -1) {
    const n = i + numberIndex;
    if (n > i) issuer = ps.slice(i, n).map((p) => p.text).join(' ');
    i = n;
    while (i < sigStart) {
      const text = ps[i]!.text;
      const both = splitNumberAndSigner(text);
      if (both) [docNumber, signer] = both;
      else if (DOC_NUMBER.test(text) && !docNumber) docNumber = text;
      else if (SIGNER.test(text) && !signer) signer = text;
      else break;
      i++;
    }
  } else if (ps[i] && (/文件$/u.test(ps[i]!.text) || signatories.some((s) => same(s, ps[i]!.text))) && !TITLE_END.test(ps[i]!.text)) {
    issuer = ps[i++]!.text;
  }

  // 标题 up to the 主送机关 (the first paragraph ending in a colon), else up to a line ending in a 文种.
  const titleStart = i;
  let addrIndex = -1;
  for (let j = titleStart + 1; j < sigStart; j++) {
    if (/[：:]$/u.test(ps[j]!.text) && !ATTACHMENT_NOTE.test(ps[j]!.text)) {
      addrIndex = j;
      break;
    }
    if (endsSentence(ps[j]!.text)) break;
  }
  let titleEnd = addrIndex;
  if (addrIndex === -1) {
    titleEnd = titleStart;
    while (titleEnd < sigStart && !TITLE_END.test(ps[titleEnd]!.text) && !endsSentence(ps[titleEnd]!.text)) titleEnd++;
    titleEnd = TITLE_END.test(ps[titleEnd]?.text ?? '') ? titleEnd + 1 : titleStart + 1;
  }
  const titleLines = ps.slice(titleStart, titleEnd);
  const bodyStart = addrIndex === -1 ? titleEnd : addrIndex + 1;
  // 附件说明: 附件：… and the numbered names aligned under it, between the body and the signature.
  let noteStart = ps.slice(bodyStart, sigStart).findIndex((p) => ATTACHMENT_NOTE.test(p.text));
  noteStart = noteStart === -1 ? sigStart : bodyStart + noteStart;
  const body = joinBrokenParagraphs(ps.slice(bodyStart, noteStart));
  // Each entry starts 附件： or with its number; a line without one continues the entry above (a long name
  // wraps, aligned under the first name, which a PDF's indent alone would take for a new paragraph).
  const attachmentNote: string[] = [];
  for (const p of ps.slice(noteStart, sigStart)) {
    const last = attachmentNote.length - 1;
    if (last >= 0 && !NOTE_LIST_ENTRY.test(p.text) && !ATTACHMENT_NOTE.test(p.text)) attachmentNote[last] = joinPageBreak(attachmentNote[last]!, p.text);
    else attachmentNote.push(p.text);
  }
  const where = ps[titleStart] ?? dateLine;
  if (titleLines.length === 0 || body.length === 0) {
    const missing = titleLines.length === 0 ? 'a title' : 'body text between its title or addressees and its signature';
    problems.push(at(where, 'notice-structure', `The text before the date ${dateLine.text} (line ${dateLine.line}) reads as a covering notice, but the reader finds no ${missing}. Elements found: ${[issuer && '发文机关标志', docNumber && '发文字号', titleLines.length && '标题', addrIndex !== -1 && '主送机关', signatories.length && '署名'].filter(Boolean).join(', ') || 'none'}.`));
    return undefined;
  }
  return {
    ...(headMarks.length ? { headMarks } : {}),
    ...(issuer ? { issuer } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(signer ? { signer } : {}),
    title: join(titleLines),
    ...(addrIndex !== -1 ? { addressees: ps[addrIndex]!.text } : {}),
    body,
    ...(attachmentNote.length ? { attachmentNote } : {}),
    signatories,
    date: dateLine.text,
    isoDate,
  };
}

/** 发文字号 and 签发人 on one line (documents sent upward): `湘教发〔2020〕8号  签发人：张三`. */
function splitNumberAndSigner(text: string): [string, string] | undefined {
  const m = /^(.+?)\s+(签发人\s*[：:].+)$/u.exec(text);
  return m && DOC_NUMBER.test(m[1]!) ? [m[1]!, m[2]!] : undefined;
}
