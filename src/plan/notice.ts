/**
 * The covering notice (通知) as a 公文, in whatever order a copy prints its head: 发文机关标志 → 发文字号 → 标题 as
 * issued, the 发文字号 first or after the title on a web copy, the 发文字号 in parentheses after the title in a
 * gazette, the title in 《》 or missing. Each element is recognised by what it is, never by its line number;
 * where the head could be read two ways the notice is refused at the line that shows it.
 */
import { endsSentence, joinBrokenParagraphs, joinPageBreak } from './normalize.ts';
import { excerpt, problem, type Problem } from './problem.ts';
import type { Notice } from './schema.ts';
import type { SourceLine } from './source.ts';
import { ABOUT, ARABIC_DATE, ATTACHMENT_NOTE, CHINESE_DATE, DOC_NUMBER, HEAD_MARK, NUMBER_AND_SIGNER, SIGNER, endsInDocumentKind } from './vocabulary.ts';
import { toAsciiDigits } from './numerals.ts';

/** The head elements of a notice, in the order GB/T 9704-2012 prints them. */
export const STANDARD_HEAD_ORDER = ['issuer', 'docNumber', 'signer', 'title'] as const;
type HeadElement = (typeof STANDARD_HEAD_ORDER)[number];

const NOTE_LIST_ENTRY = /^[0-9０-９]{1,2}\s*[.．、]/u;
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** True when a paragraph is a date as 公文 print it. */
export function isDate(text: string): boolean {
  return ARABIC_DATE.test(text) || CHINESE_DATE.test(text);
}

