/**
 * Reading a plan file from disk: bytes → lines (by format) → Plan, with problems and warnings formatted for the
 * terminal and a one-paragraph summary of what was recognised.
 */
import { readFile } from 'node:fs/promises';
import { PlanInputError } from '../pipeline/cli.ts';
import { readSource } from '../../read/read-source.ts';
import { parseDocument, type ParseOptions, type ReadReport } from '../../plan/parse-plan.ts';
import { formatProblem, type Problem, type Result } from '../../plan/problem.ts';
import type { Plan } from '../../plan/schema.ts';
import type { Furniture, SourceDocument } from '../../plan/source.ts';
import { isPageEdge } from '../../plan/web-furniture.ts';

/** Throws PlanInputError with every problem, formatted against `path`. */
export function failWith(path: string, problems: Problem[]): never {
  throw new PlanInputError(problems.map((p) => formatProblem(path, p)));
}

/** A plan read from a file, with what the reader saw. */
export interface ReadPlan {
  plan: Plan;
  report: ReadReport;
  /** Warnings, formatted as path:line:col: rule: message. */
  warnings: string[];
}

/** Bytes of a file in any accepted format (text, .docx, PDF, HTML) → the document's lines, or why not. */
export async function bytesToDocument(bytes: Uint8Array, fileName: string): Promise<Result<SourceDocument>> {
  return readSource(bytes, fileName);
}

/** Reads and parses a plan file; throws PlanInputError on any problem. `options` come from the plan's config. */
export async function readPlanFile(path: string, options: ParseOptions = {}): Promise<ReadPlan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code;
    throw new PlanInputError([`${path}:1:1: unreadable-file: Cannot read the plan file (${why}).`]);
  }
  return readPlanBytes(path, bytes, options);
}

/** How a plan file's bytes are read: readPlanBytes, or the build's cache in front of it (parsed-plans.ts). */
export type ReadBytes = (path: string, bytes: Uint8Array, options?: ParseOptions) => Promise<ReadPlan>;

/** Parses a plan file's bytes, already read (a plan folder reads each file once, for its digest too). */
export async function readPlanBytes(path: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ReadPlan> {
  const doc = await bytesToDocument(bytes, path);
  if (!doc.ok) failWith(path, doc.problems);
  const parsed = parseDocument(doc.value, options);
  if (!parsed.ok) failWith(path, parsed.problems);
  return { plan: parsed.value, report: parsed.report, warnings: parsed.warnings.map((w) => formatProblem(path, w)) };
}

const LAYOUT_NAMES = {
  numbering: { continuous: 'numbered through the plan', 'per-section': 'numbered anew in each section', 'per-subsection': 'numbered anew in each subsection', irregular: 'with irregular numbering' },
} as const;

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The reader's summary: format, layout, elements, furniture left out, warnings — to confirm at a glance. */
export function describeRead(read: ReadPlan): string[] {
  const { plan, report } = read;
  const b = report.body;
  const layout = [
    b.labelled ? 'items with 目标任务/工作措施 labels' : 'items as numbered paragraphs',
    b.subsections ? 'two levels (一、/（一）)' : b.itemLevel === 'subsection' ? 'items numbered （一）' : '',
    b.implicitSection ? 'no section headings (the items form one section)' : '',
    b.proseSections?.length ? `prose in section${b.proseSections.length > 1 ? 's' : ''} ${b.proseSections.join(', ')}` : '',
    LAYOUT_NAMES.numbering[b.numbering],
    report.text.hardWrapped ? `hard-wrapped text joined (lines of ${report.text.width} characters)` : '',
  ].filter(Boolean);
  const units = plan.items.filter((i) => i.responsible).length;
  return [
    `read as ${report.format}${report.encoding ? ` (${report.encoding})` : ''}: ${layout.join(', ')}`,
    `elements in the order found: ${report.elements.join(', ')}${plan.notice?.docNumber ? ` (${plan.notice.docNumber})` : ''}; ${counted(plan.sections.length, 'section')}${plan.sections.some((sec) => sec.implicit) ? ' (no heading printed)' : ''}, ${counted(plan.items.length, 'item')} (${units} with 责任单位)`,
    `left out: ${describeLeftOut(report.removed)}`,
    `warnings: ${read.warnings.length}`,
    ...read.warnings.map((w) => `  ${w}`),
  ];
}

const FURNITURE_NAMES: Record<Exclude<Furniture['kind'], 'web-page'>, [string, string]> = {
  'page-number': ['page number', 'page numbers'],
  'running-header': ['running header', 'running headers'],
  contents: ['目录 line', '目录 lines'],
  'form-feed': ['form feed', 'form feeds'],
};
// Beyond this many lines of one kind, the summary gives their count, line span and first and last text.
const LIST_EACH = 3;
const QUOTE_CHARS = 24;

function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : text}”`;
}

/**
 * What the reader left out, line by line, so a person sees at a glance that no line of the document is among
 * them; many page numbers or headers are grouped (count, lines, first and last).
 * @example describeLeftOut([{ kind: 'web-page', shape: 'breadcrumb', text: '当前位置：首页', line: 1 }]) // 'line 1 breadcrumb “当前位置：首页”'
 */
export function describeLeftOut(removed: readonly Furniture[]): string {
  if (removed.length === 0) return 'nothing';
  const sorted = [...removed].sort((a, b) => a.line - b.line);
  // What repeats page after page (page numbers, headers, a browser's print header and footer) is grouped by name.
  const paged = (f: Furniture) => f.kind !== 'web-page' || isPageEdge(f);
  const names = (f: Furniture): [string, string] => (f.kind === 'web-page' ? [f.shape!, f.shape!.endsWith('s') ? `${f.shape!}es` : `${f.shape!}s`] : FURNITURE_NAMES[f.kind]);
  const parts: string[] = [];
  const grouped = new Set<string>();
  for (const [k, f] of sorted.entries()) {
    if (!paged(f)) {
      // A run of lines of one shape (a page's marks one per line) is one entry: its lines, then their texts.
      const joins = (a: Furniture | undefined, b: Furniture | undefined) => a !== undefined && b !== undefined && !paged(a) && !paged(b) && a.shape === b.shape && b.line - a.line <= 2;
      if (joins(sorted[k - 1], f)) continue;
      const run = [f];
      for (let j = k + 1; joins(sorted[j - 1], sorted[j]); j++) run.push(sorted[j]!);
      const where = run.length === 1 ? `line ${f.line}` : `lines ${run.map((r) => r.line).join(', ')}`;
      parts.push(`${where} ${f.shape ?? 'web page furniture'} ${run.map((r) => quote(r.text)).join(' ')}`);
      continue;
    }
    const [one, many] = names(f);
    const same = sorted.filter((g) => paged(g) && names(g)[0] === one);
    if (same.length <= LIST_EACH) {
      parts.push(`line ${f.line} ${one} ${quote(f.text)}`);
    } else if (!grouped.has(one)) {
      grouped.add(one);
      const last = same[same.length - 1]!;
      parts.push(`${same.length} ${many} (lines ${f.line}–${last.line}: ${quote(f.text)} … ${quote(last.text)})`);
    }
  }
  return parts.join(', ');
}
