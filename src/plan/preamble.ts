/**
 * The part before the first section: the covering notice as a 公文 (GB/T 9704-2012), the plan's mark and title,
 * and 总体要求. Each element is recognised by what it is — a 发文字号 by its 〔year〕 number, a date by its form,
 * a 附注 by its parentheses — never by its line number, so an extra or missing line cannot shift the others.
 */
import { isHeadingTitle, lookOf } from './classify.ts';
import { isAddressees, isDate, parseNotice } from './notice.ts';
import { isItemOnlyLabel } from './vocabulary.ts';
import { endsSentence, joinBrokenParagraphs, joinPageBreak } from './normalize.ts';
import { excerpt, problem, type Problem } from './problem.ts';
import type { Notice, SourcePos } from './schema.ts';
import type { SourceLine } from './source.ts';
import { ATTACHMENT_MARK, DOC_NUMBER, GARBLED_DATE, NOTE, TITLE_GOES_ON, endsInDocumentKind, endsInNoticeKind } from './vocabulary.ts';

export { ATTACHMENT_MARK, DOC_NUMBER } from './vocabulary.ts';
export { chineseDateToIso, isDate } from './notice.ts';

/** What precedes the sections. */
export interface Preamble {
  notice?: Notice;
  mark?: string;
  title: string;
  /** Where the title's first line is, so messages about the title (year, series) can point there. */
  titleAt: SourcePos;
  requirements: string[];
}

const join = (ps: readonly SourceLine[]) => ps.map((p) => p.text).reduce((a, b) => joinPageBreak(a, b));

// Marks of a web page's facts that a plan title never carries: a clock time, a view count, a file size.
const PAGE_FACTS: { re: RegExp; what: string }[] = [
  { re: /(?<![0-9０-９])[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}(?![0-9０-９])/u, what: 'a clock time' },
  { re: /(?:浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問)(?:次数|次數|量|数|數)?\s*[：:]?\s*[0-9０-９]+|[0-9０-９]+\s*次(?:浏览|瀏覽|阅读|閱讀)/u, what: 'a view count' },
  { re: /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:[KMG]B|[kmg]b|KB|字节|字節)(?![A-Za-z])/u, what: 'a file size' },
];

// Running text has clauses; a title has none (it may hold 、 and the spaces between issuers). A line that does is
// the 总体要求 — in text copied with its printed line breaks, its first line ends mid-sentence and would
// otherwise be taken for the title's last line.
const CLAUSE = /[，；。！？,;!?]|[：:](?!$)/u;
function readsAsTitleLine(text: string): boolean {
  return !endsSentence(text) && !/[：:]$/u.test(text) && !CLAUSE.test(text) && [...text].length <= 60;
}

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
  if (dateIndex === -1) {
    if (refuseUndatedNotice(paragraphs, problems)) return undefined;
    return planHead(paragraphs, 0, problems, firstBody, undefined);
  }
  const notice = parseNotice(paragraphs.slice(0, dateIndex + 1), problems);
  if (!notice) return undefined;
  // 附注 follow the date.
  let i = dateIndex + 1;
  const notes: string[] = [];
  while (i < paragraphs.length && NOTE.test(paragraphs[i]!.text)) notes.push(paragraphs[i++]!.text);
  if (notes.length > 0) notice.notes = notes;
  return planHead(paragraphs, i, problems, firstBody, notice);
}

/**
 * Without a 成文日期 nothing closes a notice. When the head really holds one — a 主送机关 followed by body text,
 * under a title ending in a notice's 文种 (…的通知) or at the very start of the file — the reader says so at the
 * line that shows it rather than take the notice for the plan's title and 总体要求. Pushes the problem and
 * returns true; false when the head is no notice.
 */
