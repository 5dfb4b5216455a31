/**
 * A document → Plan, or every located problem. Pure: no file, clock or global state.
 *
 * Whatever the format, the document arrives as lines (source.ts). They are settled into paragraphs with page
 * furniture left out (layout.ts), then read in three parts, each element by what it is: the head — the notice
 * as a 公文, the plan's title and 总体要求 (preamble.ts); the body — sections and items in any layout of the
 * genre (body.ts); the tail — 附件 and 版记 (tail.ts).
 */
import { assemblePlan } from './assemble.ts';
import { orderFound } from './elements-found.ts';
import { parseBody, type BodyLayout } from './body.ts';
import { findBodyStart } from './body-start.ts';
import { lookOf } from './classify.ts';
import { settleParagraphs, type SettledParagraphs } from './layout.ts';
import { toSourceLines } from './normalize.ts';
import { parsePreamble } from './preamble.ts';
import { excerpt, problem, sortProblems, type Problem } from './problem.ts';
import { headOrderOf, isDate } from './notice.ts';
import type { Plan, SourcePos } from './schema.ts';
import type { Furniture, SourceDocument, SourceFormat, SourceLine } from './source.ts';
import { splitSignature } from './signature.ts';
import { parseTail, startsTail } from './tail.ts';

/** What the reader recognised, for the summary a person confirms at a glance. */
export interface ReadReport {
  format: SourceFormat;
  encoding?: string;
  body: BodyLayout;
  text: SettledParagraphs['layout'];
  /** 公文 elements found, by their standard names, in the order the document has them. */
  elements: string[];
  /** Page furniture left out of the official text. */
  removed: Furniture[];
  /** Where the plan title starts in the source, so messages about it (year, series) can point there. */
  titleAt?: SourcePos;
}

const FURNITURE_NAMES: Record<string, string> = { 'page-number': 'page numbers', 'running-header': 'running headers', contents: 'a table of contents', 'form-feed': 'page breaks' };

/** A plan read, with warnings and the report; or the problems that stopped it. */
export type ReadResult =
  | { ok: true; value: Plan; warnings: Problem[]; report: ReadReport }
  | { ok: false; problems: Problem[] };

/** What a plan's config tells the reader; nothing here has a plan-specific default. */
export interface ParseOptions {
  /** Other names of an office → its canonical name, e.g. { 考试院: '教育考试院' }. */
  officeAliases?: Readonly<Record<string, string>>;
}

/**
 * Parses plain text (the seed's form, or text copied or extracted from a PDF).
 * @example parsePlan(text).ok // true for the 2020 plan
 */
export function parsePlan(text: string, options: ParseOptions = {}): ReadResult {
  return parseDocument({ format: 'text', lines: toSourceLines(text), removed: [], warnings: [] }, options);
}

/** Parses a document read from any format. */
export function parseDocument(doc: SourceDocument, options: ParseOptions = {}): ReadResult {
  if (doc.lines.length === 0) {
    return { ok: false, problems: [problem(1, 1, 'empty-file', 'The file holds no text.')] };
  }
  const settled = settleParagraphs(doc.lines);
  const problems: Problem[] = [...settled.problems];
  const warnings: Problem[] = [...doc.warnings, ...settled.warnings];
  const ps = settled.paragraphs;
  if (ps.length === 0 && problems.length === 0) {
    const first = doc.lines[0]!;
    // Name the furniture that was found, so the claim is true of this file.
    const kinds = [...new Set([...doc.removed, ...settled.removed].map((f) => FURNITURE_NAMES[f.kind] ?? f.kind))];
    problems.push(problem(first.line, first.column, 'no-text', `The file holds only page furniture (${kinds.join(', ') || 'lines the reader leaves out'}), no text of a plan.`));
  }
  if (problems.length > 0 && ps.length === 0) return { ok: false, problems: sortProblems(problems) };

  // Lines that hold several paragraphs run together, or pinyin a page put between the characters: nothing
  // downstream can be read right, and this is the cause.
  const flattened = problems.filter((p) => p.ruleId === 'flattened-text' || p.ruleId === 'pinyin-inserted');
  if (flattened.length > 0) return { ok: false, problems: sortProblems(flattened) };

  // The body starts at the first section heading 一、 (or, in a plan with none, at item 1.); the tail at the first
  // 附件 mark, 附件说明 or 版记 line after it.
  const first = findBodyStart(ps);
  if (first === -1) {
    problems.push(withoutSections(ps, doc.lines.length));
    return { ok: false, problems: sortProblems(problems) };
  }
  let tail = ps.findIndex((p, i) => i > first && startsTail(p));
  if (tail === -1) tail = ps.length;

  const preamble = parsePreamble(ps.slice(0, first), problems, ps[first]);
  // A plan without a covering notice may end with its own signature and date: at the end of its body, or below
  // its 附件说明 as a 公文 prints it. Under a notice, that signs the document; lines after the plan are refused.
  const unsigned = Boolean(preamble?.notice) || !preamble;
  const signed = unsigned ? { body: ps.slice(first, tail) } : splitSignature(ps.slice(first, tail));
  const body = parseBody(signed.body, problems, warnings);
  const rest = parseTail(ps.slice(tail), problems, { signatureBelowNote: !unsigned && !signed.signature });
  if (problems.length > 0 || !preamble) return { ok: false, problems: sortProblems(problems) };
  // One signature at most: above the 附件说明 (the body's end) or below it (the tail's start).
  const signature = signed.signature ?? rest.signature;
  const assembled = assemblePlan(preamble, body, { ...rest, ...(signature ? { signature } : {}) }, options.officeAliases);
  if (!assembled.ok) return assembled;
  const plan = assembled.value;
  return {
    ok: true,
    value: plan,
    warnings: sortProblems(warnings),
    report: {
      format: doc.format,
      ...(doc.encoding ? { encoding: doc.encoding } : {}),
      body: body.layout,
      text: settled.layout,
      elements: orderFound(elementsOf(plan), plan, ps),
      removed: [...doc.removed, ...settled.removed],
      titleAt: preamble.titleAt,
    },
  };
}