function smallChineseNumber(text: string): number | undefined {
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGIT[m[1]] : m[3] && !m[1] ? CN_DIGIT[m[3]] : undefined;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
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

/** 主送机关: a line that ends in a colon and is not the 附件说明. */
export function isAddressees(text: string): boolean {
  return /[：:]$/u.test(text) && !ATTACHMENT_NOTE.test(text);
}

const join = (ps: readonly SourceLine[]) => ps.map((p) => p.text).reduce((a, b) => joinPageBreak(a, b));
const same = (a: string, b: string) => a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');

function at(p: SourceLine, rule: string, message: string): Problem {
  return problem(p.line, p.column, rule, message);
}


/** 发文字号 and 签发人 on one line (documents sent upward): `湘教发〔2020〕8号  签发人：张三`. */
function splitNumberAndSigner(text: string): [string, string] | undefined {
  const m = NUMBER_AND_SIGNER.exec(text);
  return m && DOC_NUMBER.test(m[1]!) ? [m[1]!, m[2]!] : undefined;
}

/** The notice: everything up to and including its date (the last paragraph of `ps`). */
export function parseNotice(ps: readonly SourceLine[], problems: Problem[]): Notice | undefined {
  const dateLine = ps[ps.length - 1]!;
  const isoDate = chineseDateToIso(dateLine.text);
  if (!isoDate) {
    problems.push(at(dateLine, 'notice-date', `“${dateLine.text}” reads as a date but is not one that exists.`));
    return undefined;
  }
  let i = 0;
  const headMarks: string[] = [];
  while (i < ps.length - 1 && HEAD_MARK.test(ps[i]!.text)) headMarks.push(ps[i++]!.text);

  // Signatories: the lines right above the date that are not sentences, not the 附件说明 list, not a lead-in.
  // Several bodies printed on one line, spaced apart, stay one line as printed.
  let sigStart = ps.length - 1;
  while (sigStart - 1 > i && !endsSentence(ps[sigStart - 1]!.text) && !ATTACHMENT_NOTE.test(ps[sigStart - 1]!.text) && !/[：:]$/u.test(ps[sigStart - 1]!.text) && !NOTE_LIST_ENTRY.test(ps[sigStart - 1]!.text)) sigStart--;
  const signatories = ps.slice(sigStart, ps.length - 1).map((p) => p.text);

  const head = readHead(ps, i, sigStart, signatories, problems);
  if (!head) return undefined;
  const { issuer, docNumber, signer, titleLines, order, end } = head;
  const addrIndex = end < sigStart && isAddressees(ps[end]!.text) ? end : -1;
  const bodyStart = addrIndex === -1 ? end : addrIndex + 1;
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
  // A notice needs its body, and something that says what it is: its title or, on a copy that starts at the
  // 主送机关, the addressees.
  if (body.length === 0 || (titleLines.length === 0 && addrIndex === -1)) {
    const where = ps[i] ?? dateLine;
    const missing = body.length === 0 ? 'body text between its title or addressees and its signature' : 'title and no 主送机关 (a line ending in a colon)';
    const found = [issuer && '发文机关标志', docNumber && '发文字号', titleLines.length && '标题', addrIndex !== -1 && '主送机关', signatories.length && '署名'].filter(Boolean).join(', ') || 'none';
    problems.push(at(where, 'notice-structure', `The text before the date ${dateLine.text} (line ${dateLine.line}) reads as a covering notice, but the reader finds no ${missing}. Elements found: ${found}.`));
    return undefined;
  }
  const printed = order.filter((e) => e !== 'title' || titleLines.length > 0);
  const standard = STANDARD_HEAD_ORDER.filter((e) => printed.includes(e));
  return {
    ...(headMarks.length ? { headMarks } : {}),
    ...(issuer ? { issuer } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(signer ? { signer } : {}),
    ...(titleLines.length ? { title: join(titleLines) } : {}),
    ...(printed.join() !== standard.join() ? { headOrder: printed } : {}),
    ...(addrIndex !== -1 ? { addressees: ps[addrIndex]!.text } : {}),
    body,
    ...(attachmentNote.length ? { attachmentNote } : {}),
    signatories,
    date: dateLine.text,
    isoDate,
  };
}

interface Head {
  issuer?: string;
  docNumber?: string;
  signer?: string;
  titleLines: SourceLine[];
  /** The head elements in the order printed. */
  order: HeadElement[];
  /** Index of the first paragraph after the head: the 主送机关 or the body. */
  end: number;
}

/**
 * 版头 and 标题: from `from` up to the 主送机关 or the first sentence. Lines that are a 发文字号 or a 签发人 say so
 * themselves; the other lines come in runs between them. The run that ends in a 文种 is the title (in 《》 or
 * not), less a first line that is the 发文机关标志 (…文件, or a signing body's name); a run above a 发文字号 that
 * ends in no 文种 is the 发文机关标志. Any other arrangement could be read more than one way and is refused.
 */
function readHead(ps: readonly SourceLine[], from: number, sigStart: number, signatories: readonly string[], problems: Problem[]): Head | undefined {
  let end = from;
  while (end < sigStart && !isAddressees(ps[end]!.text) && !endsSentence(ps[end]!.text)) end++;
  let docNumber: string | undefined;
  let signer: string | undefined;
  // Runs of lines that are neither a 发文字号 nor a 签发人, each with whether a 发文字号 follows it.
  const runs: { lines: SourceLine[]; beforeNumber: boolean }[] = [];
  let run: SourceLine[] = [];
  const closeRun = (beforeNumber: boolean) => {
    if (run.length) runs.push({ lines: run, beforeNumber });
    run = [];
  };
  for (let k = from; k < end; k++) {
    const p = ps[k]!;
    const both = splitNumberAndSigner(p.text);
    const isNumber = both !== undefined || DOC_NUMBER.test(p.text);
    const isSigner = !isNumber && SIGNER.test(p.text);
    if (!isNumber && !isSigner) {
      run.push(p);
      continue;
    }
    if ((isNumber && docNumber) || (isSigner && signer)) {
      problems.push(at(p, 'notice-head', `Line ${p.line} (“${excerpt(p.text)}”) is a second ${isNumber ? '发文字号' : '签发人'} in the head of the covering notice (the first is “${isNumber ? docNumber : signer}”), so the reader cannot tell which belongs to the notice.`));
      return undefined;
    }
    closeRun(isNumber);
    if (both) [docNumber, signer] = both;
    else if (isNumber) docNumber = p.text;
    else signer = p.text;
  }
  closeRun(false);

  const titleRunIndex = findLastIndex(runs, (r) => endsInDocumentKind(join(r.lines)));
  let issuerLines: SourceLine[] = [];
  let titleLines: SourceLine[] = [];
  // A 发文机关标志 ends in 文件 or names a signing body (several printed on one line are names apart).
  const bodies = signatories.flatMap((s) => [s, ...s.split(/[\s\u3000]+/u)]);
  const issuerLike = (p: SourceLine) => /文件$/u.test(p.text) || bodies.some((s) => same(s, p.text));
  if (titleRunIndex !== -1) {
    const r = runs[titleRunIndex]!.lines;
    // A line that holds a title's own start — the issuer's name then 关于, or the 《 a page wraps it in — begins
    // the title: the lines above it are no part of it.
    const own = findLastIndex(r, (p) => /^《/u.test(p.text) || ABOUT.test([...p.text].slice(1).join('')));
    const split = own > 0 ? own : r.length > 1 && issuerLike(r[0]!) ? 1 : 0;
    const above = r.slice(0, split);
    const stray = above.find((p) => !issuerLike(p));
    if (stray) {
      problems.push(at(stray, 'notice-head', `Line ${stray.line} (“${excerpt(stray.text)}”) stands above the notice title, which starts on its own at line ${r[split]!.line}, but it is not a 发文机关标志 (it ends in no 文件 and names no signing body of the notice), so the reader cannot tell which element it is.`));
      return undefined;
    }
    issuerLines = above;
    titleLines = r.slice(split);
  }
  for (const [k, r] of runs.entries()) {
    if (k === titleRunIndex) continue;
    // Before the title, a run above the 发文字号 (or the single line of a signing body) is the 发文机关标志.
    const beforeTitle = titleRunIndex === -1 || k < titleRunIndex;
    if (beforeTitle && issuerLines.length === 0 && (r.beforeNumber || r.lines.every(issuerLike))) {
      issuerLines = r.lines;
    } else if (titleRunIndex === -1 && titleLines.length === 0 && k === runs.length - 1) {
      // No line ends in a 文种: the lines right above the 主送机关 are the title, as issued.
      const split = r.lines.length > 1 && issuerLines.length === 0 && issuerLike(r.lines[0]!) ? 1 : 0;
      if (split) issuerLines = r.lines.slice(0, 1);
      titleLines = r.lines.slice(split);
    } else {
      const p = r.lines[0]!;
      problems.push(at(p, 'notice-head', `Line ${p.line} (“${excerpt(p.text)}”) stands in the head of the covering notice, but it reads as neither its 发文机关标志 (above a 发文字号, or a signing body’s name) nor its title (ending in a 文种 such as 通知), so the reader cannot tell which element it is.`));
      return undefined;
    }
  }
  // The printed order, line by line.
  const order: HeadElement[] = [];
  for (let k = from; k < end; k++) {
    const p = ps[k]!;
    const elements: HeadElement[] = issuerLines.includes(p) ? ['issuer'] : titleLines.includes(p) ? ['title'] : splitNumberAndSigner(p.text) ? ['docNumber', 'signer'] : DOC_NUMBER.test(p.text) ? ['docNumber'] : ['signer'];
    for (const e of elements) if (order[order.length - 1] !== e) order.push(e);
  }
  return {
    ...(issuerLines.length ? { issuer: issuerLines.map((p) => p.text).join(' ') } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(signer ? { signer } : {}),
    titleLines,
    order,
    end,
  };
}

function findLastIndex<T>(xs: readonly T[], f: (x: T) => boolean): number {
  for (let k = xs.length - 1; k >= 0; k--) if (f(xs[k]!)) return k;
  return -1;
}

/** The head elements a notice has, in the order printed (GB/T 9704's unless `headOrder` says otherwise). */
export function headOrderOf(notice: Notice): HeadElement[] {
  return notice.headOrder ?? STANDARD_HEAD_ORDER.filter((e) => notice[e] !== undefined);
}
