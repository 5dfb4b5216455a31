/**
 * A document → Plan, or every located problem. Pure: no file, clock or global state.
 *
 * Whatever the format, the document arrives as lines (source.ts). They are settled into paragraphs with page
 * furniture left out (layout.ts), then read in three parts, each element by what it is: the head — the notice
 * as a 公文, the plan's title and 总体要求 (preamble.ts); the body — sections and items in any layout of the
 * genre (body.ts); the tail — 附件 and 版记 (tail.ts).
 */
import { assemblePlan } from './assemble.ts';
import { parseBody, type BodyLayout } from './body.ts';
import { lookOf } from './classify.ts';
import { settleParagraphs, type SettledParagraphs } from './layout.ts';
import { toSourceLines } from './normalize.ts';
import { parsePreamble } from './preamble.ts';
import { problem, sortProblems, type Problem } from './problem.ts';
import type { Plan, SourcePos } from './schema.ts';
import type { Furniture, SourceDocument, SourceFormat } from './source.ts';
import { parseTail, startsTail } from './tail.ts';

/** What the reader recognised, for the summary a person confirms at a glance. */
export interface ReadReport {
  format: SourceFormat;
  encoding?: string;
  body: BodyLayout;
  text: SettledParagraphs['layout'];
  /** 公文 elements found, by their standard names. */
  elements: string[];
  /** Page furniture left out of the official text. */
  removed: Furniture[];
  /** Where the plan's title starts in the source: messages about what the title does not say point here. */
  titleAt: SourcePos;
}

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
    problems.push(problem(first.line, first.column, 'no-text', 'The file holds only page furniture (page numbers, running headers or a table of contents), no text of a plan.'));
  }
  if (problems.length > 0 && ps.length === 0) return { ok: false, problems: sortProblems(problems) };

  // The body starts at the first section heading 一、; the tail at the first 附件 mark or 版记 line after it.
  const first = ps.findIndex((p) => !p.table && lookOf(p.text).kind === 'section');
  if (first === -1) {
    const at = ps[0]!;
    problems.push(problem(at.line, at.column, 'no-sections', 'No section heading (a line such as 一、…) was found, and the reader reads a plan as sections of items. If this file is not the plan itself (a scan, a cover page, another document), give the plan’s own text.'));
    return { ok: false, problems: sortProblems(problems) };
  }
  let tail = ps.findIndex((p, i) => i > first && startsTail(p));
  if (tail === -1) tail = ps.length;

  const preamble = parsePreamble(ps.slice(0, first), problems, ps[first]);
  const body = parseBody(ps.slice(first, tail), problems, warnings);
  const rest = parseTail(ps.slice(tail), problems);
  if (problems.length > 0 || !preamble) return { ok: false, problems: sortProblems(problems) };
  const assembled = assemblePlan(preamble, body, rest, options.officeAliases);
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
      elements: elementsOf(plan),
      removed: [...doc.removed, ...settled.removed],
      titleAt: preamble.titleAt,
    },
  };
}

/** The 公文 elements a plan carries, by their standard names, in document order. */
export function elementsOf(plan: Plan): string[] {
  const n = plan.notice;
  const out: string[] = [];
  if (n) {
    if (n.headMarks) out.push('版头标记');
    if (n.issuer) out.push('发文机关标志');
    if (n.docNumber) out.push('发文字号');
    if (n.signer) out.push('签发人');
    out.push('标题');
    if (n.addressees) out.push('主送机关');
    out.push('正文');
    if (n.attachmentNote) out.push('附件说明');
    if (n.signatories.length) out.push('发文机关署名');
    out.push('成文日期');
    if (n.notes) out.push('附注');
  }
  out.push('工作要点');
  if (plan.closing) out.push('结束语');
  if (plan.attachments.length) out.push(`附件×${plan.attachments.length}`);
  if (plan.colophon) out.push('版记');
  return out;
}