function refuseUndatedNotice(ps: readonly SourceLine[], problems: Problem[]): boolean {
  const a = ps.findIndex((p, k) => isAddressees(p.text) && k + 1 < ps.length && endsSentence(ps[k + 1]!.text));
  if (a === -1) return false;
  const addressees = ps[a]!;
  const titleEnd = ps.slice(0, a).findIndex((_, j) => [0, 1, 2].some((back) => j - back >= 0 && endsInNoticeKind(join(ps.slice(j - back, j + 1)))));
  if (titleEnd === -1 && a > 0) return false;
  // A line after the body that is a date garbled by the page (2024327) is what stands where the date belongs.
  const garbled = ps.slice(a + 1).find((p) => GARBLED_DATE.test(p.text.trim()));
  const noDate = garbled
    ? `line ${garbled.line} (“${garbled.text}”) stands where its 成文日期 belongs but is not a date as 公文 print one (年 月 日, e.g. 2024年3月27日)`
    : 'no 成文日期 (a date such as 2020年3月6日) follows its signature';
  const where = garbled ?? (titleEnd === -1 ? addressees : ps[0]!);
  if (titleEnd === -1) {
    problems.push(at(where, 'missing-title', `No title: the file starts at the 主送机关 “${excerpt(addressees.text)}” (line ${addressees.line}), the addressees of a covering notice, followed by its body; ${noDate}, so the reader cannot tell where the notice ends and the plan's title begins.`));
  } else {
    problems.push(at(where, 'notice-date', `Lines ${ps[0]!.line}–${addressees.line} read as a covering notice (a title ending in a 文种, then the 主送机关 “${excerpt(addressees.text)}”), but ${noDate}, so the reader cannot tell where the notice ends and the plan begins.`));
  }
  return true;
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
  // A line carrying a web page's facts is page furniture the reader did not recognise, not the title.
  const facts = (p: SourceLine) => {
    const fact = PAGE_FACTS.find((f) => f.re.test(p.text));
    if (fact) problems.push(at(p, 'title-furniture', `Line ${p.line} (“${excerpt(p.text)}”) stands where the plan's title belongs but carries ${fact.what}, which a title does not: it reads as a web page's furniture, and the reader cannot tell whether it is part of the document.`));
    return fact !== undefined;
  };
  if (i < paragraphs.length && facts(paragraphs[i]!)) return undefined;
  // The title: the paragraphs that are not sentences (a long title prints over two or three lines).
  const start = i;
  while (i < paragraphs.length && i - start < 3 && readsAsTitleLine(paragraphs[i]!.text)) {
    i++;
    // A title ends with its 文种 (…工作要点): a next line goes on only with what may follow one — a span of years or
    // 试行 in brackets (（2021—2023年）), 的 (…要点 / 的通知), a closing mark. Hard-wrapped text the reader did not
    // recognise as such (too few full lines) would otherwise give the title the 总体要求's first printed line.
    const next = paragraphs[i]?.text;
    // (A next line that itself ends in a 文种 is the rest of a title broken after a word such as 规划: …规划 / 建设的实施意见.)
    if (next !== undefined && endsInDocumentKind(join(paragraphs.slice(start, i))) && !TITLE_GOES_ON.test(next) && !endsInDocumentKind(next)) break;
  }
  if (i === start) {
    const where = paragraphs[start] ?? firstBody;
    // Say which of the three marks of a non-title the line carries, so the message is true of it.
    const found = paragraphs[start]?.text;
    const what =
      found === undefined
        ? 'the first section heading'
        : endsSentence(found)
          ? `a sentence (“${excerpt(found)}”)`
          : /[：:]$/u.test(found)
            ? `a line ending in a colon (“${excerpt(found)}”), as a 主送机关 or a lead-in does`
            : CLAUSE.test(found)
              ? `a line with a clause mark (“${CLAUSE.exec(found)![0]}” in “${excerpt(found)}”), as running text has and a title does not`
              : `a line of ${[...found].length} characters (“${excerpt(found)}”), longer than a title's line`;
    problems.push(
      problem(where?.line ?? 1, where?.column ?? 1, 'missing-title', `The plan's title should come ${notice ? 'after the notice' : 'first'}, but the reader finds ${what} there: a title is a short line that is not a sentence.`),
    );
    return undefined;
  }
  // With no notice read, a title that is a covering letter's (…的通知) is a notice that nothing closed.
  if (!notice && endsInNoticeKind(join(paragraphs.slice(start, i)))) {
    const [p, last] = [paragraphs[start]!, paragraphs[i - 1]!];
    const lines = p === last ? `Line ${p.line}` : `Lines ${p.line}–${last.line}`;
    problems.push(at(p, 'notice-date', `${lines} read as the head of a covering notice (its title ends “…${[...last.text].slice(-6).join('')}” at line ${last.line}), where the plan's title belongs, but no 成文日期 (a date such as 2020年3月6日) closes the notice, so the reader cannot tell where the notice ends and the plan begins.`));
    return undefined;
  }
  if (paragraphs.slice(start, i).some(facts)) return undefined;
  // Items or labels before the first section cannot be placed.
  for (const p of paragraphs.slice(i)) {
    const look = lookOf(p.text);
    if ((look.kind === 'label' && isItemOnlyLabel(look.label)) || (look.kind === 'numbered' && isHeadingTitle(look.rest))) {
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