// Section headings, subsection headings and numbered paragraphs: the forms in which a plan's body is printed.
const HEADING_KINDS = new Set(['section', 'subsection', 'numbered']);
const headingLook = (p: SourceLine) => !p.table && HEADING_KINDS.has(lookOf(p.text).kind);

/**
 * Why a document without a 一、 heading is refused: the claim must be true of the file. With no heading of any
 * form the reader knows, it says what the file holds instead; with numbered paragraphs or （一） headings but no
 * 一、 above them, it points at the first of them.
 */
function withoutSections(ps: readonly SourceLine[], lineCount: number): Problem {
  const numbered = ps.find(headingLook);
  if (numbered) {
    const look = lookOf(numbered.text);
    const why =
      look.kind === 'subsection'
        ? 'a （一） heading, but no section heading such as 一、… stands above it or anywhere in the file, and the reader reads （一） headings only under a section'
        : 'a numbered paragraph, but no section heading such as 一、… is in the file, nor a run of numbered paragraphs 1., 2. … from which to read the plan’s items without sections';
    return problem(numbered.line, numbered.column, 'no-section-headings', `The first heading of the file (“${excerpt(numbered.text)}”) is ${why}.`);
  }
  const at = ps[0]!;
  const last = ps[ps.length - 1]!;
  const span = ps.length === 1 ? `“${excerpt(at.text)}”` : `from “${excerpt(at.text)}” to “${excerpt(last.text)}” (line ${last.line})`;
  const date = ps.findIndex((p) => isDate(p.text));
  const notice = date === -1 ? '' : ` It holds a covering notice dated ${ps[date]!.text} (line ${ps[date]!.line}) and ${ps.length - date - 1} paragraph${ps.length - date - 1 === 1 ? '' : 's'} after it, none of them a heading.`;
  return problem(
    at.line,
    at.column,
    'no-sections',
    `None of the file's ${lineCount} non-empty line${lineCount === 1 ? '' : 's'} (${span}) is a heading or a numbered item of any form the reader knows (一、…, （一）…, 1. …), so it holds no body of work items to read.${notice} If this is not the plan itself (a scan, a cover page, a news page or another document), give the plan’s own text.`,
  );
}


/** The 公文 elements a plan carries, by their standard names, in document order. */
export function elementsOf(plan: Plan): string[] {
  const n = plan.notice;
  const out: string[] = [];
  if (n) {
    if (n.headMarks) out.push('版头标记');
    const head = { issuer: '发文机关标志', docNumber: '发文字号', signer: '签发人', title: '标题' } as const;
    for (const e of headOrderOf(n)) out.push(head[e]);
    if (n.addressees) out.push('主送机关');
    out.push('正文');
    if (n.attachmentNote) out.push('附件说明');
    if (n.signatories.length) out.push('发文机关署名');
    out.push('成文日期');
    if (n.notes) out.push('附注');
  }
  out.push('工作要点');
  if (plan.closing) out.push('结束语');
  const signed = plan.signature ? ['发文机关署名', '成文日期', ...(plan.signature.notes ? ['附注'] : [])] : [];
  if (!plan.signature?.belowAttachmentNote) out.push(...signed);
  if (plan.attachmentNote) out.push('附件说明');
  if (plan.signature?.belowAttachmentNote) out.push(...signed);
  if (plan.attachments.length) out.push(`附件×${plan.attachments.length}`);
  if (plan.colophon) out.push('版记');
  return out;
}
